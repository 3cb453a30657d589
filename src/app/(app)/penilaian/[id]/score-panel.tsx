"use client";

import { formatScore } from "@/domain/scoring/format";
import type { LiveScore, LiveScores } from "@/server/lke/context";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/cn";

function Verdict({ label, v }: { label: string; v: LiveScore["wbk"] }) {
  return (
    <div>
      <Badge tone={v.eligible ? "green" : "red"}>
        {label}: {v.eligible ? "memenuhi" : "belum"}
      </Badge>
      {!v.eligible && v.unmet.length > 0 && (
        <details className="mt-1 text-xs text-slate-600">
          <summary className="cursor-pointer">{v.unmet.length} syarat belum terpenuhi</summary>
          <ul className="mt-1 list-disc space-y-0.5 pl-4">
            {v.unmet.map((u) => (
              <li key={u}>{u}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

function Layer({ title, score, testId, empty }: { title: string; score: LiveScore; testId: string; empty?: string }) {
  return (
    <div className="space-y-2" data-testid={testId}>
      <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</p>
      {empty ? (
        <p className="text-sm text-slate-500">{empty}</p>
      ) : (
        <>
          <p className="text-3xl font-semibold tabular-nums text-slate-900" data-testid={`${testId}-total`}>
            {score.totalText}
          </p>
          <p className="text-xs text-slate-500">
            Pengungkit {score.pengungkitText} · Hasil {formatScore(score.hasil)}
          </p>
          <Verdict label="WBK" v={score.wbk} />
          <Verdict label="WBBM" v={score.wbbm} />
        </>
      )}
    </div>
  );
}

/** How the TPI layer reads while the TPI is still reviewing: its progress and the labelled projection. */
function PartialTpi({ scores }: { scores: LiveScores }) {
  const { PROJECTED, progress } = scores;
  const rest = progress.questions - progress.reviewed;
  return (
    <div className="space-y-2" data-testid="score-tpi">
      <p className="text-xs font-semibold uppercase tracking-wide text-slate-500" data-testid="score-tpi-progress">
        TPI ({progress.reviewed} dari {progress.questions} direviu)
      </p>
      <p className="text-xs font-medium text-amber-800">Proyeksi</p>
      <p className="text-3xl font-semibold tabular-nums text-slate-700" data-testid="score-tpi-projected">
        {PROJECTED.totalText}
      </p>
      <p className="text-xs text-slate-600" data-testid="score-tpi-note">
        Belum final:{" "}
        {rest > 0 ? `${rest} pertanyaan belum direviu memakai jawaban unit` : "semua pertanyaan sudah direviu"}
        {!progress.hasilComplete && "; komponen hasil TPI belum lengkap (memakai nilai unit)"}. Predikat WBK/WBBM TPI
        ditampilkan setelah reviu lengkap.
      </p>
    </div>
  );
}

/** A one-line summary for narrow screens, where the full panel sits below the questions. */
export function ScoreSummaryBar({ scores }: { scores: LiveScores }) {
  const { progress } = scores;
  const started = progress.reviewed > 0 || scores.TPI.hasil > 0;
  return (
    <a
      href="#nilai"
      className="no-print sticky top-16 z-20 flex items-center justify-between gap-3 rounded-md border border-slate-200 bg-white/95 px-3 py-2 text-sm shadow-sm backdrop-blur xl:hidden"
      data-testid="score-summary"
    >
      <span>
        Mandiri <strong className="tabular-nums">{scores.SELF.totalText}</strong>
        <span className="text-slate-500"> · </span>
        {progress.complete ? (
          <>
            TPI <strong className="tabular-nums">{scores.TPI.totalText}</strong>
          </>
        ) : started ? (
          <>
            TPI proyeksi <strong className="tabular-nums">{scores.PROJECTED.totalText}</strong> ({progress.reviewed}/
            {progress.questions} direviu)
          </>
        ) : (
          <>
            TPI <strong>—</strong>
          </>
        )}
      </span>
      <Badge tone={scores.SELF.wbk.eligible ? "green" : "red"}>
        WBK mandiri {scores.SELF.wbk.eligible ? "✓" : "✗"}
      </Badge>
    </a>
  );
}

/**
 * The live score of both layers, recomputed by the engine after every save. Until the TPI has reviewed
 * every question (and set its hasil) its layer is shown as a labelled projection with no verdict, and
 * the difference counts only the questions it has reviewed.
 */
export function ScorePanel({ scores, final }: { scores: LiveScores; final: boolean }) {
  const { SELF, TPI, PROJECTED, progress } = scores;
  const started = progress.reviewed > 0 || TPI.hasil > 0;
  const complete = progress.complete;
  // The projection takes the unit's answer wherever the TPI has not spoken, so projection − mandiri is
  // exactly the difference over what the TPI reviewed.
  const tpi = complete ? TPI : PROJECTED;
  const diff = tpi.total - SELF.total;
  const title = final ? "Nilai akhir" : "Nilai sementara";
  return (
    <section
      id="nilai"
      aria-labelledby="nilai-title"
      className="scroll-mt-20 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <h2 id="nilai-title" className="mb-3 text-base font-semibold text-slate-900">
        {title}
      </h2>
      <div className="grid grid-cols-2 gap-4">
        <Layer title="Mandiri (unit)" score={SELF} testId="score-self" />
        {complete ? (
          <Layer title="TPI" score={TPI} testId="score-tpi" />
        ) : started ? (
          <PartialTpi scores={scores} />
        ) : (
          <Layer title="TPI" score={TPI} testId="score-tpi" empty="Belum direviu TPI" />
        )}
      </div>
      {started && (
        <p className="mt-3 rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700" data-testid="score-diff">
          {complete ? "Selisih TPI − mandiri" : `Selisih pada ${progress.reviewed} pertanyaan yang sudah direviu`}:{" "}
          <span className={cn("font-semibold tabular-nums", diff < 0 ? "text-red-700" : "text-emerald-800")}>
            {diff > 0 ? "+" : ""}
            {formatScore(diff)}
          </span>
        </p>
      )}
      <table className="mt-4 w-full text-xs">
        <caption className="sr-only">Nilai per area, mandiri dan TPI</caption>
        <thead>
          <tr className="text-left text-slate-600">
            <th scope="col" className="pb-1 font-medium">
              Area
            </th>
            <th scope="col" className="pb-1 pl-3 text-right font-medium">
              Mandiri
            </th>
            <th scope="col" className="pb-1 pl-3 text-right font-medium">
              {complete || !started ? "TPI" : "TPI (proyeksi)"}
            </th>
            {started && (
              <th scope="col" className="pb-1 pl-3 text-right font-medium">
                Selisih
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {SELF.areas.map((a, i) => {
            const t = tpi.areas[i];
            const d = t.score - a.score;
            return (
              <tr key={a.id} className="border-t border-slate-100">
                <th scope="row" className="py-1.5 pr-2 text-left font-normal text-slate-700">
                  {a.name}
                  <span className="mt-1 block h-1.5 w-full overflow-hidden rounded bg-slate-100" aria-hidden>
                    <span
                      className={cn(
                        "block h-full",
                        a.pct >= 75 ? "bg-emerald-500" : a.pct >= 60 ? "bg-brand-500" : "bg-amber-500",
                      )}
                      style={{ width: `${Math.min(100, a.pct)}%` }}
                    />
                  </span>
                </th>
                <td className="py-1.5 pl-3 text-right tabular-nums">
                  {a.scoreText}
                  <span className="block text-slate-500">/ {formatScore(a.weight)}</span>
                </td>
                <td className="py-1.5 pl-3 text-right tabular-nums">{started ? t.scoreText : "—"}</td>
                {started && (
                  <td
                    className={cn(
                      "py-1.5 pl-3 text-right tabular-nums",
                      d < 0 ? "text-red-700" : d > 0 ? "text-emerald-800" : "text-slate-600",
                    )}
                  >
                    {d > 0 ? "+" : ""}
                    {formatScore(d)}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="mt-3 text-xs text-slate-600">
        Terjawab {SELF.answered}/{SELF.questions} pertanyaan. Dihitung ulang setiap kali jawaban disimpan.
      </p>
    </section>
  );
}
