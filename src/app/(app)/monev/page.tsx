import { periodeClosed } from "@/domain/periode";
import { isRencanaAksiDone } from "@/domain/monev";
import type { Metadata } from "next";
import Link from "next/link";
import { ChevronDown, Plus } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Select } from "@/components/ui/form";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { getCatalogue } from "@/domain/catalogue/registry";
import { isRencanaAksiLate, monevCounts } from "@/domain/monev";
import { formatDate } from "@/lib/format";
import { can } from "@/server/authz";
import { requirePermission } from "@/server/auth/guard";
import { todayIso } from "@/server/dates";
import { getActivePeriode } from "@/server/periode";
import { listRencanaAksi } from "@/server/queries/rencana-aksi";
import { RencanaAksiStatusBadge } from "./status-badge";
import { StatusSelect } from "./status-select";

export const metadata: Metadata = { title: "Monev Rencana Aksi" };

const STATUS_FILTERS = {
  terlambat: "Terlambat",
  berjalan: "Belum selesai",
  selesai: "Selesai",
} as const;
type StatusFilter = keyof typeof STATUS_FILTERS;

/** Columns of an item row on wide screens; below `lg` each item stacks. */
const ROW_COLUMNS = "lg:grid-cols-[10rem_minmax(0,1fr)_8.5rem_9rem_10.5rem_3rem]";

/** "PENGUNGKIT.A" → "A". */
const areaLetter = (id: string) => id.split(".").pop() ?? id;

export default async function MonevPage({
  searchParams,
}: {
  searchParams: Promise<{ unit?: string; area?: string; status?: string }>;
}) {
  const user = await requirePermission("monev:read");
  const periode = await getActivePeriode(user.instansiId);
  if (!periode) {
    return (
      <>
        <PageHeader title="Monev Rencana Aksi" />
        <EmptyState title="Belum ada periode">Admin perlu membuat periode program terlebih dahulu.</EmptyState>
      </>
    );
  }

  const today = todayIso();
  const params = await searchParams;
  const areas = getCatalogue(periode.catalogueId).areas.map((a) => ({ id: a.id, name: a.name }));
  const areaName = new Map(areas.map((a) => [a.id, `${areaLetter(a.id)}. ${a.name}`]));
  const items = await listRencanaAksi(user, periode.id);
  const open = !periodeClosed(periode.status);
  const canAdd = open && can(user, "monev:write");
  const mayWrite = (unitId: string) => open && can(user, "monev:write", { instansiId: user.instansiId, unitId });

  // Per unit, over all its items (the filters below only narrow the list).
  const units = [...new Map(items.map((i) => [i.unit.id, i.unit])).values()];
  const summary = units.map((u) => ({
    unit: u,
    ...monevCounts(
      items.filter((i) => i.unitId === u.id),
      today,
    ),
  }));

  const unitFilter = units.some((u) => u.id === params.unit) ? params.unit! : "";
  const areaFilter = areaName.has(params.area ?? "") ? params.area! : "";
  const statusFilter = (params.status && params.status in STATUS_FILTERS ? params.status : "") as StatusFilter | "";
  const shown = items.filter(
    (i) =>
      (!unitFilter || i.unitId === unitFilter) &&
      (!areaFilter || i.areaCode === areaFilter) &&
      (statusFilter === "" ||
        (statusFilter === "terlambat" && isRencanaAksiLate(i, today)) ||
        (statusFilter === "berjalan" && !isRencanaAksiDone(i.status)) ||
        (statusFilter === "selesai" && isRencanaAksiDone(i.status))),
  );
  const groups = units
    .map((u) => ({ unit: u, items: shown.filter((i) => i.unitId === u.id) }))
    .filter((g) => g.items.length > 0);
  const filtered = unitFilter !== "" || areaFilter !== "" || statusFilter !== "";

  return (
    <>
      <PageHeader
        title="Monev Rencana Aksi"
        description={`Pemantauan bulanan rencana aksi pembangunan Zona Integritas per area, periode ${periode.year}. Rencana aksi yang melewati tanggal target dan belum selesai ditandai terlambat.`}
        actions={
          canAdd && (
            <ButtonLink href="/monev/baru">
              <Plus className="h-4 w-4" aria-hidden /> Tambah rencana aksi
            </ButtonLink>
          )
        }
      />
      {!open && (
        <Alert tone="info" className="mb-4">
          Periode {periode.year} sudah ditutup; rencana aksinya hanya dapat dilihat.
        </Alert>
      )}

      {items.length === 0 ? (
        <EmptyState title={`Belum ada rencana aksi untuk periode ${periode.year}`}>
          {canAdd
            ? "Tambahkan rencana aksi per area beserta tanggal target dan penanggung jawabnya."
            : "Rencana aksi unit belum disusun."}
        </EmptyState>
      ) : (
        <>
          <Card className="mb-6">
            <CardHeader title="Ringkasan per unit" />
            <Table data-testid="monev-summary">
              <thead>
                <tr>
                  <Th>Unit</Th>
                  <Th className="text-right">Total</Th>
                  <Th className="text-right">Selesai</Th>
                  <Th className="text-right">Terlambat</Th>
                  <Th className="hidden min-w-32 sm:table-cell">Kemajuan</Th>
                </tr>
              </thead>
              <tbody>
                {summary.map((s) => {
                  const pct = s.total ? Math.round((s.selesai / s.total) * 100) : 0;
                  return (
                    <tr key={s.unit.id}>
                      <Td>
                        <Link
                          href={`/monev?unit=${s.unit.id}`}
                          className="font-medium text-brand-700 hover:underline"
                          title={s.unit.name}
                        >
                          <span className="sm:hidden">{s.unit.shortName}</span>
                          <span className="hidden sm:inline">{s.unit.name}</span>
                        </Link>
                      </Td>
                      <Td className="text-right tabular-nums">{s.total}</Td>
                      <Td className="text-right tabular-nums">{s.selesai}</Td>
                      <Td className="text-right tabular-nums">
                        {s.terlambat > 0 ? <span className="font-semibold text-red-700">{s.terlambat}</span> : 0}
                      </Td>
                      <Td className="hidden sm:table-cell">
                        <div className="flex items-center gap-2">
                          <div className="h-2 w-full min-w-16 rounded-full bg-slate-100" aria-hidden>
                            <div className="h-2 rounded-full bg-emerald-500" style={{ width: `${pct}%` }} />
                          </div>
                          <span className="w-10 text-right text-xs tabular-nums text-slate-600">{pct}%</span>
                        </div>
                      </Td>
                    </tr>
                  );
                })}
              </tbody>
            </Table>
          </Card>

          <h2 className="mb-3 text-lg font-semibold text-slate-900">Rincian rencana aksi</h2>
          <form className="mb-4 flex flex-wrap items-center gap-2" action="/monev">
            {units.length > 1 && (
              <Select name="unit" defaultValue={unitFilter} aria-label="Saring unit" className="w-full sm:w-64">
                <option value="">Semua unit</option>
                {units.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
              </Select>
            )}
            <Select name="area" defaultValue={areaFilter} aria-label="Saring area" className="w-full sm:w-64">
              <option value="">Semua area</option>
              {areas.map((a) => (
                <option key={a.id} value={a.id}>
                  {areaName.get(a.id)}
                </option>
              ))}
            </Select>
            <Select name="status" defaultValue={statusFilter} aria-label="Saring status" className="w-full sm:w-48">
              <option value="">Semua status</option>
              {Object.entries(STATUS_FILTERS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </Select>
            <Button type="submit" variant="secondary">
              Saring
            </Button>
            {filtered && (
              <Link href="/monev" className="text-sm text-brand-700 hover:underline">
                Hapus saringan
              </Link>
            )}
          </form>

          {groups.length === 0 ? (
            <EmptyState title="Tidak ada rencana aksi yang sesuai saringan" />
          ) : (
            <div className="space-y-4">
              {groups.map(({ unit, items: rows }) => {
                const c = monevCounts(rows, today);
                const writable = mayWrite(unit.id);
                return (
                  <Card key={unit.id} data-testid={`monev-unit-${unit.shortName}`}>
                    <details open={groups.length === 1 || filtered} className="group">
                      <summary className="flex cursor-pointer list-none items-start justify-between gap-3 px-4 py-3 sm:px-5 [&::-webkit-details-marker]:hidden">
                        <div className="min-w-0">
                          <h2 className="text-base font-semibold text-slate-900">{unit.name}</h2>
                          <p className="mt-0.5 text-sm text-slate-500">
                            {c.total} rencana aksi · {c.selesai} selesai ·{" "}
                            <span className={c.terlambat > 0 ? "font-medium text-red-700" : undefined}>
                              {c.terlambat} terlambat
                            </span>
                          </p>
                        </div>
                        <ChevronDown
                          className="mt-1 h-5 w-5 shrink-0 text-slate-400 transition-transform group-open:rotate-180"
                          aria-hidden
                        />
                      </summary>
                      <div className="border-t border-slate-100">
                        <div
                          className={`hidden gap-3 border-b border-slate-200 bg-slate-50 px-5 py-2 text-xs font-semibold uppercase tracking-wide text-slate-600 lg:grid ${ROW_COLUMNS}`}
                          aria-hidden
                        >
                          <span>Area</span>
                          <span>Kegiatan</span>
                          <span>Target</span>
                          <span>Penanggung jawab</span>
                          <span>Status</span>
                          <span />
                        </div>
                        <ul className="divide-y divide-slate-100">
                          {rows.map((r) => {
                            const late = isRencanaAksiLate(r, today);
                            return (
                              <li
                                key={r.id}
                                data-testid="rencana-aksi"
                                className={`grid gap-1 px-4 py-3 text-sm lg:items-start lg:gap-3 lg:px-5 ${ROW_COLUMNS} ${late ? "bg-red-50/50" : ""}`}
                              >
                                <p className="text-xs text-slate-500 lg:text-sm lg:text-slate-600">
                                  {areaName.get(r.areaCode) ?? r.areaCode}
                                </p>
                                <div>
                                  <p className="font-medium text-slate-900 lg:font-normal">{r.activity}</p>
                                  {r.notes && (
                                    <p className="mt-0.5 whitespace-pre-line text-xs text-slate-500">{r.notes}</p>
                                  )}
                                </div>
                                <div className="flex flex-wrap items-center gap-x-2 gap-y-1 lg:block">
                                  <p className="text-slate-700">
                                    <span className="text-slate-500 lg:hidden">Target: </span>
                                    {formatDate(r.targetDate)}
                                  </p>
                                  {late && (
                                    <Badge tone="red" className="lg:mt-1">
                                      Terlambat
                                    </Badge>
                                  )}
                                </div>
                                <p className="text-slate-700">
                                  <span className="text-slate-500 lg:hidden">Penanggung jawab: </span>
                                  {r.personInCharge}
                                </p>
                                <div className="mt-1 flex items-center gap-4 lg:contents">
                                  <div className="w-44 lg:w-auto">
                                    {writable ? (
                                      <StatusSelect id={r.id} status={r.status} activity={r.activity} />
                                    ) : (
                                      <RencanaAksiStatusBadge status={r.status} />
                                    )}
                                  </div>
                                  <div className="lg:text-right">
                                    {writable && (
                                      <Link
                                        href={`/monev/${r.id}/ubah`}
                                        className="text-sm font-medium text-brand-700 hover:underline"
                                        aria-label={`Ubah rencana aksi: ${r.activity}`}
                                      >
                                        Ubah
                                      </Link>
                                    )}
                                  </div>
                                </div>
                              </li>
                            );
                          })}
                        </ul>
                      </div>
                    </details>
                  </Card>
                );
              })}
            </div>
          )}
        </>
      )}
    </>
  );
}
