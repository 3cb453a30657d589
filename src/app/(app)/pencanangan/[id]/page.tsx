import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Pencil } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { formatDate } from "@/lib/format";
import { can } from "@/server/authz";
import { WITNESS_INSTITUTION_LABELS } from "@/server/actions/pencanangan.validation";
import { requirePermission } from "@/server/auth/guard";
import { getPencanangan } from "@/server/queries/pencanangan";
import { evidenceMaxBytes } from "@/server/storage/ingest";
import { EvidenceFiles } from "@/components/evidence/evidence-files";
import { deletePencananganDocumentAction } from "@/server/actions/evidence";

export const metadata: Metadata = { title: "Rincian Pencanangan" };

export default async function PencananganDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("pencanangan:read");
  const event = await getPencanangan(user, (await params).id);
  if (!event) notFound();
  const canManage = can(user, "pencanangan:manage");

  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/pencanangan" className="hover:underline">
            Pencanangan
          </Link>
        }
        title={event.title}
        description={`${formatDate(event.date)} · ${event.place}`}
        actions={
          canManage && (
            <ButtonLink href={`/pencanangan/${event.id}/ubah`} variant="secondary">
              <Pencil className="h-4 w-4" aria-hidden /> Ubah
            </ButtonLink>
          )
        }
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader title="Rincian kegiatan" />
          <CardBody>
            <dl className="space-y-3 text-sm">
              {[
                [
                  "Tanggal",
                  <span key="d" className="font-medium">
                    {formatDate(event.date)}
                  </span>,
                ],
                ["Tempat", event.place],
                [
                  "Penanda tangan pakta integritas",
                  <span key="s" className="tabular-nums">
                    {event.signatoriesCount.toLocaleString("id-ID")} orang
                  </span>,
                ],
                ["Periode", event.periode ? String(event.periode.year) : "—"],
                [
                  "Catatan",
                  <span key="n" className="whitespace-pre-line">
                    {event.notes ?? "—"}
                  </span>,
                ],
              ].map(([label, value]) => (
                <div key={String(label)} className="sm:grid sm:grid-cols-[12rem_1fr] sm:gap-4">
                  <dt className="text-slate-500">{label}</dt>
                  <dd className="text-slate-900">{value}</dd>
                </div>
              ))}
            </dl>
          </CardBody>
        </Card>

        <Card>
          <CardHeader title="Unit yang mencanangkan" description={`${event.units.length} unit`} />
          <ul className="divide-y divide-slate-100">
            {event.units.map((u) => (
              <li key={u.unit.id} className="flex items-center justify-between gap-3 px-4 py-2 text-sm sm:px-5">
                <span className="text-slate-900">{u.unit.name}</span>
                <span className="flex shrink-0 gap-1">
                  <Badge>{u.unit.shortName}</Badge>
                  {!u.unit.active && <Badge tone="amber">nonaktif</Badge>}
                </span>
              </li>
            ))}
          </ul>
        </Card>

        <Card>
          <CardHeader title="Saksi" />
          {event.witnesses.length === 0 ? (
            <p className="px-4 py-4 text-sm text-slate-500 sm:px-5">Tidak ada saksi yang dicatat.</p>
          ) : (
            <Table>
              <thead>
                <tr>
                  <Th>Instansi</Th>
                  <Th>Nama</Th>
                </tr>
              </thead>
              <tbody>
                {event.witnesses.map((w) => (
                  <tr key={w.id}>
                    <Td className="whitespace-nowrap">{WITNESS_INSTITUTION_LABELS[w.institution]}</Td>
                    <Td>{w.name}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>

        <Card>
          <CardHeader
            title="Dokumen dan foto"
            description="Notulen, daftar hadir, pakta integritas yang ditandatangani dan foto kegiatan."
          />
          <CardBody>
            <EvidenceFiles
              uploadUrl={`/api/evidence?pencanangan=${encodeURIComponent(event.id)}`}
              inputId="file-pencanangan"
              uploadLabel="Unggah dokumen atau foto pencanangan"
              label="Berkas"
              editable={canManage}
              maxBytes={evidenceMaxBytes()}
              deleteAction={deletePencananganDocumentAction}
              initial={event.documents.map((d) => ({ ...d, uploadedAt: d.uploadedAt.toISOString() }))}
            />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
