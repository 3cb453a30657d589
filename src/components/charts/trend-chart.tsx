"use client";

import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { formatScore } from "@/domain/scoring/format";
import { ChartDataTable } from "./chart-data-table";

export interface TrendRow {
  year: number;
  total: number | null;
  /** "Penilaian TPI" / "Penilaian mandiri", or null without an LKE. */
  layerLabel: string | null;
  penetapan: "WBK" | "WBBM" | "TIDAK" | null;
  /** "WBK", "WBBM", "Tidak memperoleh predikat", or null before penetapan. */
  penetapanLabel: string | null;
}

const PREDIKAT_FILL = { WBK: "#047857", WBBM: "#6d28d9", TIDAK: "#64748b" } as const;

/** The year under the axis and, below it, that year's penetapan result (also for years without an LKE). */
function YearTick(props: {
  x?: number | string;
  y?: number | string;
  payload?: { value: string };
  points: TrendRow[];
}) {
  const x = Number(props.x ?? 0);
  const y = Number(props.y ?? 0);
  const point = props.points.find((p) => String(p.year) === props.payload?.value);
  return (
    <g>
      <text x={x} y={y + 12} textAnchor="middle" fontSize={12} fill="#334155">
        {props.payload?.value}
      </text>
      {point?.penetapan && (
        <text x={x} y={y + 27} textAnchor="middle" fontSize={11} fontWeight={600} fill={PREDIKAT_FILL[point.penetapan]}>
          {point.penetapan === "TIDAK" ? "Tidak" : point.penetapan}
        </text>
      )}
    </g>
  );
}

/** Total per year from the stored scores, with the WBK and WBBM total thresholds and each year's penetapan. */
export function TrendChart({
  points,
  wbkTotal,
  wbbmTotal,
  caption,
}: {
  points: TrendRow[];
  wbkTotal: number;
  wbbmTotal: number;
  caption: string;
}) {
  const data = points.map((p) => ({
    year: String(p.year),
    total: p.total === null ? null : Math.round(p.total * 100) / 100,
  }));
  return (
    <figure>
      <div aria-hidden>
        <LineChart
          accessibilityLayer={false}
          responsive
          data={data}
          style={{ width: "100%", height: 260 }}
          margin={{ top: 12, right: 64, bottom: 8, left: -12 }}
        >
          <CartesianGrid vertical={false} stroke="#e2e8f0" />
          <XAxis
            dataKey="year"
            height={40}
            tick={(p: object) => <YearTick {...(p as object)} points={points} />}
            padding={{ left: 28, right: 28 }}
          />
          <YAxis domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tick={{ fontSize: 11, fill: "#64748b" }} />
          <ReferenceLine
            y={wbkTotal}
            stroke="#d97706"
            strokeDasharray="5 4"
            label={{ value: `WBK ${wbkTotal}`, position: "right", fontSize: 10, fill: "#b45309" }}
          />
          <ReferenceLine
            y={wbbmTotal}
            stroke="#7c3aed"
            strokeDasharray="5 4"
            label={{ value: `WBBM ${wbbmTotal}`, position: "right", fontSize: 10, fill: "#6d28d9" }}
          />
          <Tooltip formatter={(v) => (v === null || v === undefined ? "—" : formatScore(Number(v)))} />
          <Line
            type="linear"
            dataKey="total"
            name="Nilai total"
            stroke="#1f56b8"
            strokeWidth={2}
            dot={{ r: 4 }}
            connectNulls
            isAnimationActive={false}
          />
        </LineChart>
      </div>
      <figcaption className="mt-1 text-xs text-slate-500">
        Di bawah tiap tahun: hasil penetapan predikat tahun itu.
      </figcaption>
      <ChartDataTable
        caption={caption}
        testId="trend-table"
        columns={[
          { label: "Tahun" },
          { label: "Nilai total", numeric: true },
          { label: "Sumber nilai" },
          { label: "Hasil penetapan" },
        ]}
        rows={points.map((p) => ({
          key: String(p.year),
          cells: [
            String(p.year),
            p.total === null ? "—" : formatScore(p.total),
            p.layerLabel ?? "Tidak ada LKE",
            p.penetapanLabel ?? "Belum ditetapkan",
          ],
        }))}
      />
    </figure>
  );
}
