"use client";

import { useEffect, useMemo, useState } from "react";
import Link from "next/link";
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import {
  createColumnHelper,
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnFiltersState,
  type FilterFn,
  type SortingState,
} from "@tanstack/react-table";
import type { UnitType } from "@/generated/prisma/enums";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/form";
import { ReadinessBadge, StatusBadge } from "@/components/dashboard/badges";
import { READINESS_LABELS, type Readiness, type ScoreLayer } from "@/domain/readiness";
import { ASSESSMENT_STATUSES, STATUS_LABELS, STATUS_ORDER, type AssessmentStatus } from "@/domain/review";
import { formatPercent, formatScore } from "@/domain/scoring/format";
import { cn } from "@/lib/cn";

export interface OverviewTableRow {
  unitId: string;
  /** The unit's rapor, or null where the reader may not open it (the province's read-only look). */
  raporHref: string | null;
  name: string;
  shortName: string;
  type: UnitType;
  typeLabel: string;
  status: AssessmentStatus | null;
  statusLabel: string;
  layer: ScoreLayer | null;
  total: number | null;
  /** The total as shown next to the WBK/WBBM minima (a value below one never reads as reaching it). */
  totalText: string;
  pengungkit: number | null;
  pengungkitText: string;
  hasil: number | null;
  readiness: Readiness | null;
  wbkEligible: boolean;
  wbbmEligible: boolean;
  evidencePct: number | null;
  evidenceLabel: string;
  overdue: boolean;
  lastActivity: string | null;
  lastActivityLabel: string;
}

type ReadinessFilter = Readiness | "";
type StatusFilter = AssessmentStatus | "NONE" | "";

const READINESS_RANK: Record<Readiness, number> = { WBBM: 2, WBK: 1, BELUM: 0 };

/** "Siap WBK" includes units also ready for WBBM, as on the summary cards; units without an LKE match none. */
const readinessFilter: FilterFn<OverviewTableRow> = (row, _id, value: ReadinessFilter) => {
  const r = row.original;
  if (!value) return true;
  if (!r.status) return false;
  if (value === "WBBM") return r.wbbmEligible;
  if (value === "WBK") return r.wbkEligible;
  return !r.wbkEligible;
};

const statusFilter: FilterFn<OverviewTableRow> = (row, _id, value: StatusFilter) => {
  if (!value) return true;
  return value === "NONE" ? row.original.status === null : row.original.status === value;
};

const equalsFilter: FilterFn<OverviewTableRow> = (row, id, value: string) => !value || row.getValue(id) === value;

const searchFilter: FilterFn<OverviewTableRow> = (row, _id, value: string) => {
  const q = value.trim().toLowerCase();
  if (!q) return true;
  return row.original.name.toLowerCase().includes(q) || row.original.shortName.toLowerCase().includes(q);
};

const col = createColumnHelper<OverviewTableRow>();

function UnitName({ row }: { row: OverviewTableRow }) {
  return row.raporHref ? (
    <Link href={row.raporHref} className="font-medium text-brand-700 hover:underline">
      {row.name}
    </Link>
  ) : (
    <span className="font-medium text-slate-900">{row.name}</span>
  );
}

const LAYER_SHORT: Record<ScoreLayer, string> = { TPI: "nilai TPI", SELF: "mandiri" };

const score = (v: number | null) => (v === null ? <span className="text-slate-500">—</span> : formatScore(v));
const shown = (v: number | null, text: string) => (v === null ? <span className="text-slate-500">—</span> : text);

const columns = [
  col.accessor("name", {
    header: "Unit",
    sortingFn: "text",
    cell: ({ row }) => (
      <div className="min-w-[11rem]">
        <UnitName row={row.original} />
        <p className="text-xs text-slate-500">
          {row.original.shortName} · {row.original.typeLabel}
        </p>
      </div>
    ),
  }),
  col.accessor("type", { header: "Jenis", filterFn: equalsFilter, enableSorting: false }),
  col.accessor((r) => r.total ?? undefined, {
    id: "total",
    header: "Total",
    sortUndefined: "last",
    cell: ({ row }) => (
      <>
        <span className="font-semibold" data-testid="row-total">
          {shown(row.original.total, row.original.totalText)}
        </span>
        {row.original.layer && (
          <span className="block whitespace-nowrap text-[11px] font-normal text-slate-500">
            {LAYER_SHORT[row.original.layer]}
          </span>
        )}
      </>
    ),
    meta: { numeric: true },
  }),
  col.accessor((r) => r.pengungkit ?? undefined, {
    id: "pengungkit",
    header: "Pengungkit",
    sortUndefined: "last",
    cell: ({ row }) => shown(row.original.pengungkit, row.original.pengungkitText),
    meta: { numeric: true },
  }),
  col.accessor((r) => r.hasil ?? undefined, {
    id: "hasil",
    header: "Hasil",
    sortUndefined: "last",
    cell: ({ row }) => score(row.original.hasil),
    meta: { numeric: true },
  }),
  col.accessor((r) => (r.readiness ? READINESS_RANK[r.readiness] : undefined), {
    id: "readiness",
    header: "Kesiapan",
    sortUndefined: "last",
    filterFn: readinessFilter,
    cell: ({ row }) =>
      row.original.readiness ? (
        <ReadinessBadge readiness={row.original.readiness} />
      ) : (
        <span className="text-slate-500">—</span>
      ),
  }),
  col.accessor((r) => r.evidencePct ?? undefined, {
    id: "evidence",
    header: "Bukti",
    sortUndefined: "last",
    cell: ({ row }) =>
      row.original.evidencePct === null ? (
        <span className="text-slate-500">—</span>
      ) : (
        <span title={`${row.original.evidenceLabel} pertanyaan memiliki bukti dukung`}>
          {formatPercent(Math.round(row.original.evidencePct))}
          <span className="block text-[11px] text-slate-500">{row.original.evidenceLabel}</span>
        </span>
      ),
    meta: { numeric: true },
  }),
  col.accessor((r) => (r.status ? STATUS_ORDER[r.status] : undefined), {
    id: "status",
    header: "Tahap reviu",
    sortUndefined: "last",
    filterFn: statusFilter,
    cell: ({ row }) =>
      row.original.status ? (
        <div className="flex flex-col items-start gap-1">
          <StatusBadge status={row.original.status} />
          {row.original.overdue && <Badge tone="red">Terlambat</Badge>}
        </div>
      ) : (
        <span className="text-xs text-slate-500">Tanpa LKE</span>
      ),
  }),
  col.accessor((r) => r.lastActivity ?? undefined, {
    id: "lastActivity",
    header: "Aktivitas terakhir",
    sortUndefined: "last",
    cell: ({ row }) => (
      <span className="block min-w-[5.5rem] text-xs text-slate-600">{row.original.lastActivityLabel}</span>
    ),
  }),
];

export function OverviewTable({
  rows,
  initial,
}: {
  rows: OverviewTableRow[];
  initial: { readiness: ReadinessFilter; status: StatusFilter; type: UnitType | ""; search: string };
}) {
  const [sorting, setSorting] = useState<SortingState>([]);
  const [search, setSearch] = useState(initial.search);
  const [columnFilters, setColumnFilters] = useState<ColumnFiltersState>(() =>
    [
      { id: "readiness", value: initial.readiness },
      { id: "status", value: initial.status },
      { id: "type", value: initial.type },
    ].filter((f) => f.value),
  );
  // TanStack Table returns fresh functions each render: the compiler leaves this component unmemoised, as it should.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns,
    state: { sorting, columnFilters, globalFilter: search, columnVisibility: { type: false } },
    onSortingChange: setSorting,
    onColumnFiltersChange: setColumnFilters,
    onGlobalFilterChange: setSearch,
    globalFilterFn: searchFilter,
    getColumnCanGlobalFilter: (column) => column.id === "name",
    getCoreRowModel: getCoreRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });
  // The filters live in the address too, so a reload, the back button or a shared link shows the same table.
  // replaceState (not the router): the rows are already here, nothing needs to be fetched again.
  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    const value = (id: string) => (columnFilters.find((f) => f.id === id)?.value as string | undefined) ?? "";
    for (const [key, v] of [
      ["kesiapan", value("readiness")],
      ["status", value("status")],
      ["jenis", value("type")],
      ["q", search.trim()],
    ] as const) {
      if (v) params.set(key, v);
      else params.delete(key);
    }
    const query = params.toString();
    const url = `${window.location.pathname}${query ? `?${query}` : ""}`;
    if (url !== `${window.location.pathname}${window.location.search}`)
      window.history.replaceState(window.history.state, "", url);
  }, [columnFilters, search]);
  const filterValue = (id: string) => (columnFilters.find((f) => f.id === id)?.value as string | undefined) ?? "";
  const setFilter = (id: string, value: string) => table.getColumn(id)?.setFilterValue(value || undefined);
  const types = useMemo(
    () => [...new Map(rows.map((r) => [r.type, r.typeLabel])).entries()].sort((a, b) => a[1].localeCompare(b[1])),
    [rows],
  );
  const visible = table.getRowModel().rows;
  const filtered = !!search || columnFilters.length > 0;

  return (
    <div>
      <div className="grid grid-cols-2 items-end gap-3 border-b border-slate-100 px-4 py-3 sm:px-5 lg:grid-cols-[1.5fr_1fr_1fr_1fr_auto]">
        <label className="col-span-2 block space-y-1 text-sm lg:col-span-1">
          <span className="font-medium text-slate-700">Cari unit</span>
          <Input
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder="Nama atau singkatan"
          />
        </label>
        <label className="block space-y-1 text-sm">
          <span className="font-medium text-slate-700">Jenis unit</span>
          <Select value={filterValue("type")} onChange={(e) => setFilter("type", e.target.value)}>
            <option value="">Semua jenis</option>
            {types.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        </label>
        <label className="block space-y-1 text-sm">
          <span className="font-medium text-slate-700">Tahap reviu</span>
          <Select value={filterValue("status")} onChange={(e) => setFilter("status", e.target.value)}>
            <option value="">Semua tahap</option>
            {ASSESSMENT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
            <option value="NONE">Tanpa LKE</option>
          </Select>
        </label>
        <label className="block space-y-1 text-sm">
          <span className="font-medium text-slate-700">Kesiapan</span>
          <Select value={filterValue("readiness")} onChange={(e) => setFilter("readiness", e.target.value)}>
            <option value="">Semua</option>
            <option value="WBK">{READINESS_LABELS.WBK}</option>
            <option value="WBBM">{READINESS_LABELS.WBBM}</option>
            <option value="BELUM">Belum siap WBK</option>
          </Select>
        </label>
        <label className="block space-y-1 text-sm md:hidden">
          <span className="font-medium text-slate-700">Urutkan</span>
          <Select
            value={sorting[0] ? `${sorting[0].id}:${sorting[0].desc ? "desc" : "asc"}` : ""}
            onChange={(e) => {
              const [id, dir] = e.target.value.split(":");
              setSorting(id ? [{ id, desc: dir === "desc" }] : []);
            }}
          >
            <option value="">Nama unit</option>
            <option value="total:desc">Total tertinggi</option>
            <option value="total:asc">Total terendah</option>
            <option value="evidence:desc">Bukti dukung terbanyak</option>
            <option value="lastActivity:desc">Aktivitas terbaru</option>
          </Select>
        </label>
        <Button
          variant="ghost"
          className="col-span-2 md:col-span-1"
          disabled={!filtered}
          onClick={() => {
            setSearch("");
            setColumnFilters([]);
          }}
        >
          Reset
        </Button>
      </div>
      <p className="px-4 pt-3 text-xs text-slate-500 sm:px-5" aria-live="polite" data-testid="overview-count">
        Menampilkan {visible.length} dari {rows.length} unit
      </p>
      {/* Phones: one card per unit, same rows, filters and order as the table. */}
      <ul className="mt-2 divide-y divide-slate-100 border-t border-slate-100 md:hidden" data-testid="overview-cards">
        {visible.map((row) => {
          const r = row.original;
          return (
            <li key={row.id} className="px-4 py-3" data-testid="overview-card" data-unit={r.shortName}>
              <div className="flex items-start justify-between gap-3">
                <div className="min-w-0">
                  <UnitName row={r} />
                  <p className="text-xs text-slate-500">
                    {r.shortName} · {r.typeLabel}
                  </p>
                </div>
                <div className="shrink-0 text-right">
                  <p className="text-lg font-semibold tabular-nums text-slate-900">{shown(r.total, r.totalText)}</p>
                  {r.layer && <p className="text-[11px] text-slate-500">{LAYER_SHORT[r.layer]}</p>}
                </div>
              </div>
              {r.status ? (
                <>
                  <div className="mt-2 flex flex-wrap items-center gap-1.5">
                    {r.readiness && <ReadinessBadge readiness={r.readiness} />}
                    <StatusBadge status={r.status} />
                    {r.overdue && <Badge tone="red">Terlambat</Badge>}
                  </div>
                  <p className="mt-1.5 text-xs text-slate-500">
                    Pengungkit {shown(r.pengungkit, r.pengungkitText)} · Hasil {score(r.hasil)} · Bukti dukung{" "}
                    {formatPercent(Math.round(r.evidencePct ?? 0))} · aktivitas {r.lastActivityLabel}
                  </p>
                </>
              ) : (
                <p className="mt-1 text-xs text-slate-500">Tanpa LKE periode ini</p>
              )}
            </li>
          );
        })}
        {visible.length === 0 && (
          <li className="px-4 py-8 text-center text-sm text-slate-500">Tidak ada unit yang cocok dengan filter.</li>
        )}
      </ul>
      <div className="hidden overflow-x-auto md:block">
        <table className="w-full border-collapse text-left text-sm" data-testid="overview-table">
          <caption className="sr-only">Ikhtisar nilai dan kesiapan seluruh unit</caption>
          <thead>
            {table.getHeaderGroups().map((hg) => (
              <tr key={hg.id}>
                {hg.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  const numeric = (header.column.columnDef.meta as { numeric?: boolean } | undefined)?.numeric;
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none"}
                      className={cn(
                        "whitespace-nowrap border-b border-slate-200 bg-slate-50 px-2.5 py-2 text-xs font-semibold uppercase tracking-wide text-slate-600",
                        numeric && "text-right",
                      )}
                    >
                      {header.column.getCanSort() ? (
                        <button
                          type="button"
                          onClick={header.column.getToggleSortingHandler()}
                          className={cn(
                            "inline-flex items-center gap-1 uppercase hover:text-slate-900",
                            numeric && "flex-row-reverse",
                          )}
                        >
                          {flexRender(header.column.columnDef.header, header.getContext())}
                          {sorted === "asc" ? (
                            <ArrowUp className="h-3 w-3" aria-hidden />
                          ) : sorted === "desc" ? (
                            <ArrowDown className="h-3 w-3" aria-hidden />
                          ) : (
                            <ArrowUpDown className="h-3 w-3 opacity-40" aria-hidden />
                          )}
                        </button>
                      ) : (
                        flexRender(header.column.columnDef.header, header.getContext())
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {visible.map((row) => (
              <tr
                key={row.id}
                className="hover:bg-slate-50"
                data-testid="overview-row"
                data-unit={row.original.shortName}
              >
                {row.getVisibleCells().map((cell) => {
                  const numeric = (cell.column.columnDef.meta as { numeric?: boolean } | undefined)?.numeric;
                  return (
                    <td
                      key={cell.id}
                      className={cn(
                        "border-b border-slate-100 px-2.5 py-2 align-top",
                        numeric && "text-right tabular-nums",
                      )}
                    >
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  );
                })}
              </tr>
            ))}
            {visible.length === 0 && (
              <tr>
                <td colSpan={columns.length} className="px-3 py-8 text-center text-sm text-slate-500">
                  Tidak ada unit yang cocok dengan filter.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
