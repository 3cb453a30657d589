import type { Metadata } from "next";
import { FileText } from "lucide-react";
import { formatDate, formatDateTime } from "@/lib/format";
import { clientIp } from "@/server/auth/current-user";
import { auditPublicList, publicEvidenceList } from "@/server/portalrb/public-evidence";
import { formatBytes } from "@/server/storage/ingest";

export const metadata: Metadata = { title: "Bukti dukung", robots: { index: false, follow: false } };

/** The evidence list PortalRB's reviewers open from `bukti_dukung_unit`: no account, the signed link is the key. */
export default async function PublicEvidencePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const data = await publicEvidenceList(token);
  if (!data.ok) {
    return (
      <main id="konten" className="mx-auto max-w-2xl px-4 py-16">
        <h1 className="text-xl font-semibold text-slate-900">
          {data.reason === "expired" ? "Tautan sudah kedaluwarsa" : "Tautan tidak valid"}
        </h1>
        <p className="mt-2 text-slate-700">
          Minta tautan baru melalui PortalRB atau hubungi Bagian Organisasi instansi pengusul.
        </p>
      </main>
    );
  }
  await auditPublicList(data, await clientIp());
  const areas = [...new Set(data.groups.map((g) => g.area))];
  return (
    <main id="konten" className="mx-auto max-w-4xl px-4 py-10">
      <p className="text-sm font-medium text-brand-700">
        Bukti dukung LKE Zona Integritas · Periode {data.assessment.year}
      </p>
      <h1 className="mt-1 text-2xl font-semibold text-slate-900" data-testid="public-evidence-unit">
        {data.assessment.unitName}
      </h1>
      <p className="mt-2 text-sm text-slate-700">
        {data.files.length} berkas. Tautan ini berlaku sampai {formatDate(data.expiresAt)}.
      </p>
      {data.groups.length === 0 && <p className="mt-6 text-slate-700">Unit ini belum mengunggah bukti dukung.</p>}
      {areas.map((area) => (
        <section key={area} aria-label={area} className="mt-8">
          <h2 className="text-lg font-semibold text-slate-900">{area}</h2>
          <ul className="mt-2 space-y-4">
            {data.groups
              .filter((g) => g.area === area)
              .map((g) => (
                <li key={g.key} id={g.key} className="rounded-lg border border-slate-200 bg-white p-4">
                  <h3 className="font-medium text-slate-900">{g.title}</h3>
                  <ul className="mt-2 space-y-1">
                    {g.files.map((f) => (
                      <li key={f.id} className="flex flex-wrap items-center gap-2 text-sm">
                        <FileText className="h-4 w-4 text-slate-500" aria-hidden />
                        <a className="font-medium text-brand-700 underline" href={`/bukti/${token}/berkas/${f.id}`}>
                          {f.originalName}
                        </a>
                        <span className="text-slate-600">
                          {formatBytes(f.size)} · diunggah {formatDateTime(f.uploadedAt)}
                        </span>
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </main>
  );
}
