import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PENGADUAN_STATUS_LABELS } from "@/domain/pengaduan";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { formatDate, formatDateTime } from "@/lib/format";
import { requirePermission } from "@/server/auth/guard";
import { pengaduanDetail } from "@/server/queries/pengaduan";
import { formatBytes } from "@/server/storage/ingest";
import { TriageForm } from "./triage-form";

export const metadata: Metadata = { title: "Pengaduan" };

export default async function PengaduanDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("pengaduan:read");
  const p = await pengaduanDetail(user, (await params).id);
  if (!p) notFound();
  return (
    <>
      <PageHeader
        eyebrow={<Link href="/pengaduan">Pengaduan Masyarakat</Link>}
        title={p.subject}
        description={`${p.trackingCode} · ${p.unitName}`}
      />
      <div className="grid gap-4 lg:grid-cols-[2fr_1fr]">
        <Card className="p-4">
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-slate-600">Status</dt>
            <dd className="font-semibold" data-testid="status-internal">
              {p.statusLabel}
            </dd>
            <dt className="text-slate-600">Diterima</dt>
            <dd>{formatDateTime(p.createdAt)}</dd>
            <dt className="text-slate-600">Batas tindak lanjut</dt>
            <dd>
              {formatDate(p.dueDate)}
              {p.overdue ? (
                <span className="ml-2 font-medium text-red-700">terlambat {-(p.daysLeft ?? 0)} hari</span>
              ) : (
                p.daysLeft !== null && <span className="ml-2 text-slate-600">sisa {p.daysLeft} hari</span>
              )}
            </dd>
            <dt className="text-slate-600">Pelapor</dt>
            <dd>
              {p.reporterName || p.reporterContact
                ? [p.reporterName, p.reporterContact].filter(Boolean).join(" · ")
                : "Anonim"}
            </dd>
          </dl>
          <h2 className="mt-4 text-sm font-semibold">Uraian</h2>
          <p className="mt-1 whitespace-pre-line text-sm">{p.description}</p>
          {p.attachments.length > 0 && (
            <>
              <h2 className="mt-4 text-sm font-semibold">Lampiran</h2>
              <ul className="mt-1 list-disc pl-5 text-sm">
                {p.attachments.map((a) => (
                  <li key={a.id}>
                    <a href={`/api/pengaduan/lampiran/${a.id}`} className="text-brand-800 underline">
                      {a.originalName}
                    </a>{" "}
                    ({formatBytes(a.size)})
                  </li>
                ))}
              </ul>
            </>
          )}
          <h2 className="mt-4 text-sm font-semibold">Riwayat tindak lanjut</h2>
          {p.responses.length === 0 ? (
            <p className="mt-1 text-sm text-slate-600">Belum ada tanggapan.</p>
          ) : (
            <ol className="mt-2 space-y-2">
              {p.responses.map((r) => (
                <li key={r.id} className="rounded-md bg-slate-100 p-3 text-sm">
                  <p className="text-xs text-slate-600">
                    {formatDateTime(r.at)} · {r.author}
                    {r.toStatus && ` · ${PENGADUAN_STATUS_LABELS[r.toStatus]}`} ·{" "}
                    {r.public ? "terlihat oleh pelapor" : "catatan internal"}
                  </p>
                  <p className="mt-1 whitespace-pre-line">{r.body}</p>
                </li>
              ))}
            </ol>
          )}
        </Card>
        {p.canTriage && p.next.length > 0 && (
          <Card className="p-4">
            <TriageForm
              key={p.version}
              pengaduanId={p.id}
              version={p.version}
              next={p.next.map((s) => ({ value: s, label: PENGADUAN_STATUS_LABELS[s] }))}
            />
          </Card>
        )}
      </div>
    </>
  );
}
