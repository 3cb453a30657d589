/**
 * Checks of single answer values against the catalogue. Shared by the engine (which refuses to score
 * an invalid value) and by validate.ts (which reports it to the user). Messages are one Indonesian line.
 */
import type { Catalogue, CatalogueQuestion, OptionIndicator, SurveyIndicator } from "../catalogue/types";

/** What is wrong with a value: `subField` is appended to the field name (".agenPerubahan"). */
export interface Problem {
  subField: string;
  message: string;
}

/** A value quoted for a one-line message. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "undefined";
  if (typeof value === "number") return String(value);
  try {
    const text = JSON.stringify(value);
    if (text === undefined) return typeof value;
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
  } catch {
    return typeof value;
  }
}

const labelList = (options: readonly { label: string }[]) => options.map((o) => o.label).join(", ");
const keyList = (q: CatalogueQuestion) => q.inputs.map((i) => i.key).join(", ");

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Problem with an option label, or null when `value` is one of `options`. */
export function optionProblem(options: readonly { label: string }[], value: unknown): Problem | null {
  if (typeof value !== "string") {
    return {
      subField: "",
      message: `harus berupa label pilihan, diterima ${describeValue(value)} (pilihan: ${labelList(options)})`,
    };
  }
  for (const o of options) if (o.label === value) return null;
  return { subField: "", message: `label ${describeValue(value)} tidak dikenal (pilihan: ${labelList(options)})` };
}

/** Problem with the counts of a percentage question, or null. */
export function countsProblem(question: CatalogueQuestion, value: Record<string, unknown>): Problem | null {
  for (const key of Object.keys(value)) {
    if (!question.inputs.some((i) => i.key === key)) {
      return { subField: `.${key}`, message: `input tidak dikenal (input: ${keyList(question)})` };
    }
    const n = value[key];
    // Worded so that "-3" is not read as accepted: the refused value comes after the rule.
    if (typeof n !== "number" || !Number.isFinite(n))
      return { subField: `.${key}`, message: `Jumlah harus berupa angka: ${describeValue(n)}` };
    if (n < 0) return { subField: `.${key}`, message: `Jumlah tidak boleh negatif: ${describeValue(n)}` };
    if (!Number.isInteger(n))
      return { subField: `.${key}`, message: `Jumlah harus bilangan bulat: ${describeValue(n)}` };
  }
  return null;
}

/** A declared count pair whose numerator exceeds its base, with the numbers involved. */
export interface CountWarning {
  numerator: string[];
  base: string[];
  numeratorSum: number;
  baseSum: number;
  message: string;
}

/**
 * The catalogue's suspicious count pairs (`calc.checks`) that these counts break: e.g. 15 complaints
 * done out of 10 due. The score stays capped; the warning asks the person to explain it in the catatan.
 */
export function countWarnings(
  question: CatalogueQuestion,
  counts: Readonly<Record<string, unknown>> | null | undefined,
): CountWarning[] {
  if (!counts) return [];
  const sum = (keys: string[]) =>
    keys.reduce((s, k) => s + (typeof counts[k] === "number" ? (counts[k] as number) : 0), 0);
  const warnings: CountWarning[] = [];
  for (const check of question.countChecks) {
    const numeratorSum = sum(check.numerator);
    const baseSum = sum(check.base);
    if (numeratorSum > baseSum) {
      warnings.push({ ...check, numeratorSum, baseSum, message: `${check.warning} (${numeratorSum} dari ${baseSum})` });
    }
  }
  return warnings;
}

/** A catatan that explains unlikely counts must say something: at least this many characters. */
export const MIN_CATATAN_FOR_COUNT_WARNING = 20;

/** Why a catatan does not yet explain the answer's unlikely counts, or null when it does (or there are none). */
export function countWarningCatatanProblem(
  question: CatalogueQuestion,
  value: unknown,
  catatan: string,
): string | null {
  if (!isPlainObject(value)) return null;
  const warnings = countWarnings(question, value);
  if (warnings.length === 0 || catatan.trim().length >= MIN_CATATAN_FOR_COUNT_WARNING) return null;
  return `${warnings[0].message}: jelaskan di catatan (minimal ${MIN_CATATAN_FOR_COUNT_WARNING} karakter)`;
}

/** Problem with a percentage given directly, or null. */
export function percentProblem(value: number): Problem | null {
  if (!Number.isFinite(value) || value < 0 || value > 100) {
    return { subField: "", message: `persentase ${describeValue(value)} di luar rentang 0–100` };
  }
  return null;
}

/** Problem with one answer, or null when the value is valid (null / undefined = unanswered, valid). */
export function answerProblem(question: CatalogueQuestion, value: unknown): Problem | null {
  if (value === null || value === undefined) return null;
  if (question.answerType !== "PERSENTASE") return optionProblem(question.options, value);
  if (typeof value === "number") return percentProblem(value);
  if (isPlainObject(value)) return countsProblem(question, value);
  return {
    subField: "",
    message: `harus berupa persentase 0–100 atau objek jumlah, diterima ${describeValue(value)} (input: ${keyList(question)})`,
  };
}

/** Problem with a survey index (IPAK/IPKP), or null. */
export function surveyIndexProblem(indicator: SurveyIndicator, value: unknown): Problem | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== "number" || !Number.isFinite(value)) {
    return {
      subField: "",
      message: `indeks harus berupa angka ${indicator.scaleMin}–${indicator.scaleMax}, diterima ${describeValue(value)}`,
    };
  }
  if (value < indicator.scaleMin || value > indicator.scaleMax) {
    return {
      subField: "",
      message: `indeks ${describeValue(value)} di luar rentang ${indicator.scaleMin}–${indicator.scaleMax}`,
    };
  }
  return null;
}

/** Problem with the capaian kinerja option, or null. */
export function capaianProblem(indicator: OptionIndicator, value: unknown): Problem | null {
  if (value === null || value === undefined) return null;
  return optionProblem(indicator.options, value);
}

/** Thrown by the engine when it is handed a value the validators would refuse. */
export class ScoringInputError extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.name = "ScoringInputError";
    this.field = field;
  }
}

export function answerField(questionId: string): string {
  return `answers.${questionId}`;
}

/** The catalogue's question, or undefined. */
export function findQuestion(catalogue: Catalogue, questionId: string): CatalogueQuestion | undefined {
  return catalogue.questionById.get(questionId);
}
