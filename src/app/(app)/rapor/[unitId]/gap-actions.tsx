import Link from "next/link";
import { CheckCircle2, Lock } from "lucide-react";
import { formatScore } from "@/domain/scoring/format";
import type { PredicatePath, QuestionImprovement } from "@/domain/scoring/types";

const VISIBLE_STEPS = 10;

/** "Naikkan jawaban PPA1B dari B ke A: +0,25 poin" — one step of the engine's path as an instruction. */
export function stepText(step: QuestionImprovement): string {
  const gain = `+${formatScore(step.gain)} poin`;
  return step.answered
    ? `Naikkan jawaban ${step.questionId} dari ${step.fromLabel} ke ${step.to}: ${gain}`
    : `Jawab ${step.questionId} (belum dijawab) dengan ${step.to}: ${gain}`;
}

function Step({ step, href, areaName }: { step: QuestionImprovement; href: string | null; areaName: string }) {
  return (
    <li className="py-2 print:break-inside-avoid" data-testid="gap-step">
      <p className="font-medium text-slate-900">
        {href ? (
          <Link href={href} className="text-brand-700 hover:underline">
            {stepText(step)}
          </Link>
        ) : (
          stepText(step)
        )}
      </p>
      <p className="mt-0.5 line-clamp-2 text-xs text-slate-500">
        {areaName} · {step.text}
      </p>
    </li>
  );
}

/** The engine's shortest path to one predicate, and the conditions no LKE answer can clear. */
export function GapPath({
  path,
  lkeHref,
  areaNames,
}: {
  path: PredicatePath;
  lkeHref: ((code: string) => string) | null;
  areaNames: Record<string, string>;
}) {
  const p = path.predicate;
  if (path.eligibleNow) {
    return (
      <p className="flex items-start gap-2 text-sm text-emerald-800" data-testid={`gap-${p}`}>
        <CheckCircle2 className="mt-0.5 h-4 w-4 shrink-0" aria-hidden /> Sudah memenuhi semua syarat {p}; tidak ada
        langkah yang diperlukan.
      </p>
    );
  }
  const shown = path.steps.slice(0, VISIBLE_STEPS);
  const rest = path.steps.slice(VISIBLE_STEPS);
  const step = (s: QuestionImprovement) => (
    <Step
      key={s.questionId}
      step={s}
      href={lkeHref ? lkeHref(s.questionId) : null}
      areaName={areaNames[s.areaId] ?? s.areaId}
    />
  );
  return (
    <div className="space-y-3 text-sm" data-testid={`gap-${p}`}>
      {path.steps.length > 0 ? (
        <>
          <p className="text-slate-700">
            {path.steps.length} jawaban perlu dinaikkan, menambah {formatScore(path.totalGain)} poin: nilai total
            menjadi <span className="font-semibold tabular-nums">{formatScore(path.projected.total)}</span>, pengungkit{" "}
            <span className="font-semibold tabular-nums">{formatScore(path.projected.pengungkit)}</span>.
          </p>
          <ol className="list-decimal divide-y divide-slate-100 pl-5 marker:text-slate-400">{shown.map(step)}</ol>
          {rest.length > 0 && (
            <>
              <details className="print:hidden">
                <summary className="cursor-pointer text-sm font-medium text-brand-700 hover:underline">
                  Tampilkan {rest.length} langkah lainnya
                </summary>
                <ol
                  start={VISIBLE_STEPS + 1}
                  className="list-decimal divide-y divide-slate-100 pl-5 marker:text-slate-400"
                >
                  {rest.map(step)}
                </ol>
              </details>
              {/* On paper every step is listed. */}
              <ol
                start={VISIBLE_STEPS + 1}
                className="hidden list-decimal divide-y divide-slate-100 pl-5 print:block"
                aria-hidden
              >
                {rest.map(step)}
              </ol>
            </>
          )}
        </>
      ) : (
        <p className="text-slate-700">Tidak ada jawaban LKE yang dapat menutup syarat yang belum terpenuhi.</p>
      )}
      {path.notClearable.length > 0 && (
        <div className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2" data-testid={`not-clearable-${p}`}>
          <p className="flex items-center gap-1.5 font-semibold text-amber-900">
            <Lock className="h-4 w-4" aria-hidden /> Tidak dapat dipenuhi lewat jawaban LKE
          </p>
          <ul className="mt-1 list-disc space-y-1 pl-5 text-amber-900">
            {path.notClearable.map((n) => (
              <li key={n.code}>{n.label}</li>
            ))}
          </ul>
        </div>
      )}
      {path.steps.length > 0 && !path.eligibleAfter && (
        <p className="text-xs text-slate-500">
          Langkah di atas menutup syarat yang dapat dipenuhi lewat LKE; syarat lainnya tetap perlu ditangani.
        </p>
      )}
    </div>
  );
}
