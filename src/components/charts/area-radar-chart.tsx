"use client";

import { PolarAngleAxis, PolarGrid, PolarRadiusAxis, Radar, RadarChart, Tooltip } from "recharts";
import { formatPercent, formatScore } from "@/domain/scoring/format";
import { ChartDataTable } from "./chart-data-table";

export interface RadarArea {
  id: string;
  /** A, B, … F: the tick on narrow screens. */
  letter: string;
  name: string;
  score: number;
  weight: number;
  /** score ÷ weight × 100. */
  pct: number;
  minWbkPct: number;
  minWbbmPct: number;
  /** Minimum points (weight × minimum %), from the engine. */
  minWbk: number;
  minWbbm: number;
}

/** Splits an area name into lines of about `width` characters for the radar's ticks. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(" ")) {
    const last = lines[lines.length - 1];
    if (last && last.length + word.length + 1 <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

function AreaTick(props: {
  x?: number | string;
  y?: number | string;
  textAnchor?: string;
  payload?: { value: string };
  areas: RadarArea[];
}) {
  const { payload, areas } = props;
  const x = Number(props.x ?? 0);
  const y = Number(props.y ?? 0);
  const area = areas.find((a) => a.letter === payload?.value);
  if (!area) return null;
  const anchor = (props.textAnchor ?? "middle") as "start" | "middle" | "end";
  const lines = wrap(`${area.letter}. ${area.name}`, 16);
  return (
    <g>
      <text
        x={x}
        y={y}
        textAnchor={anchor}
        dominantBaseline="central"
        className="fill-slate-700 text-xs font-semibold sm:hidden"
      >
        {area.letter}
      </text>
      <text
        x={x}
        y={y - ((lines.length - 1) * 13) / 2}
        textAnchor={anchor}
        className="hidden fill-slate-700 text-[11px] sm:block"
      >
        {lines.map((line, i) => (
          <tspan key={i} x={x} dy={i === 0 ? 4 : 13}>
            {line}
          </tspan>
        ))}
      </text>
    </g>
  );
}

/** The six pengungkit areas as % of their weight, with the WBK (60 %) and WBBM (75 %) minimum rings. */
export function AreaRadarChart({ areas, caption }: { areas: RadarArea[]; caption: string }) {
  const data = areas.map((a) => ({
    letter: a.letter,
    pct: Math.round(a.pct * 100) / 100,
    wbk: a.minWbkPct,
    wbbm: a.minWbbmPct,
  }));
  const wbk = areas[0]?.minWbkPct ?? 60;
  const wbbm = areas[0]?.minWbbmPct ?? 75;
  return (
    <figure>
      <div className="mx-auto w-full max-w-[520px]" aria-hidden>
        <RadarChart
          accessibilityLayer={false}
          responsive
          data={data}
          outerRadius="70%"
          style={{ width: "100%", aspectRatio: 1.1, maxHeight: 480 }}
          margin={{ top: 16, right: 16, bottom: 16, left: 16 }}
        >
          <PolarGrid stroke="#e2e8f0" />
          <PolarAngleAxis dataKey="letter" tick={(p: object) => <AreaTick {...(p as object)} areas={areas} />} />
          <PolarRadiusAxis
            angle={60}
            domain={[0, 100]}
            tickCount={5}
            tick={{ fontSize: 10, fill: "#64748b" }}
            axisLine={false}
          />
          <Radar
            name={`Minimum WBBM (${wbbm}%)`}
            dataKey="wbbm"
            stroke="#7c3aed"
            strokeDasharray="5 4"
            fill="none"
            isAnimationActive={false}
            dot={false}
          />
          <Radar
            name={`Minimum WBK (${wbk}%)`}
            dataKey="wbk"
            stroke="#d97706"
            strokeDasharray="5 4"
            fill="none"
            isAnimationActive={false}
            dot={false}
          />
          <Radar
            name="Capaian area"
            dataKey="pct"
            stroke="#1f56b8"
            fill="#2f6fd6"
            fillOpacity={0.25}
            strokeWidth={2}
            isAnimationActive={false}
            dot={{ r: 3 }}
          />
          <Tooltip
            formatter={(v) => formatPercent(Number(v))}
            labelFormatter={(l) => areas.find((a) => a.letter === l)?.name ?? String(l)}
          />
        </RadarChart>
      </div>
      <figcaption className="mt-1 flex flex-wrap justify-center gap-x-4 gap-y-1 text-xs text-slate-600">
        <span className="inline-flex items-center gap-1.5">
          <span className="inline-block h-2.5 w-4 rounded-sm bg-brand-500/40 ring-1 ring-brand-600" aria-hidden />{" "}
          Capaian area (% bobot)
        </span>
        <span className="inline-flex items-center gap-1.5">
          <span className="inline-block w-4 border-t-2 border-dashed border-amber-600" aria-hidden /> Minimum WBK {wbk}%
        </span>
        <span className="inline-flex items-center gap-1.5">
          <span className="inline-block w-4 border-t-2 border-dashed border-violet-600" aria-hidden /> Minimum WBBM{" "}
          {wbbm}%
        </span>
      </figcaption>
      <ul className="mt-2 grid gap-x-4 text-xs text-slate-600 sm:hidden">
        {areas.map((a) => (
          <li key={a.id}>
            <span className="font-semibold">{a.letter}.</span> {a.name}
          </li>
        ))}
      </ul>
      <ChartDataTable
        caption={caption}
        testId="area-table"
        columns={[
          { label: "Area" },
          { label: "Nilai", numeric: true },
          { label: "Bobot", numeric: true },
          { label: "% bobot", numeric: true },
          { label: `Min. WBK (${wbk}%)`, numeric: true },
          { label: `Min. WBBM (${wbbm}%)`, numeric: true },
        ]}
        rows={areas.map((a) => ({
          key: a.id,
          testId: `area-row-${a.letter}`,
          cells: [
            `${a.letter}. ${a.name}`,
            <span key="s" data-testid="area-score">
              {formatScore(a.score)}
            </span>,
            <span key="w" data-testid="area-weight">
              {formatScore(a.weight)}
            </span>,
            <span key="p" data-testid="area-pct">
              {formatPercent(a.pct)}
            </span>,
            formatScore(a.minWbk),
            formatScore(a.minWbbm),
          ],
        }))}
      />
    </figure>
  );
}
