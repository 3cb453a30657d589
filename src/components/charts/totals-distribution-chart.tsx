"use client";

import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { formatScore } from "@/domain/scoring/format";
import type { Readiness } from "@/domain/readiness";
import { READINESS_LABELS } from "@/domain/readiness";
import { ChartDataTable } from "./chart-data-table";

export interface UnitTotal {
  unitId: string;
  shortName: string;
  name: string;
  total: number;
  readiness: Readiness;
  layerLabel: string;
}

const FILL: Record<Readiness, string> = { WBBM: "#7c3aed", WBK: "#059669", BELUM: "#94a3b8" };

/** Every unit's total as a bar, sorted, against the WBK (75) and WBBM (85) total thresholds. */
export function TotalsDistributionChart({
  units,
  wbkTotal,
  wbbmTotal,
  caption,
}: {
  units: UnitTotal[];
  wbkTotal: number;
  wbbmTotal: number;
  caption: string;
}) {
  const sorted = [...units].sort((a, b) => b.total - a.total);
  const data = sorted.map((u) => ({
    name: u.shortName,
    total: Math.round(u.total * 100) / 100,
    readiness: u.readiness,
  }));
  return (
    <figure>
      <div aria-hidden>
        <BarChart
          accessibilityLayer={false}
          responsive
          layout="vertical"
          data={data}
          style={{ width: "100%", height: Math.max(160, 30 * data.length + 50) }}
          margin={{ top: 18, right: 16, bottom: 0, left: 0 }}
        >
          <CartesianGrid horizontal={false} stroke="#e2e8f0" />
          <XAxis
            type="number"
            domain={[0, 100]}
            ticks={[0, 25, 50, 75, 100]}
            tick={{ fontSize: 11, fill: "#64748b" }}
          />
          <YAxis type="category" dataKey="name" width={104} tick={{ fontSize: 11, fill: "#334155" }} interval={0} />
          <ReferenceLine
            x={wbkTotal}
            stroke="#d97706"
            strokeDasharray="5 4"
            label={{ value: String(wbkTotal), position: "top", fontSize: 10, fill: "#b45309" }}
          />
          <ReferenceLine
            x={wbbmTotal}
            stroke="#7c3aed"
            strokeDasharray="5 4"
            label={{ value: String(wbbmTotal), position: "top", fontSize: 10, fill: "#6d28d9" }}
          />
          <Tooltip formatter={(v) => formatScore(Number(v))} />
          <Bar dataKey="total" name="Nilai total" radius={[0, 3, 3, 0]} isAnimationActive={false} barSize={16}>
            {data.map((d) => (
              <Cell key={d.name} fill={FILL[d.readiness]} />
            ))}
          </Bar>
        </BarChart>
      </div>
      <figcaption className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600">
        {(["WBBM", "WBK", "BELUM"] as const).map((r) => (
          <span key={r} className="inline-flex items-center gap-1.5">
            <span className="inline-block h-2.5 w-2.5 rounded-sm" style={{ background: FILL[r] }} aria-hidden />{" "}
            {READINESS_LABELS[r]}
          </span>
        ))}
        <span className="inline-flex items-center gap-1.5">
          <span className="inline-block w-4 border-t-2 border-dashed border-amber-600" aria-hidden /> Batas WBK{" "}
          {wbkTotal}
        </span>
        <span className="inline-flex items-center gap-1.5">
          <span className="inline-block w-4 border-t-2 border-dashed border-violet-600" aria-hidden /> Batas WBBM{" "}
          {wbbmTotal}
        </span>
      </figcaption>
      <ChartDataTable
        caption={caption}
        columns={[
          { label: "Unit" },
          { label: "Nilai total", numeric: true },
          { label: "Kesiapan" },
          { label: "Sumber nilai" },
        ]}
        rows={sorted.map((u) => ({
          key: u.unitId,
          cells: [u.name, formatScore(u.total), READINESS_LABELS[u.readiness], u.layerLabel],
        }))}
      />
    </figure>
  );
}
