import type { ReactNode } from "react";
import { cn } from "@/lib/cn";

export interface DataColumn {
  label: ReactNode;
  /** Right-align numbers. */
  numeric?: boolean;
}

/**
 * The numbers behind a chart, as a real table: for screen readers, for copying into a report and
 * for anyone who prefers figures to shapes. Collapsed under the chart by default.
 */
export function ChartDataTable({
  caption,
  columns,
  rows,
  testId,
  className,
}: {
  caption: string;
  columns: DataColumn[];
  rows: { key: string; cells: ReactNode[]; testId?: string }[];
  testId?: string;
  className?: string;
}) {
  return (
    <details className={cn("group mt-3 text-sm", className)} data-testid={testId}>
      <summary className="no-print cursor-pointer select-none text-sm font-medium text-brand-700 hover:underline">
        Lihat data tabel
      </summary>
      <div className="mt-2 overflow-x-auto">
        <table className="w-full border-collapse text-left text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr>
              {columns.map((c, i) => (
                <th
                  key={i}
                  scope="col"
                  className={cn(
                    "border-b border-slate-200 bg-slate-50 px-2 py-1.5 text-xs font-semibold text-slate-600",
                    c.numeric && "text-right",
                  )}
                >
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} data-testid={r.testId}>
                {r.cells.map((cell, i) =>
                  i === 0 ? (
                    <th
                      key={i}
                      scope="row"
                      className="border-b border-slate-100 px-2 py-1.5 text-left font-medium text-slate-800"
                    >
                      {cell}
                    </th>
                  ) : (
                    <td
                      key={i}
                      className={cn(
                        "border-b border-slate-100 px-2 py-1.5",
                        columns[i]?.numeric && "text-right tabular-nums",
                      )}
                    >
                      {cell}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
