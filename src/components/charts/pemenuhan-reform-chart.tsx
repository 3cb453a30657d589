"use client";

import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { formatPercent, formatScore } from "@/domain/scoring/format";
import { ChartDataTable } from "./chart-data-table";

export interface HalfArea {
  id: string;
  letter: string;
  name: string;
  pemenuhan: number;
  pemenuhanMax: number;
  reform: number;
  reformMax: number;
}

const pct = (score: number, max: number) => (max > 0 ? (score / max) * 100 : 0);

/** Pemenuhan and reform of each area as % of their own weight, against the WBK and WBBM minimum shares. */
export function PemenuhanReformChart({
  areas,
  minWbkPct,
  minWbbmPct,
  caption,
}: {
  areas: HalfArea[];
  minWbkPct: number;
  minWbbmPct: number;
  caption: string;
}) {
  const data = areas.map((a) => ({
    letter: a.letter,
    pemenuhan: Math.round(pct(a.pemenuhan, a.pemenuhanMax) * 100) / 100,
    reform: Math.round(pct(a.reform, a.reformMax) * 100) / 100,
  }));
  return (
    <figure>
      <div aria-hidden>
        <BarChart
          accessibilityLayer={false}
          responsive
          data={data}
          style={{ width: "100%", height: 280 }}
          margin={{ top: 10, right: 44, bottom: 0, left: -12 }}
          barGap={2}
        >
          <CartesianGrid vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="letter" tick={{ fontSize: 12, fill: "#334155" }} tickLine={false} />
          <YAxis domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tick={{ fontSize: 11, fill: "#64748b" }} unit="%" />
          <ReferenceLine
            y={minWbkPct}
            stroke="#d97706"
            strokeDasharray="5 4"
            label={{ value: "WBK", position: "right", fontSize: 10, fill: "#b45309" }}
          />
          <ReferenceLine
            y={minWbbmPct}
            stroke="#7c3aed"
            strokeDasharray="5 4"
            label={{ value: "WBBM", position: "right", fontSize: 10, fill: "#6d28d9" }}
          />
          <Tooltip
            formatter={(v) => formatPercent(Number(v))}
            labelFormatter={(l) => areas.find((a) => a.letter === l)?.name ?? String(l)}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="pemenuhan" name="Pemenuhan" fill="#2f6fd6" radius={[3, 3, 0, 0]} isAnimationActive={false} />
          <Bar dataKey="reform" name="Reform" fill="#0d9488" radius={[3, 3, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </div>
      <ChartDataTable
        caption={caption}
        columns={[
          { label: "Area" },
          { label: "Pemenuhan", numeric: true },
          { label: "% bobot", numeric: true },
          { label: "Reform", numeric: true },
          { label: "% bobot", numeric: true },
        ]}
        rows={areas.map((a) => ({
          key: a.id,
          cells: [
            `${a.letter}. ${a.name}`,
            `${formatScore(a.pemenuhan)} / ${formatScore(a.pemenuhanMax)}`,
            formatPercent(pct(a.pemenuhan, a.pemenuhanMax)),
            `${formatScore(a.reform)} / ${formatScore(a.reformMax)}`,
            formatPercent(pct(a.reform, a.reformMax)),
          ],
        }))}
      />
    </figure>
  );
}
