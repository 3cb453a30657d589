import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { answerLabels, RESPONDENT_FIELDS, type RespondentField } from "@/domain/survey/instruments";
import { HONEYPOT } from "@/server/survey/submit";
import { publicRound, type PublicRound } from "@/server/survey/public";

export const metadata: Metadata = { title: "Survei Layanan", robots: { index: false } };

const NOTICES: Record<string, string> = {
  duplicate: "Perangkat ini sudah mengisi survei pada putaran ini. Terima kasih.",
  "rate-limited": "Terlalu banyak jawaban dari jaringan ini. Coba lagi beberapa menit lagi.",
  closed: "Survei ini sudah ditutup.",
  invalid: "Mohon jawab semua pertanyaan.",
  "not-found": "Survei tidak ditemukan.",
};

function Instrument({
  heading,
  intro,
  instrument,
  kind,
}: {
  heading: string;
  intro: string;
  instrument: PublicRound["spak"];
  kind: "SPAK" | "SPKP";
}) {
  const labels = answerLabels(kind, instrument.scale);
  return (
    <section className="mt-6" aria-labelledby={`h-${kind}`}>
      <h2 id={`h-${kind}`} className="text-base font-semibold text-slate-900">
        {heading}
      </h2>
      <p className="mt-1 text-sm text-slate-700">{intro}</p>
      <ol className="mt-3 space-y-3">
        {instrument.elements.map((e, i) => (
          <li key={e.code}>
            <fieldset className="rounded-lg border border-slate-300 bg-white p-3">
              <legend className="px-1 text-sm font-medium text-slate-900">
                {i + 1}. {e.label}
              </legend>
              <div className="mt-2 grid grid-cols-2 gap-2">
                {labels.map((label, j) => {
                  const value = instrument.scale[0] + j;
                  const id = `${kind}-${e.code}-${value}`;
                  return (
                    <label
                      key={value}
                      htmlFor={id}
                      className="flex min-h-11 items-center gap-2 rounded-md border border-slate-300 px-2 py-2 text-sm text-slate-900 has-[:checked]:border-blue-700 has-[:checked]:bg-blue-50"
                    >
                      <input
                        id={id}
                        type="radio"
                        name={`${kind}.${e.code}`}
                        value={value}
                        required
                        className="h-4 w-4"
                      />
                      <span>
                        {value} · {label}
                      </span>
                    </label>
                  );
                })}
              </div>
            </fieldset>
          </li>
        ))}
      </ol>
    </section>
  );
}

export default async function SurveyPage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ hasil?: string }>;
}) {
  const round = await publicRound((await params).token);
  if (!round) notFound();
  const notice = NOTICES[(await searchParams).hasil ?? ""];
  const fields = [...new Set([...round.spak.respondentFields, ...round.spkp.respondentFields])] as RespondentField[];
  return (
    <main className="mx-auto min-h-screen max-w-xl bg-slate-50 px-4 py-6 text-slate-900">
      <p className="text-sm text-slate-700">{round.instansiName}</p>
      <h1 className="text-xl font-bold">Survei Layanan {round.unitName}</h1>
      <p className="mt-1 text-sm text-slate-700">
        {round.title}. Jawaban Anda tanpa nama dan dijaga kerahasiaannya. Mengisi sekitar 3 menit.
      </p>
      {notice && (
        <p role="alert" className="mt-4 rounded-md border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950">
          {notice}
        </p>
      )}
      {!round.open ? (
        <p className="mt-6 rounded-md border border-slate-300 bg-white p-4">
          Survei ini sudah ditutup. Terima kasih atas perhatian Anda.
        </p>
      ) : (
        <form method="post" action={`/api/survei/${round.token}`} className="pb-10">
          {fields.length > 0 && (
            <section className="mt-6 space-y-3" aria-labelledby="h-resp">
              <h2 id="h-resp" className="text-base font-semibold">
                Tentang Anda (boleh dikosongkan)
              </h2>
              {fields.map((code) => {
                const f = RESPONDENT_FIELDS[code];
                return (
                  <div key={code}>
                    <label htmlFor={`f-${code}`} className="block text-sm font-medium">
                      {f.label}
                    </label>
                    {f.options ? (
                      <select
                        id={`f-${code}`}
                        name={code}
                        defaultValue=""
                        className="mt-1 block min-h-11 w-full rounded-md border border-slate-400 bg-white px-2"
                      >
                        <option value="">—</option>
                        {f.options.map((o) => (
                          <option key={o} value={o}>
                            {o}
                          </option>
                        ))}
                      </select>
                    ) : (
                      <input
                        id={`f-${code}`}
                        name={code}
                        maxLength={120}
                        className="mt-1 block min-h-11 w-full rounded-md border border-slate-400 bg-white px-2"
                      />
                    )}
                  </div>
                );
              })}
            </section>
          )}
          <Instrument
            kind="SPKP"
            instrument={round.spkp}
            heading="Kualitas pelayanan"
            intro="Bagaimana penilaian Anda atas pelayanan yang baru Anda terima?"
          />
          <Instrument
            kind="SPAK"
            instrument={round.spak}
            heading="Pelayanan bersih dari korupsi"
            intro="Seberapa setuju Anda dengan pernyataan berikut?"
          />
          {/* Left empty by people (it is off-screen and skipped by the keyboard); bots fill it and are dropped. */}
          <div aria-hidden="true" className="absolute -left-[10000px] top-auto h-px w-px overflow-hidden">
            <label htmlFor="hp">Situs web</label>
            <input id="hp" name={HONEYPOT} tabIndex={-1} autoComplete="off" defaultValue="" />
          </div>
          <button
            type="submit"
            className="mt-6 min-h-12 w-full rounded-md bg-blue-700 px-4 text-base font-semibold text-white"
          >
            Kirim jawaban
          </button>
        </form>
      )}
    </main>
  );
}
