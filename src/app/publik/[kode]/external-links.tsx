/** The national complaint channel and the instansi's whistleblowing system, when the instansi set them. */
export function ExternalLinks({ laporUrl, wbsUrl }: { laporUrl: string | null; wbsUrl: string | null }) {
  if (!laporUrl && !wbsUrl) return null;
  return (
    <section aria-labelledby="kanal-lain" className="mt-8 rounded-lg border border-slate-300 bg-white p-4 text-sm">
      <h2 id="kanal-lain" className="font-semibold">
        Kanal pengaduan lain
      </h2>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {laporUrl && (
          <li>
            <a href={laporUrl} rel="noopener noreferrer" className="text-brand-800 underline" data-testid="link-lapor">
              SP4N-LAPOR!
            </a>{" "}
            — layanan aspirasi dan pengaduan nasional
          </li>
        )}
        {wbsUrl && (
          <li>
            <a href={wbsUrl} rel="noopener noreferrer" className="text-brand-800 underline" data-testid="link-wbs">
              Whistleblowing System (WBS)
            </a>{" "}
            — pelaporan dugaan pelanggaran oleh pegawai
          </li>
        )}
      </ul>
    </section>
  );
}
