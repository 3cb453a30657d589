/**
 * SPAK/SPKP survey index: pure arithmetic shared by the results pages, the LKE hand-over and the CLI.
 *
 * - Per element: the mean of the answers given (a missing answer is left out, not counted as zero).
 * - Index on the answer scale: the elements weighted equally (1/k), i.e. the mean of the element means
 *   over the elements that have at least one answer.
 * - Index on the LKE's 0–4 field: a linear map of the answer scale [min, max] onto [1, 4]
 *   (`1 + (x − min) × 3 / (max − min)`), so a 1–4 instrument needs no conversion and the lowest and highest
 *   answers of a 1–6 instrument land on the lowest and highest answers of a 1–4 one.
 * - 95 % interval: index ± t(0.975, n − 1) × s / √n, with s the standard deviation of the respondents' own
 *   means (each respondent's answered elements averaged), clipped to the scale.
 */
import { z } from "zod";

export type Scale = readonly [number, number];
/** One array per respondent, one answer (or null) per element. */
export type SurveyAnswers = readonly (readonly (number | null)[])[];

export const DEFAULT_SCALE: Scale = [1, 4];
export const DEFAULT_MIN_RESPONDENTS = 30;
/** The scales agencies use (survei.md): 1–4 by default, 1–6 stars. */
export const ALLOWED_SCALES: readonly Scale[] = [
  [1, 4],
  [1, 6],
];

export interface Interval {
  low: number;
  high: number;
}

export interface SurveyIndex {
  /** Respondents with at least one answer. */
  n: number;
  /** On the answer scale; null when nothing was answered. */
  index: number | null;
  /** Per element, on the answer scale; null for an element nobody answered. */
  elements: (number | null)[];
  /** The index on the LKE's 0–4 field. */
  lkeIndex: number | null;
  /** 95 % interval of the index on the answer scale (null below two respondents). */
  interval: Interval | null;
  /** The same interval on 0–4. */
  lkeInterval: Interval | null;
  minRespondents: number;
  /** Fewer respondents than the minimum: the index is shown with a warning. */
  belowMinimum: boolean;
}

/** The linear conversion from the answer scale to the LKE's 0–4 field (identity for 1–4). */
export function toLkeScale(value: number, scale: Scale): number {
  const [min, max] = scale;
  return 1 + ((value - min) * 3) / (max - min);
}

/** The LKE stores two decimals. */
export function roundForLke(value: number): number {
  return Math.round((value + Number.EPSILON) * 100) / 100;
}

// t(0.975, df) for df = 1…30; above that the Cornish–Fisher expansion is within 1e-3.
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11,
  2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

export function tCritical975(df: number): number {
  if (df < 1) return Number.NaN;
  if (df <= T975.length) return T975[df - 1];
  const z = 1.959964;
  const z3 = z ** 3;
  const z5 = z ** 5;
  return z + (z3 + z) / (4 * df) + (5 * z5 + 16 * z3 + 3 * z) / (96 * df * df);
}

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

export function computeSurveyIndex(
  answers: SurveyAnswers,
  scale: Scale = DEFAULT_SCALE,
  options: { minRespondents?: number; elementCount?: number } = {},
): SurveyIndex {
  const minRespondents = options.minRespondents ?? DEFAULT_MIN_RESPONDENTS;
  const k = options.elementCount ?? answers[0]?.length ?? 0;
  const answered = answers.filter((r) => r.some((v) => v !== null));
  const n = answered.length;

  const elements: (number | null)[] = [];
  for (let e = 0; e < k; e++) {
    const given = answered.map((r) => r[e]).filter((v): v is number => v !== null && v !== undefined);
    elements.push(given.length ? mean(given) : null);
  }
  const present = elements.filter((m): m is number => m !== null);
  const index = present.length ? mean(present) : null;

  let interval: Interval | null = null;
  if (index !== null && n >= 2) {
    const own = answered.map((r) => mean(r.filter((v): v is number => v !== null)));
    const m = mean(own);
    const variance = own.reduce((s, x) => s + (x - m) ** 2, 0) / (n - 1);
    const half = (tCritical975(n - 1) * Math.sqrt(variance)) / Math.sqrt(n);
    interval = { low: Math.max(scale[0], index - half), high: Math.min(scale[1], index + half) };
  }
  return {
    n,
    index,
    elements,
    lkeIndex: index === null ? null : toLkeScale(index, scale),
    interval,
    lkeInterval: interval && { low: toLkeScale(interval.low, scale), high: toLkeScale(interval.high, scale) },
    minRespondents,
    belowMinimum: n < minRespondents,
  };
}

/** Several rounds of one year (same instrument length) pooled: their responses together, not a mean of means. */
export function poolRounds(
  rounds: readonly { answers: SurveyAnswers; scale: Scale }[],
): { answers: SurveyAnswers; scale: Scale } | null {
  if (rounds.length === 0) return null;
  const scale = rounds[0].scale;
  // Rounds on another scale are brought onto the first round's scale linearly, so pooling stays meaningful.
  const answers = rounds.flatMap((r) =>
    r.answers.map((resp) =>
      resp.map((v) =>
        v === null ? null : scale[0] + ((v - r.scale[0]) * (scale[1] - scale[0])) / (r.scale[1] - r.scale[0]),
      ),
    ),
  );
  return { answers, scale };
}

/** The CLI's and import's input: `{"scale": [1, 4], "responses": [[4, 3, null, …], …]}`. */
const requestSchema = z.strictObject({
  scale: z
    .tuple([z.number().int(), z.number().int()])
    .refine(([a, b]) => ALLOWED_SCALES.some(([x, y]) => x === a && y === b), "skala harus [1, 4] atau [1, 6]"),
  responses: z.array(z.array(z.number().nullable())),
  minRespondents: z.number().int().min(1).max(100_000).optional(),
});

export type SurveyIndexRequest = z.infer<typeof requestSchema>;

export function parseSurveyIndexRequest(
  json: unknown,
): { ok: true; value: SurveyIndexRequest } | { ok: false; field: string; message: string } {
  const parsed = requestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, field: issue.path.join(".") || "input", message: issue.message };
  }
  const { scale, responses } = parsed.data;
  const k = responses[0]?.length ?? 0;
  if (responses.length > 0 && k === 0)
    return { ok: false, field: "responses.0", message: "minimal satu elemen per responden" };
  for (let i = 0; i < responses.length; i++) {
    const r = responses[i];
    if (r.length !== k)
      return {
        ok: false,
        field: `responses.${i}`,
        message: `harus ${k} jawaban seperti responden pertama, ada ${r.length}`,
      };
    for (let e = 0; e < r.length; e++) {
      const v = r[e];
      if (v !== null && (!Number.isInteger(v) || v < scale[0] || v > scale[1])) {
        return {
          ok: false,
          field: `responses.${i}.${e}`,
          message: `jawaban harus bilangan bulat ${scale[0]}–${scale[1]} atau null`,
        };
      }
    }
  }
  return { ok: true, value: parsed.data };
}
