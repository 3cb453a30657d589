"use client";

import type { CatalogueQuestion, CatalogueSettings } from "@/domain/catalogue/types";
import { countsProblem, countWarnings } from "@/domain/scoring/answers";
import { formatPercent } from "@/domain/scoring/format";
import { isZeroBase, percentageScore } from "@/domain/scoring/score";
import type { AnswerValue, ZeroBaseRule } from "@/domain/scoring/types";
import { zeroBaseSentence } from "@/domain/scoring/zero-base";
import { cn } from "@/lib/cn";

/** A catalogue question as the page receives it. */
export type PlainQuestion = CatalogueQuestion;

/** The answer control for a question's type: its options with their criteria, or the counts of a percentage question. */
export function AnswerInput({
  question,
  value,
  onChange,
  disabled,
  name,
  settings,
  zeroBase,
}: {
  question: PlainQuestion;
  value: AnswerValue | null;
  onChange: (value: AnswerValue | null) => void;
  disabled: boolean;
  name: string;
  settings: CatalogueSettings;
  zeroBase: ZeroBaseRule;
}) {
  if (question.answerType === "PERSENTASE") {
    const counts = (value && typeof value === "object" ? value : {}) as Record<string, number>;
    const filled = Object.keys(counts).length > 0;
    // Each field is checked as it is typed, so a fixed field loses its error at once.
    const problems = Object.fromEntries(
      question.inputs.map((input) => [
        input.key,
        input.key in counts ? countsProblem(question, { [input.key]: counts[input.key] })?.message : undefined,
      ]),
    );
    const valid = Object.values(problems).every((p) => !p);
    const pct = filled && valid ? percentageScore(question, counts, settings, zeroBase) * 100 : null;
    const warnings = valid ? countWarnings(question, counts) : [];
    const warned = new Map<string, string>();
    // Next to the base and to each count that adds to the excess (an empty "in progress" is not at fault).
    for (const w of warnings)
      for (const key of [...w.numerator.filter((k) => (counts[k] ?? 0) > 0), ...w.base])
        if (!warned.has(key)) warned.set(key, w.message);
    const onZeroBase = filled && valid && isZeroBase(question, counts, settings);
    return (
      <div className="space-y-2">
        <div className="grid gap-2 sm:grid-cols-2">
          {question.inputs.map((input) => {
            const problem = problems[input.key];
            const warning = warned.get(input.key);
            const noteId = `${name}-${input.key}-note`;
            return (
              <label key={input.key} className="block text-sm text-slate-700">
                <span className="mb-1 block text-xs">{input.label}</span>
                <input
                  type="number"
                  min={0}
                  step={1}
                  inputMode="numeric"
                  disabled={disabled}
                  aria-label={input.label}
                  aria-invalid={!!problem}
                  aria-describedby={problem || warning ? noteId : undefined}
                  value={counts[input.key] ?? ""}
                  onChange={(e) => {
                    const next = { ...counts };
                    if (e.target.value === "") delete next[input.key];
                    else next[input.key] = Number(e.target.value);
                    onChange(Object.keys(next).length ? next : null);
                  }}
                  className={cn(
                    "block h-9 w-full rounded-md border px-2 text-sm tabular-nums disabled:bg-slate-100",
                    problem ? "border-red-600" : warning ? "border-amber-600" : "border-slate-300",
                  )}
                />
                {problem && (
                  <span
                    id={noteId}
                    role="alert"
                    className="mt-1 block text-xs font-medium text-red-700"
                    data-testid={`count-error-${question.id}-${input.key}`}
                  >
                    {problem}
                  </span>
                )}
                {!problem && warning && (
                  <span
                    id={noteId}
                    className="mt-1 block text-xs font-medium text-amber-800"
                    data-testid={`count-warning-${question.id}-${input.key}`}
                  >
                    Periksa kembali: {warning}
                  </span>
                )}
              </label>
            );
          })}
        </div>
        <p className="text-sm text-slate-700" data-testid={`pct-${question.id}`}>
          Persentase: <span className="font-semibold tabular-nums">{pct === null ? "—" : formatPercent(pct)}</span>
        </p>
        {onZeroBase && (
          <p className="text-sm text-slate-700" data-testid={`zero-base-${question.id}`}>
            {zeroBaseSentence(question, zeroBase)}
          </p>
        )}
        {warnings.length > 0 && (
          <p className="text-sm text-amber-800" role="status">
            Angka di atas tidak lazim dan tetap dihitung paling tinggi 100%. Jelaskan di catatan (minimal 20 karakter)
            sebelum menyimpan.
          </p>
        )}
      </div>
    );
  }
  return (
    <fieldset disabled={disabled} className="space-y-1.5">
      <legend className="sr-only">Pilihan jawaban {question.id}</legend>
      {question.options.map((o) => (
        <label
          key={o.label}
          className={cn(
            "flex cursor-pointer gap-3 rounded-md border px-3 py-2 text-sm transition-colors",
            value === o.label ? "border-brand-500 bg-brand-50" : "border-slate-200 hover:border-slate-300",
            disabled && "cursor-default opacity-80",
          )}
        >
          <input
            type="radio"
            name={name}
            value={o.label}
            checked={value === o.label}
            onChange={() => onChange(o.label)}
            className="mt-0.5"
          />
          <span>
            <span className="font-semibold">{o.label}</span>
            <span className="text-slate-600"> — {o.criteria}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

/** An answer value as a short text: the label, or the counts' percentage. */
export function describeAnswer(
  question: PlainQuestion,
  value: AnswerValue | null,
  settings: CatalogueSettings,
  zeroBase: ZeroBaseRule = "ZERO",
): string {
  if (value === null || value === undefined) return "belum dijawab";
  if (typeof value === "string") return value;
  if (typeof value === "number") return formatPercent(value);
  const counts = value as Record<string, number>;
  if (isZeroBase(question, counts, settings) && zeroBase === "EXCLUDE") return "dikecualikan (jumlah dasar 0)";
  return formatPercent(percentageScore(question, counts, settings, zeroBase) * 100);
}
