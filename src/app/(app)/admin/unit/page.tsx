import type { Metadata } from "next";
import Link from "next/link";
import { FileSpreadsheet, Plus } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { SELECTION_CRITERIA_LABELS, UNIT_TYPE_LABELS } from "@/server/actions/units.validation";
import { requirePermission } from "@/server/auth/guard";
import { listUnits } from "@/server/queries/units";

export const metadata: Metadata = { title: "Unit Kerja" };

export default async function UnitsPage({ searchParams }: { searchParams: Promise<{ semua?: string }> }) {
  const user = await requirePermission("unit:manage");
  const includeInactive = (await searchParams).semua === "1";
  const units = await listUnits(user.instansiId, { includeInactive });
  return (
    <>
      <PageHeader
        title="Unit Kerja"
        description="OPD dan unit kerja yang membangun Zona Integritas, beserta kriteria pemilihannya."
        actions={
          <div className="flex flex-wrap gap-2">
            <ButtonLink href="/admin/impor" variant="secondary">
              <FileSpreadsheet className="h-4 w-4" aria-hidden /> Impor dari .xlsx
            </ButtonLink>
            <ButtonLink href="/admin/unit/baru">
              <Plus className="h-4 w-4" aria-hidden /> Tambah unit
            </ButtonLink>
          </div>
        }
      />
      <div className="mb-3 text-sm">
        {includeInactive ? (
          <Link className="text-brand-700 hover:underline" href="/admin/unit">
            Sembunyikan unit nonaktif
          </Link>
        ) : (
          <Link className="text-brand-700 hover:underline" href="/admin/unit?semua=1">
            Tampilkan juga unit nonaktif
          </Link>
        )}
      </div>
      {units.length === 0 ? (
        <EmptyState title="Belum ada unit kerja">Tambahkan OPD atau unit kerja pertama.</EmptyState>
      ) : (
        <Card>
          <Table>
            <thead>
              <tr>
                <Th>Unit</Th>
                <Th>Jenis</Th>
                <Th>Kepala</Th>
                <Th>Usulan ZI</Th>
                <Th className="text-right">Pengguna</Th>
                <Th>
                  <span className="sr-only">Aksi</span>
                </Th>
              </tr>
            </thead>
            <tbody>
              {units.map((u) => (
                <tr key={u.id} className={u.active ? "" : "bg-slate-50 text-slate-500"}>
                  <Td>
                    <p className="font-medium text-slate-900">{u.name}</p>
                    <p className="text-xs text-slate-500">
                      {u.shortName}
                      {u.parent && ` · induk: ${u.parent.shortName}`}
                      {!u.active && " · nonaktif"}
                    </p>
                  </Td>
                  <Td>{UNIT_TYPE_LABELS[u.type]}</Td>
                  <Td>
                    <p>{u.headName ?? "—"}</p>
                    {u.headNip && <p className="text-xs text-slate-500">NIP {u.headNip}</p>}
                  </Td>
                  <Td>
                    {u.proposedForZi ? (
                      <div className="space-y-1">
                        <Badge tone="green">Diusulkan</Badge>
                        <p className="text-xs text-slate-500">
                          {u.selectionCriteria.map((c) => SELECTION_CRITERIA_LABELS[c]).join("; ")}
                        </p>
                      </div>
                    ) : (
                      <Badge>Tidak</Badge>
                    )}
                  </Td>
                  <Td className="text-right tabular-nums">{u._count.members}</Td>
                  <Td className="text-right">
                    <Link
                      href={`/admin/unit/${u.id}`}
                      className="text-sm font-medium text-brand-700 hover:underline"
                      aria-label={`Ubah ${u.name}`}
                    >
                      Ubah
                    </Link>
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
      )}
    </>
  );
}
