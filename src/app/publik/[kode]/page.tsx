import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PENGADUAN_STATUS_LABELS, PENGADUAN_STATUSES } from "@/domain/pengaduan";
import { PREDIKAT_LABELS } from "@/domain/penetapan";
import { formatDate } from "@/lib/format";
import { buttonClass } from "@/components/ui/button";
import { transparencyPage } from "@/server/pengaduan/transparency";
import { ExternalLinks } from "./external-links";

export const metadata: Metadata = { title: "Transparansi Unit Layanan" };

const DOC_KIND_LABELS = {
  MAKLUMAT: "Maklumat pelayanan",
  STANDAR_PELAYANAN: "Standar pelayanan",
  LAINNYA: "Dokumen lain",
} as const;
const fmt = (n: number | null) =>
  n === null ? "–" : n.toLocaleString("id-ID", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export default async function TransparencyPage({ params }: { params: Promise<{ kode: string }> }) {
  const { kode } = await params;
  const page = await transparencyPage(kode);
  if (!page) notFound();
  const c = page.complaints;
  return (
    <div className="space-y-6" data-testid="halaman-publik">
      <div>
        <p className="text-sm text-slate-700">{page.instansiName}</p>
        <h1 className="text-xl font-bold">{page.name}</h1>
        {page.headName && <p className="mt-1 text-sm text-slate-700">Kepala unit: {page.headName}</p>}
        <div className="mt-4 flex flex-wrap gap-2">
          <Link href={`/publik/${page.code}/pengaduan`} className={buttonClass("primary")}>
            Sampaikan pengaduan
          </Link>
          {page.surveys
            .filter((s) => s.open)
            .slice(0, 1)
            .map((s) => (
              <Link key={s.id} href={`/survei/${s.token}`} className={buttonClass("secondary")}>
                Isi survei layanan
              </Link>
            ))}
        </div>
      </div>

      <section aria-labelledby="status-zi" className="rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="status-zi" className="font-semibold">
          Status Zona Integritas
        </h2>
        <p className="mt-2 text-sm">
          {page.pencanangan ? (
            <>Pencanangan pembangunan Zona Integritas: {formatDate(page.pencanangan.date)}.</>
          ) : (
            "Unit ini belum mencanangkan pembangunan Zona Integritas."
          )}
        </p>
        {page.predicates.length > 0 && (
          <table className="mt-3 w-full text-left text-sm">
            <caption className="sr-only">Predikat per tahun</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-1 pr-4">
                  Tahun
                </th>
                <th scope="col" className="py-1">
                  Hasil penetapan
                </th>
              </tr>
            </thead>
            <tbody>
              {page.predicates.map((p) => (
                <tr key={p.year} className="border-b border-slate-200">
                  <td className="py-1 pr-4">{p.year}</td>
                  <td className="py-1">{PREDIKAT_LABELS[p.result]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="dokumen" className="rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="dokumen" className="font-semibold">
          Maklumat dan standar pelayanan
        </h2>
        {page.documents.length === 0 ? (
          <p className="mt-2 text-sm text-slate-700">Unit belum mencantumkan dokumen.</p>
        ) : (
          <ul className="mt-2 space-y-2 text-sm">
            {page.documents.map((d) => (
              <li key={d.id}>
                <span className="text-slate-700">{DOC_KIND_LABELS[d.kind]}: </span>
                <a href={d.url} rel="noopener noreferrer" className="font-medium text-brand-800 underline">
                  {d.title}
                </a>
                {d.description && <p className="text-slate-700">{d.description}</p>}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="survei" className="rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="survei" className="font-semibold">
          Hasil survei layanan (SPAK dan SPKP)
        </h2>
        {page.surveys.length === 0 ? (
          <p className="mt-2 text-sm text-slate-700">Belum ada putaran survei.</p>
        ) : (
          <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Tabel hasil survei">
            <table className="mt-2 w-full text-left text-sm">
              <caption className="sr-only">Hasil survei per putaran, indeks pada skala 0–4</caption>
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="py-1 pr-3">
                    Putaran
                  </th>
                  <th scope="col" className="py-1 pr-3">
                    Responden
                  </th>
                  <th scope="col" className="py-1 pr-3">
                    IPAK (0–4)
                  </th>
                  <th scope="col" className="py-1">
                    IPKP (0–4)
                  </th>
                </tr>
              </thead>
              <tbody>
                {page.surveys.map((s) => (
                  <tr key={s.id} className="border-b border-slate-200">
                    <td className="py-1 pr-3">
                      {s.title} {s.open && <span className="text-xs text-slate-700">(berjalan)</span>}
                    </td>
                    <td className="py-1 pr-3">
                      {s.n}
                      {s.belowMinimum && <span className="block text-xs text-amber-900">di bawah jumlah minimal</span>}
                    </td>
                    <td className="py-1 pr-3">{fmt(s.ipak)}</td>
                    <td className="py-1">{fmt(s.ipkp)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="statistik" className="rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="statistik" className="font-semibold">
          Pengaduan masyarakat tahun {page.year}
        </h2>
        <dl className="mt-2 grid grid-cols-2 gap-2 text-sm sm:grid-cols-3" data-testid="statistik-pengaduan">
          <div>
            <dt className="text-slate-700">Diterima</dt>
            <dd className="text-lg font-semibold">{c.total}</dd>
          </div>
          {PENGADUAN_STATUSES.map((s) => (
            <div key={s}>
              <dt className="text-slate-700">{PENGADUAN_STATUS_LABELS[s]}</dt>
              <dd className="text-lg font-semibold">{c.byStatus[s]}</dd>
            </div>
          ))}
          <div>
            <dt className="text-slate-700">Melewati batas waktu</dt>
            <dd className="text-lg font-semibold">{c.overdue}</dd>
          </div>
          <div>
            <dt className="text-slate-700">Tuntas ditindaklanjuti</dt>
            <dd className="text-lg font-semibold">{c.settledPct === null ? "–" : `${Math.round(c.settledPct)}%`}</dd>
          </div>
        </dl>
      </section>

      <ExternalLinks laporUrl={page.laporUrl} wbsUrl={page.wbsUrl} />
    </div>
  );
}
