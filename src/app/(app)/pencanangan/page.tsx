import type { Metadata } from "next";
import Link from "next/link";
import { Plus } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { formatDate } from "@/lib/format";
import { can } from "@/server/authz";
import { WITNESS_INSTITUTION_LABELS } from "@/server/actions/pencanangan.validation";
import { requirePermission } from "@/server/auth/guard";
import { listPencanangan, pencananganStatus } from "@/server/queries/pencanangan";

export const metadata: Metadata = { title: "Pencanangan" };

export default async function PencananganPage() {
  const user = await requirePermission("pencanangan:read");
  const canManage = can(user, "pencanangan:manage");
  const [events, status] = await Promise.all([listPencanangan(user), pencananganStatus(user)]);
  const declared = status.filter((s) => s.latest).length;
  // Units still to declare first: they are what the admin has to follow up.
  status.sort((a, b) => Number(!!a.latest) - Number(!!b.latest));

  return (
    <>
      <PageHeader
        title="Pencanangan Zona Integritas"
        description="Pencanangan pembangunan Zona Integritas dan penandatanganan pakta integritas oleh unit kerja, beserta saksinya."
        actions={
          canManage && (
            <ButtonLink href="/pencanangan/baru">
              <Plus className="h-4 w-4" aria-hidden /> Catat pencanangan
            </ButtonLink>
          )
        }
      />

      <Card className="mb-6" aria-labelledby="status-heading" data-testid="status-pencanangan">
        <CardHeader
          title={<span id="status-heading">Status pencanangan unit</span>}
          description={
            status.length > 1
              ? `${declared} dari ${status.length} unit yang diusulkan membangun ZI sudah mencanangkan.`
              : undefined
          }
        />
        {status.length === 0 ? (
          <p className="px-4 py-6 text-sm text-slate-500 sm:px-5">
            Belum ada unit yang diusulkan membangun Zona Integritas.
          </p>
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>Unit</Th>
                <Th>Status</Th>
                <Th className="hidden sm:table-cell">Pencanangan terakhir</Th>
              </tr>
            </thead>
            <tbody>
              {status.map((s) => (
                <tr key={s.id}>
                  <Td>
                    <p className="font-medium text-slate-900">{s.name}</p>
                    <p className="text-xs text-slate-500">{s.shortName}</p>
                  </Td>
                  <Td>
                    {s.latest ? (
                      <Badge tone="green">Sudah mencanangkan</Badge>
                    ) : (
                      <Badge tone="amber">Belum mencanangkan</Badge>
                    )}
                    {s.latest && (
                      <Link
                        href={`/pencanangan/${s.latest.id}`}
                        className="mt-1 block text-xs text-brand-700 hover:underline sm:hidden"
                      >
                        {formatDate(s.latest.date)}
                      </Link>
                    )}
                  </Td>
                  <Td className="hidden whitespace-nowrap sm:table-cell">
                    {s.latest ? (
                      <Link href={`/pencanangan/${s.latest.id}`} className="text-brand-700 hover:underline">
                        {formatDate(s.latest.date)}
                      </Link>
                    ) : (
                      <span className="text-slate-500">—</span>
                    )}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>

      <h2 className="mb-3 text-lg font-semibold text-slate-900">Riwayat pencanangan</h2>
      {events.length === 0 ? (
        <EmptyState title="Belum ada pencanangan">
          {canManage
            ? "Catat kegiatan pencanangan pertama beserta unit, penanda tangan pakta integritas dan saksinya."
            : "Pencanangan unit Anda belum tercatat."}
        </EmptyState>
      ) : (
        <Card>
          <Table>
            <thead>
              <tr>
                <Th>Tanggal</Th>
                <Th>Kegiatan</Th>
                <Th>Unit</Th>
                <Th className="text-right">Penanda tangan</Th>
                <Th>Saksi</Th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.id}>
                  <Td className="whitespace-nowrap">{formatDate(e.date)}</Td>
                  <Td className="min-w-64">
                    <Link href={`/pencanangan/${e.id}`} className="font-medium text-brand-700 hover:underline">
                      {e.title}
                    </Link>
                    <p className="text-xs text-slate-500">
                      {e.place}
                      {e._count.documents > 0 && ` · ${e._count.documents} dokumen`}
                    </p>
                  </Td>
                  <Td className="min-w-48">
                    <div className="flex flex-wrap gap-1">
                      {e.units.map((u) => (
                        <Badge key={u.unit.id} title={u.unit.name}>
                          {u.unit.shortName}
                        </Badge>
                      ))}
                    </div>
                  </Td>
                  <Td className="text-right tabular-nums">{e.signatoriesCount.toLocaleString("id-ID")}</Td>
                  <Td className="min-w-40 text-slate-600">
                    {e.witnesses.length === 0
                      ? "—"
                      : [...new Set(e.witnesses.map((w) => WITNESS_INSTITUTION_LABELS[w.institution]))].join(", ")}
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
