"use client";

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { ChartDataTable } from "./chart-data-table";

export interface SurveyElementRow {
  code: string;
  label: string;
  mean: number | null;
}

const fmt = (n: number | null) =>
  n === null ? "—" : n.toLocaleString("id-ID", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Mean per element on the answer scale, with the numbers as a table. */
export function SurveyElementsChart({
  rows,
  scale,
  caption,
  testId,
}: {
  rows: SurveyElementRow[];
  scale: readonly [number, number];
  caption: string;
  testId: string;
}) {
  const data = rows.map((r) => ({ code: r.code, mean: r.mean === null ? null : Math.round(r.mean * 100) / 100 }));
  return (
    <figure>
      <div aria-hidden>
        <BarChart
          accessibilityLayer={false}
          responsive
          data={data}
          style={{ width: "100%", height: 220 }}
          margin={{ top: 8, right: 8, bottom: 4, left: -16 }}
        >
          <CartesianGrid vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="code" tick={{ fontSize: 11, fill: "#334155" }} />
          <YAxis domain={[0, scale[1]]} tick={{ fontSize: 11, fill: "#64748b" }} allowDecimals={false} />
          <Tooltip formatter={(v) => fmt(v === null || v === undefined ? null : Number(v))} />
          <Bar dataKey="mean" name="Rata-rata" fill="#1f56b8" isAnimationActive={false} />
        </BarChart>
      </div>
      <ChartDataTable
        caption={caption}
        testId={testId}
        columns={[
          { label: "Kode" },
          { label: "Unsur" },
          { label: `Rata-rata (${scale[0]}–${scale[1]})`, numeric: true },
        ]}
        rows={rows.map((r) => ({ key: r.code, cells: [r.code, r.label, fmt(r.mean)] }))}
      />
    </figure>
  );
}
