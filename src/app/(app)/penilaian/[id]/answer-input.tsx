"use client";

import type { CatalogueQuestion, CatalogueSettings } from "@/domain/catalogue/types";
import { formatPercent } from "@/domain/scoring/format";
import { percentageScore } from "@/domain/scoring/score";
import type { AnswerValue } from "@/domain/scoring/types";
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
}: {
  question: PlainQuestion;
  value: AnswerValue | null;
  onChange: (value: AnswerValue | null) => void;
  disabled: boolean;
  name: string;
  settings: CatalogueSettings;
}) {
  if (question.answerType === "PERSENTASE") {
    const counts = (value && typeof value === "object" ? value : {}) as Record<string, number>;
    const filled = Object.keys(counts).length > 0;
    const pct = filled ? percentageScore(question, counts, settings) * 100 : null;
    return (
      <div className="space-y-2">
        <div className="grid gap-2 sm:grid-cols-2">
          {question.inputs.map((input) => (
            <label key={input.key} className="block text-sm text-slate-700">
              <span className="mb-1 block text-xs">{input.label}</span>
              <input
                type="number"
                min={0}
                step={1}
                inputMode="numeric"
                disabled={disabled}
                aria-label={input.label}
                value={counts[input.key] ?? ""}
                onChange={(e) => {
                  const next = { ...counts };
                  if (e.target.value === "") delete next[input.key];
                  else next[input.key] = Number(e.target.value);
                  onChange(Object.keys(next).length ? next : null);
                }}
                className="block h-9 w-full rounded-md border border-slate-300 px-2 text-sm tabular-nums disabled:bg-slate-100"
              />
            </label>
          ))}
        </div>
        <p className="text-sm text-slate-700" data-testid={`pct-${question.id}`}>
          Persentase: <span className="font-semibold tabular-nums">{pct === null ? "—" : formatPercent(pct)}</span>
        </p>
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
          <input type="radio" name={name} value={o.label} checked={value === o.label} onChange={() => onChange(o.label)} className="mt-0.5" />
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
export function describeAnswer(question: PlainQuestion, value: AnswerValue | null, settings: CatalogueSettings): string {
  if (value === null || value === undefined) return "belum dijawab";
  if (typeof value === "string") return value;
  if (typeof value === "number") return formatPercent(value);
  return formatPercent(percentageScore(question, value as Record<string, number>, settings) * 100);
}
