import type { Metadata } from "next";
import { formatDate } from "@/lib/format";
import { normaliseTrackingCode, PENGADUAN_STATUS_LABELS } from "@/domain/pengaduan";
import { lookupPengaduan } from "@/server/pengaduan/public";
import { buttonClass } from "@/components/ui/button";

export const metadata: Metadata = { title: "Lacak Pengaduan", robots: { index: false } };

export default async function LacakPage({ searchParams }: { searchParams: Promise<{ kode?: string; baru?: string }> }) {
  const params = await searchParams;
  const raw = params.kode ?? "";
  const code = raw ? normaliseTrackingCode(raw) : null;
  const found = code ? await lookupPengaduan(code) : null;
  return (
    <>
      <h1 className="text-xl font-bold">Lacak pengaduan</h1>
      {params.baru && found && (
        <div
          role="status"
          className="mt-4 rounded-md border border-emerald-400 bg-emerald-50 p-4 text-emerald-950"
          data-testid="pengaduan-terkirim"
        >
          <p className="font-semibold">Pengaduan Anda telah diterima.</p>
          <p className="mt-1 text-sm">Simpan kode pelacakan ini untuk melihat perkembangannya:</p>
          <p className="mt-2 font-mono text-lg font-bold tracking-wider" data-testid="kode-pelacakan">
            {found.trackingCode}
          </p>
        </div>
      )}
      <form method="get" className="mt-4 flex flex-wrap items-end gap-2">
        <div className="grow">
          <label htmlFor="kode" className="block text-sm font-medium text-slate-700">
            Kode pelacakan
          </label>
          <input
            id="kode"
            name="kode"
            defaultValue={found?.trackingCode ?? raw}
            placeholder="ADU-XXXX-XXXX-XXXX"
            className="mt-1 block h-10 w-full rounded-md border border-slate-300 bg-white px-3 font-mono text-sm uppercase"
          />
        </div>
        <button type="submit" className={buttonClass("primary")}>
          Lacak
        </button>
      </form>
      {raw && !found && (
        <p role="alert" className="mt-4 rounded-md border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950">
          Pengaduan dengan kode itu tidak ditemukan. Periksa kembali kode Anda.
        </p>
      )}
      {found && (
        <section
          aria-labelledby="hasil-lacak"
          className="mt-6 rounded-lg border border-slate-300 bg-white p-4"
          data-testid="hasil-lacak"
        >
          <h2 id="hasil-lacak" className="font-semibold">
            {found.subject}
          </h2>
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-slate-700">Unit</dt>
            <dd>{found.unitName}</dd>
            <dt className="text-slate-700">Status</dt>
            <dd className="font-semibold" data-testid="status-pengaduan">
              {found.statusLabel}
              {found.overdue && (
                <span className="ml-2 rounded bg-red-100 px-1.5 py-0.5 text-xs font-medium text-red-800">
                  melewati batas waktu
                </span>
              )}
            </dd>
            <dt className="text-slate-700">Diterima</dt>
            <dd>{formatDate(found.filedAt)}</dd>
            <dt className="text-slate-700">Batas tindak lanjut</dt>
            <dd>{formatDate(found.dueDate)}</dd>
          </dl>
          <h3 className="mt-4 text-sm font-semibold">Tanggapan</h3>
          {found.responses.length === 0 ? (
            <p className="mt-1 text-sm text-slate-700">Belum ada tanggapan.</p>
          ) : (
            <ol className="mt-2 space-y-2">
              {found.responses.map((r, i) => (
                <li key={i} className="rounded-md bg-slate-100 p-3 text-sm">
                  <p className="text-xs text-slate-700">
                    {formatDate(r.at)}
                    {r.toStatus && ` · ${PENGADUAN_STATUS_LABELS[r.toStatus]}`}
                  </p>
                  <p className="mt-1 whitespace-pre-line">{r.body}</p>
                </li>
              ))}
            </ol>
          )}
        </section>
      )}
    </>
  );
}
