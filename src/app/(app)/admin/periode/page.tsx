import type { Metadata } from "next";
import Link from "next/link";
import { Plus } from "lucide-react";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { PeriodeStatusBadge } from "@/components/periode-status";
import { STAGE_LABELS } from "@/domain/timeline";
import { formatShortDate } from "@/lib/format";
import { requirePermission } from "@/server/auth/guard";
import { listPeriodesDetailed } from "@/server/queries/periodes";

export const metadata: Metadata = { title: "Periode" };

export default async function PeriodesPage() {
  const user = await requirePermission("periode:manage");
  const periodes = await listPeriodesDetailed(user.instansiId);
  return (
    <>
      <PageHeader
        title="Periode"
        description="Satu periode per tahun: versi LKE yang dipakai, jadwal lima tahap dan batas pengusulan PMPZI."
        actions={
          <ButtonLink href="/admin/periode/baru">
            <Plus className="h-4 w-4" aria-hidden /> Buat periode
          </ButtonLink>
        }
      />
      {periodes.length === 0 ? (
        <EmptyState title="Belum ada periode">Buat periode tahun berjalan untuk mulai mengisi LKE.</EmptyState>
      ) : (
        <Card>
          <Table>
            <thead>
              <tr>
                <Th>Tahun</Th>
                <Th>Katalog LKE</Th>
                <Th>Jadwal tahap</Th>
                <Th>Batas PMPZI</Th>
                <Th className="text-right">Unit dinilai</Th>
                <Th>
                  <span className="sr-only">Aksi</span>
                </Th>
              </tr>
            </thead>
            <tbody>
              {periodes.map((p) => (
                <tr key={p.id}>
                  <Td>
                    <p className="text-base font-semibold">{p.year}</p>
                    <PeriodeStatusBadge status={p.status} />
                  </Td>
                  <Td className="max-w-56">{p.catalogue.name}</Td>
                  <Td>
                    <ul className="space-y-0.5 text-xs text-slate-600">
                      {p.stages.map((s) => (
                        <li key={s.id}>
                          <span className="font-medium text-slate-800">{STAGE_LABELS[s.stage]}</span>:{" "}
                          {formatShortDate(s.startDate)} – {formatShortDate(s.endDate)}
                        </li>
                      ))}
                    </ul>
                  </Td>
                  <Td className="whitespace-nowrap">{formatShortDate(p.pmpziDeadline)}</Td>
                  <Td className="text-right tabular-nums">{p._count.assessments}</Td>
                  <Td className="text-right">
                    <Link
                      href={`/admin/periode/${p.id}`}
                      className="text-sm font-medium text-brand-700 hover:underline"
                      aria-label={`Ubah jadwal ${p.year}`}
                    >
                      Ubah jadwal
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
