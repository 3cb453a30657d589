/**
 * The LKE scoring engine (domain reference §2 and §5). Pure: no I/O, no clock. Every LKE number the
 * app shows is computed here, at full precision; round only for display (format.ts).
 *
 * - option scores are the catalogue's listed values, unrounded (Ya/Tidak 1/0, A–C 1/0.5/0, A–D 1/0.67/0.33/0
 *   as in the Lampiran III workbook and PortalRB's multipliers, A–E 1/0.75/0.5/0.25/0);
 * - percentage questions: a number p → p/100, or counts through the question's formula (see percentageScore);
 *   a zero base follows the periode's rule (ZeroBaseRule);
 * - indicator = weight × mean of its question scores (unanswered = 0; zero-base questions left out under
 *   EXCLUDE); sub-area, area (pemenuhan + reform), pemenuhan, reform and pengungkit are sums;
 * - IPAK / IPKP points = index ÷ scaleMax × weight; capaian kinerja points = weight × option score;
 *   birokrasi bersih = IPAK + capaian; hasil = birokrasi bersih + IPKP; total = pengungkit + hasil.
 */
import type {
  Catalogue,
  CatalogueArea,
  CatalogueQuestion,
  CatalogueSettings,
  PredicateCode,
  SubAreaKind,
} from "../catalogue/types";
import {
  answerField,
  answerProblem,
  capaianProblem,
  isPlainObject,
  ScoringInputError,
  surveyIndexProblem,
  type Problem,
} from "./answers";
import { formatIndex, formatScore, formatScoreBelow, SCORE_EPSILON } from "./format";
import type {
  AnswerValue,
  AreaResult,
  CountAnswer,
  HasilInput,
  IndicatorResult,
  QuestionResult,
  ScoreCondition,
  Scorecard,
  ScoringInput,
  SubAreaResult,
  UnmetCondition,
  Verdict,
  VerdictFigures,
  VerdictWarning,
  ZeroBaseRule,
} from "./types";

/**
 * Tolerance of every threshold comparison. Sums of binary fractions drift by ~1e-15 (3.6 / 4 × 17.5 is
 * not exactly 15.75 in every evaluation order), far below the two decimals the LKE reports.
 */
export { SCORE_EPSILON };

/** actual ≥ required, allowing for floating-point drift. */
export function meetsThreshold(actual: number, required: number): boolean {
  return actual >= required - SCORE_EPSILON;
}

/* ------------------------------------------------------------------------------------------------ */
/* Per-catalogue lookups, computed once.                                                            */

interface CompiledArea {
  area: CatalogueArea;
  /** Minimum points (weight × minPct / 100) per predicate. */
  min: Record<PredicateCode, number>;
  /** Weight of the pemenuhan and reform halves. */
  halfWeight: Record<SubAreaKind, number>;
  halfId: Record<SubAreaKind, string>;
}

interface Compiled {
  areas: CompiledArea[];
  areaIndex: Map<string, number>;
  /** Best option (highest score) per option question. */
  bestOption: Map<string, { label: string; score: number }>;
}

const compiledCache = new WeakMap<Catalogue, Compiled>();

/** Lookups derived from a catalogue, cached per catalogue object. */
export function compileCatalogue(catalogue: Catalogue): Compiled {
  const cached = compiledCache.get(catalogue);
  if (cached) return cached;
  const areas = catalogue.areas.map((area): CompiledArea => {
    const halfWeight: Record<SubAreaKind, number> = { PEMENUHAN: 0, REFORM: 0 };
    const halfId: Record<SubAreaKind, string> = { PEMENUHAN: "", REFORM: "" };
    for (const sub of area.subAreas) {
      halfWeight[sub.kind] += sub.weight;
      halfId[sub.kind] = halfId[sub.kind] ? `${halfId[sub.kind]}+${sub.id}` : sub.id;
    }
    return {
      area,
      min: { WBK: (area.weight * area.minPct.WBK) / 100, WBBM: (area.weight * area.minPct.WBBM) / 100 },
      halfWeight,
      halfId,
    };
  });
  const bestOption = new Map<string, { label: string; score: number }>();
  for (const q of catalogue.questions) {
    if (q.options.length === 0) continue;
    let best = q.options[0];
    for (const o of q.options) if (o.score > best.score) best = o;
    bestOption.set(q.id, { label: best.label, score: best.score });
  }
  const compiled: Compiled = { areas, areaIndex: new Map(areas.map((a, i) => [a.area.id, i])), bestOption };
  compiledCache.set(catalogue, compiled);
  return compiled;
}

/* ------------------------------------------------------------------------------------------------ */
/* Question scores.                                                                                  */

function fail(question: CatalogueQuestion, problem: Problem): never {
  throw new ScoringInputError(answerField(question.id) + problem.subField, problem.message);
}

const clamp01 = (x: number) => (x <= 0 ? 0 : x >= 1 ? 1 : x);

/**
 * Whether counts put a percentage question on a zero base: the ratio's Σ denominator, PRE2A's due
 * complaints (or in-progress + done under the alternative formula) are 0. PRC3A never is: its settled
 * rule covers a zero previous year (domain reference §2.3).
 */
export function isZeroBase(question: CatalogueQuestion, counts: CountAnswer, settings: CatalogueSettings): boolean {
  const formula = question.formula;
  if (!formula) return false;
  const get = (key: string) => counts[key] ?? 0;
  switch (formula.kind) {
    case "ratio":
      return formula.denominator.reduce((s, key) => s + get(key), 0) === 0;
    case "complaints":
      return settings.percentageFormulas.PRE2A.choice === "done-over-due"
        ? get(formula.due) === 0
        : get(formula.inProgress) + get(formula.done) === 0;
    case "reduction":
      return false;
  }
}

/** The 0–1 score a zero base gets under a rule (EXCLUDE has no score; the question is left out). */
export function zeroBaseScore(rule: ZeroBaseRule, settings: CatalogueSettings): number {
  return rule === "ONE" ? 1 : rule === "ZERO" ? settings.zeroDenominator.score : 0;
}

/**
 * Score 0–1 of a percentage question answered with counts (domain reference §2.3, catalogue
 * `meta.settings`). Missing counts are 0. A zero base (isZeroBase) scores by the periode's rule.
 * - ratio: numerator / Σ denominator, capped at 1 (the workbook's IF(K/K>1,1,…)).
 * - reduction (PRC3A), per settings.percentageFormulas.PRC3A.choice:
 *   "reduction": (previous − current) / previous floored at 0; 1 when both are 0; 0 when only previous is 0;
 *   "ratio-current-to-previous": min(1, current / previous); previous = 0 → zeroDenominator.score.
 * - complaints (PRE2A), per settings.percentageFormulas.PRE2A.choice:
 *   "done-over-due": done / due capped at 1 (inProgress unused);
 *   "done-over-in-progress-plus-done": done / (inProgress + done).
 */
export function percentageScore(
  question: CatalogueQuestion,
  counts: CountAnswer,
  settings: CatalogueSettings,
  zeroBase: ZeroBaseRule = "ZERO",
): number {
  const formula = question.formula;
  if (!formula) throw new Error(`Pertanyaan ${question.id} tidak memiliki rumus persentase`);
  const get = (key: string) => counts[key] ?? 0;
  if (isZeroBase(question, counts, settings)) return zeroBaseScore(zeroBase, settings);
  switch (formula.kind) {
    case "ratio": {
      let denominator = 0;
      for (const key of formula.denominator) denominator += get(key);
      return clamp01(get(formula.numerator) / denominator);
    }
    case "reduction": {
      const previous = get(formula.previous);
      const current = get(formula.current);
      const choice = settings.percentageFormulas.PRC3A.choice;
      if (choice === "reduction") {
        if (previous === 0) return current === 0 ? 1 : 0;
        return clamp01((previous - current) / previous);
      }
      if (choice === "ratio-current-to-previous")
        return previous === 0 ? settings.zeroDenominator.score : clamp01(current / previous);
      throw new Error(`Pilihan rumus PRC3A tidak dikenal: ${String(choice)}`);
    }
    case "complaints": {
      const done = get(formula.done);
      const choice = settings.percentageFormulas.PRE2A.choice;
      if (choice === "done-over-due") return clamp01(done / get(formula.due));
      if (choice === "done-over-in-progress-plus-done") return clamp01(done / (get(formula.inProgress) + done));
      throw new Error(`Pilihan rumus PRE2A tidak dikenal: ${String(choice)}`);
    }
  }
}

/**
 * Score 0–1 of one answer. null / undefined = unanswered = 0. Throws ScoringInputError (field
 * `answers.<id>`) for a value the validators would refuse.
 */
export function questionScore(
  question: CatalogueQuestion,
  value: AnswerValue | null | undefined,
  settings: CatalogueSettings,
  zeroBase: ZeroBaseRule = "ZERO",
): number {
  if (value === null || value === undefined) return 0;
  if (question.answerType === "PERSENTASE") {
    if (typeof value === "number") {
      if (value >= 0 && value <= 100) return value / 100;
    } else if (isPlainObject(value)) {
      const problem = answerProblem(question, value);
      if (problem) fail(question, problem);
      return percentageScore(question, value as CountAnswer, settings, zeroBase);
    }
  } else if (typeof value === "string") {
    for (const o of question.options) if (o.label === value) return o.score;
  }
  return fail(question, answerProblem(question, value) ?? { subField: "", message: "jawaban tidak valid" });
}

/* ------------------------------------------------------------------------------------------------ */
/* Komponen hasil.                                                                                   */

export interface HasilScores {
  ipak: number;
  capaianKinerja: number;
  ipkp: number;
  birokrasiBersih: number;
  hasil: number;
}

/** Hasil points from the survey indices and the capaian kinerja option. Missing values score 0. */
export function hasilScores(catalogue: Catalogue, hasil: HasilInput | undefined): HasilScores {
  const h = catalogue.hasil;
  const survey = (field: "ipak" | "ipkp") => {
    const value = hasil?.[field];
    if (value === null || value === undefined) return 0;
    const problem = surveyIndexProblem(h[field], value);
    if (problem) throw new ScoringInputError(`hasil.${field}`, problem.message);
    return (value / h[field].scaleMax) * h[field].weight;
  };
  const ipak = survey("ipak");
  const ipkp = survey("ipkp");
  let capaianKinerja = 0;
  const label = hasil?.capaianKinerja;
  if (label !== null && label !== undefined) {
    const option = h.capaianKinerja.options.find((o) => o.label === label);
    if (!option) throw new ScoringInputError("hasil.capaianKinerja", capaianProblem(h.capaianKinerja, label)!.message);
    capaianKinerja = h.capaianKinerja.weight * option.score;
  }
  const birokrasiBersih = ipak + capaianKinerja;
  return { ipak, capaianKinerja, ipkp, birokrasiBersih, hasil: birokrasiBersih + ipkp };
}

/* ------------------------------------------------------------------------------------------------ */
/* Verdicts.                                                                                         */

const fmt = formatScore;

function scoreCondition(
  code: ScoreCondition["code"],
  actual: number,
  required: number,
  label: (actual: string, required: string) => string,
): ScoreCondition | null {
  if (meetsThreshold(actual, required)) return null;
  return {
    kind: "score",
    code,
    actual,
    required,
    gap: required - actual,
    label: label(formatBelow(actual, required), fmt(required)),
  };
}

/** The actual value of an unmet condition, never displayed equal to its threshold (74.996 → "74,99", not "75,00"). */
function formatBelow(actual: number, required: number): string {
  const rounded = fmt(actual);
  return rounded === fmt(required) ? formatScoreBelow(actual) : rounded;
}

/**
 * Judges one predicate on the figures of a scorecard (domain reference §5.1). Every threshold comes
 * from the catalogue; every comparison is actual ≥ threshold (within SCORE_EPSILON).
 */
export function evaluatePredicate(
  catalogue: Catalogue,
  predicate: PredicateCode,
  figures: VerdictFigures,
  previousPredicate: PredicateCode | null | undefined,
): Verdict {
  const t = catalogue.thresholds[predicate];
  const h = catalogue.hasil;
  const compiled = compileCatalogue(catalogue);
  const unmet: UnmetCondition[] = [];
  const warnings: VerdictWarning[] = [];
  const push = (c: ScoreCondition | null) => {
    if (c) unmet.push(c);
  };

  push(scoreCondition("total", figures.total, t.total, (a, r) => `Nilai total ${a} di bawah ${r}`));
  push(
    scoreCondition(
      "pengungkit",
      figures.pengungkit,
      t.pengungkit,
      (a, r) => `Nilai komponen pengungkit ${a} di bawah ${r}`,
    ),
  );
  for (const figure of figures.areas) {
    const index = compiled.areaIndex.get(figure.id);
    if (index === undefined) throw new Error(`Area ${figure.id} tidak ada di katalog ${catalogue.id}`);
    const { area, min, halfWeight, halfId } = compiled.areas[index];
    const minPct = area.minPct[predicate];
    const condition = scoreCondition(
      `area:${area.id}`,
      figure.score,
      min[predicate],
      (a, r) => `Area ${area.name} ${a} di bawah ${r} (${minPct}% dari bobot ${fmt(area.weight)})`,
    );
    push(condition);
    if (condition) continue;
    for (const kind of ["PEMENUHAN", "REFORM"] as const) {
      const actual = kind === "PEMENUHAN" ? figure.pemenuhan : figure.reform;
      const required = (halfWeight[kind] * minPct) / 100;
      if (halfWeight[kind] > 0 && !meetsThreshold(actual, required)) {
        const half = kind === "PEMENUHAN" ? "pemenuhan" : "reform";
        warnings.push({
          code: `split:${halfId[kind]}`,
          areaId: area.id,
          subAreaId: halfId[kind],
          kind,
          actual,
          required,
          label:
            `Bagian ${half} area ${area.name} ${formatBelow(actual, required)} di bawah ${fmt(required)} ` +
            `(${minPct}% dari bobot ${fmt(halfWeight[kind])}); area memenuhi syarat jika dinilai per total area`,
        });
      }
    }
  }
  push(
    scoreCondition(
      "birokrasiBersih",
      figures.birokrasiBersih,
      t.birokrasiBersih,
      (a, r) => `Nilai birokrasi yang bersih dan akuntabel ${a} di bawah ${r}`,
    ),
  );
  push(
    scoreCondition(
      "ipak",
      figures.ipak,
      t.ipak,
      (a, r) => `Nilai IPAK ${a} di bawah ${r} (indeks minimal ${formatIndex(h.ipak.minIndex[predicate])})`,
    ),
  );
  push(
    scoreCondition(
      "capaianKinerja",
      figures.capaianKinerja,
      t.capaianKinerja,
      (a, r) => `Nilai capaian kinerja ${a} di bawah ${r}`,
    ),
  );
  push(
    scoreCondition(
      "ipkp",
      figures.ipkp,
      t.ipkp,
      (a, r) => `Nilai IPKP ${a} di bawah ${r} (indeks minimal ${formatIndex(h.ipkp.minIndex[predicate])})`,
    ),
  );
  const required = t.requiresPredicate;
  if (required.length > 0 && !(previousPredicate && required.includes(previousPredicate))) {
    unmet.push({
      kind: "predicate",
      code: "previousPredicate",
      actual: previousPredicate ?? null,
      required: [...required],
      label:
        `Predikat ${predicate} mensyaratkan predikat ${required.join(" atau ")} yang sudah diraih ` +
        `(saat ini: ${previousPredicate ?? "belum ada"})`,
    });
  }
  return { predicate, eligible: unmet.length === 0, unmet, warnings };
}

/** The WBK and WBBM minima a displayed figure is compared with, for formatScoreAgainst. */
export interface DisplayThresholds {
  total: number[];
  pengungkit: number[];
  birokrasiBersih: number[];
  ipak: number[];
  capaianKinerja: number[];
  ipkp: number[];
  areas: Record<string, number[]>;
}

export function displayThresholds(catalogue: Catalogue): DisplayThresholds {
  const t = catalogue.thresholds;
  const both = (key: "total" | "pengungkit" | "birokrasiBersih" | "ipak" | "capaianKinerja" | "ipkp") => [
    t.WBK[key],
    t.WBBM[key],
  ];
  const { areas } = compileCatalogue(catalogue);
  return {
    total: both("total"),
    pengungkit: both("pengungkit"),
    birokrasiBersih: both("birokrasiBersih"),
    ipak: both("ipak"),
    capaianKinerja: both("capaianKinerja"),
    ipkp: both("ipkp"),
    areas: Object.fromEntries(areas.map((a) => [a.area.id, [a.min.WBK, a.min.WBBM]])),
  };
}

/* ------------------------------------------------------------------------------------------------ */
/* The scorecard.                                                                                    */

/** Scores a whole assessment. Throws ScoringInputError on a value the validators would refuse. */
export function scoreAssessment(input: ScoringInput): Scorecard {
  const { catalogue, answers } = input;
  const settings = catalogue.settings;
  const zeroBase = input.zeroBase ?? "ZERO";
  compileCatalogue(catalogue);
  const questions: Record<string, QuestionResult> = {};
  const indicators: Record<string, IndicatorResult> = {};
  const subAreas: Record<string, SubAreaResult> = {};
  const areas: AreaResult[] = [];
  let pemenuhan = 0;
  let reform = 0;
  let pengungkit = 0;
  let answeredCount = 0;
  let questionCount = 0;

  for (const area of catalogue.areas) {
    let areaPemenuhan = 0;
    let areaReform = 0;
    for (const sub of area.subAreas) {
      let subScore = 0;
      for (const indicator of sub.indicators) {
        let sum = 0;
        let answered = 0;
        let counted = 0;
        const results: [CatalogueQuestion, QuestionResult][] = [];
        for (const q of indicator.questions) {
          const value = answers[q.id];
          const isAnswered = value !== null && value !== undefined;
          const score = isAnswered ? questionScore(q, value, settings, zeroBase) : 0;
          const onZeroBase = isAnswered && isPlainObject(value) && isZeroBase(q, value as CountAnswer, settings);
          const excluded = onZeroBase && zeroBase === "EXCLUDE";
          if (isAnswered) answered++;
          if (!excluded) {
            sum += score;
            counted++;
          }
          results.push([q, { score, points: 0, weight: 0, answered: isAnswered, zeroBase: onZeroBase, excluded }]);
        }
        const n = indicator.questions.length;
        // Under EXCLUDE the average runs over the questions left in; with none left there is nothing to fall short of.
        const score = n === 0 ? 0 : counted === 0 ? indicator.weight : indicator.weight * (sum / counted);
        for (const [q, result] of results) {
          const weight = result.excluded ? 0 : counted === n ? q.weight : indicator.weight / counted;
          questions[q.id] = { ...result, weight, points: weight * result.score };
        }
        indicators[indicator.id] = { id: indicator.id, weight: indicator.weight, score, answered, questionCount: n };
        answeredCount += answered;
        questionCount += n;
        subScore += score;
      }
      subAreas[sub.id] = { id: sub.id, kind: sub.kind, weight: sub.weight, score: subScore };
      if (sub.kind === "PEMENUHAN") areaPemenuhan += subScore;
      else areaReform += subScore;
    }
    const score = areaPemenuhan + areaReform;
    areas.push({
      id: area.id,
      name: area.name,
      weight: area.weight,
      score,
      pemenuhan: areaPemenuhan,
      reform: areaReform,
      pct: area.weight === 0 ? 0 : (score / area.weight) * 100,
    });
    pemenuhan += areaPemenuhan;
    reform += areaReform;
    pengungkit += score;
  }

  const h = hasilScores(catalogue, input.hasil);
  const figures: VerdictFigures = {
    total: pengungkit + h.hasil,
    pengungkit,
    birokrasiBersih: h.birokrasiBersih,
    ipak: h.ipak,
    capaianKinerja: h.capaianKinerja,
    ipkp: h.ipkp,
    areas,
  };
  const previous = input.previousPredicate ?? null;
  return {
    catalogueId: catalogue.id,
    total: figures.total,
    pengungkit,
    pemenuhan,
    reform,
    hasil: h.hasil,
    birokrasiBersih: h.birokrasiBersih,
    ipak: h.ipak,
    capaianKinerja: h.capaianKinerja,
    ipkp: h.ipkp,
    areas,
    subAreas,
    indicators,
    questions,
    answeredCount,
    questionCount,
    wbk: evaluatePredicate(catalogue, "WBK", figures, previous),
    wbbm: evaluatePredicate(catalogue, "WBBM", figures, previous),
  };
}

/** The compact scorecard the CLI prints (and an API may return): unrounded numbers, condition codes. */
export interface ScorecardSummary {
  total: number;
  pengungkit: number;
  pemenuhan: number;
  reform: number;
  hasil: number;
  birokrasiBersih: number;
  ipak: number;
  capaianKinerja: number;
  ipkp: number;
  areas: { id: string; name: string; weight: number; score: number }[];
  wbk: { eligible: boolean; unmet: string[] };
  wbbm: { eligible: boolean; unmet: string[] };
}

export function summarizeScorecard(s: Scorecard): ScorecardSummary {
  const verdict = (v: Verdict) => ({ eligible: v.eligible, unmet: v.unmet.map((u) => u.code) });
  return {
    total: s.total,
    pengungkit: s.pengungkit,
    pemenuhan: s.pemenuhan,
    reform: s.reform,
    hasil: s.hasil,
    birokrasiBersih: s.birokrasiBersih,
    ipak: s.ipak,
    capaianKinerja: s.capaianKinerja,
    ipkp: s.ipkp,
    areas: s.areas.map((a) => ({ id: a.id, name: a.name, weight: a.weight, score: a.score })),
    wbk: verdict(s.wbk),
    wbbm: verdict(s.wbbm),
  };
}
