/**
 * Validation of scoring input (pure). Used by the CLI, by server actions when an answer is saved, and
 * by anything that receives a scoring request as JSON. Errors name the field ("answers.PPA1B") and
 * carry one Indonesian line.
 */
import { z } from "zod";
import { CATALOGUES, DEFAULT_CATALOGUE_ID } from "../catalogue/registry";
import type { Catalogue, PredicateCode } from "../catalogue/types";
import { answerField, answerProblem, capaianProblem, describeValue, surveyIndexProblem } from "./answers";
import { ZERO_BASE_RULES, type AnswerValue, type Answers, type HasilInput, type ScoringInput } from "./types";

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; field: string; message: string };

/** "field: message", the one line the CLI prints. */
export function formatValidationError(error: { field: string; message: string }): string {
  return `${error.field}: ${error.message}`.replace(/\s+/g, " ");
}

const invalid = (field: string, message: string) => ({ ok: false as const, field, message });

const PREDICATES = ["WBK", "WBBM"] as const satisfies readonly PredicateCode[];

const requestSchema = z.strictObject(
  {
    catalogue: z.string({ error: "harus berupa id katalog (teks)" }).optional(),
    answers: z.record(z.string(), z.unknown(), { error: "harus berupa objek jawaban per id pertanyaan" }).optional(),
    hasil: z
      .strictObject(
        { ipak: z.unknown().optional(), ipkp: z.unknown().optional(), capaianKinerja: z.unknown().optional() },
        { error: "harus berupa objek { ipak, ipkp, capaianKinerja }" },
      )
      .optional(),
    previousPredicate: z.enum(PREDICATES, { error: 'harus null, "WBK" atau "WBBM"' }).nullable().optional(),
    zeroBase: z.enum(ZERO_BASE_RULES, { error: 'harus "ZERO", "ONE" atau "EXCLUDE"' }).optional(),
  },
  { error: "harus berupa objek JSON" },
);

function zodFailure(error: z.ZodError): { ok: false; field: string; message: string } {
  const issue = error.issues[0];
  const path = issue.path.map(String);
  if (issue.code === "unrecognized_keys") {
    return invalid([...path, issue.keys[0]].join("."), "kolom tidak dikenal");
  }
  return invalid(path.length > 0 ? path.join(".") : "input", issue.message);
}

/** Validates one answer against its question. null / undefined = unanswered (valid). */
export function validateAnswer(
  catalogue: Catalogue,
  questionId: string,
  value: unknown,
): ValidationResult<AnswerValue | null> {
  const question = catalogue.questionById.get(questionId);
  if (!question) return invalid(answerField(questionId), `pertanyaan tidak dikenal di katalog ${catalogue.id}`);
  const problem = answerProblem(question, value);
  if (problem) return invalid(answerField(questionId) + problem.subField, problem.message);
  if (value === null || value === undefined) return { ok: true, value: null };
  if (typeof value === "object") return { ok: true, value: { ...(value as Record<string, number>) } };
  return { ok: true, value: value as AnswerValue };
}

/** Validates all answers; the first problem is reported. */
export function validateAnswers(
  catalogue: Catalogue,
  answers: Readonly<Record<string, unknown>>,
): ValidationResult<Answers> {
  const out: Record<string, AnswerValue | null> = {};
  for (const [questionId, value] of Object.entries(answers)) {
    const result = validateAnswer(catalogue, questionId, value);
    if (!result.ok) return result;
    out[questionId] = result.value;
  }
  return { ok: true, value: out };
}

/** Validates the komponen hasil inputs (IPAK/IPKP index 1–4, capaian kinerja option). */
export function validateHasil(catalogue: Catalogue, hasil: unknown): ValidationResult<HasilInput> {
  if (hasil === null || hasil === undefined)
    return { ok: true, value: { ipak: null, ipkp: null, capaianKinerja: null } };
  if (typeof hasil !== "object" || Array.isArray(hasil))
    return invalid("hasil", "harus berupa objek { ipak, ipkp, capaianKinerja }");
  const h = hasil as Record<string, unknown>;
  for (const key of Object.keys(h)) {
    if (key !== "ipak" && key !== "ipkp" && key !== "capaianKinerja")
      return invalid(`hasil.${key}`, "kolom tidak dikenal");
  }
  for (const field of ["ipak", "ipkp"] as const) {
    const problem = surveyIndexProblem(catalogue.hasil[field], h[field]);
    if (problem) return invalid(`hasil.${field}`, problem.message);
  }
  const problem = capaianProblem(catalogue.hasil.capaianKinerja, h.capaianKinerja);
  if (problem) return invalid("hasil.capaianKinerja", problem.message);
  return {
    ok: true,
    value: {
      ipak: (h.ipak as number | null | undefined) ?? null,
      ipkp: (h.ipkp as number | null | undefined) ?? null,
      capaianKinerja: (h.capaianKinerja as string | null | undefined) ?? null,
    },
  };
}

export interface ParseOptions {
  /** Catalogues by id (default: every catalogue the app ships). */
  catalogues?: ReadonlyMap<string, Catalogue>;
  /** Used when the request names no catalogue. */
  defaultCatalogueId?: string;
}

/**
 * Validates a scoring request:
 * `{ catalogue?, answers?, hasil?: { ipak?, ipkp?, capaianKinerja? }, previousPredicate? }`.
 * The catalogue defaults to PermenPANRB 90/2021. Unknown fields are refused.
 */
export function parseScoringRequest(json: unknown, options: ParseOptions = {}): ValidationResult<ScoringInput> {
  const parsed = requestSchema.safeParse(json);
  if (!parsed.success) return zodFailure(parsed.error);
  const request = parsed.data;
  const catalogues = options.catalogues ?? CATALOGUES;
  const catalogueId = request.catalogue ?? options.defaultCatalogueId ?? DEFAULT_CATALOGUE_ID;
  const catalogue = catalogues.get(catalogueId);
  if (!catalogue) {
    return invalid(
      "catalogue",
      `katalog ${describeValue(catalogueId)} tidak dikenal (pilihan: ${[...catalogues.keys()].join(", ")})`,
    );
  }
  const answers = validateAnswers(catalogue, request.answers ?? {});
  if (!answers.ok) return answers;
  const hasil = validateHasil(catalogue, request.hasil);
  if (!hasil.ok) return hasil;
  return {
    ok: true,
    value: {
      catalogue,
      answers: answers.value,
      hasil: hasil.value,
      previousPredicate: request.previousPredicate ?? null,
      zeroBase: request.zeroBase ?? "ZERO",
    },
  };
}
