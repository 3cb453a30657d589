/**
 * Types of the LKE scoring engine. Everything here is plain data: the engine takes a catalogue plus
 * the unit's answers and returns numbers at full precision (round only for display, see format.ts).
 */
import type { AnswerType, Catalogue, PredicateCode, SubAreaKind } from "../catalogue/types";

/** Counts a unit enters for a percentage question, keyed by the question's `inputs[].key`. Missing keys count as 0. */
export type CountAnswer = Readonly<Record<string, number>>;

/**
 * One answer:
 * - option questions: the option label ("Ya", "Tidak", "A" … "E");
 * - percentage questions: either the percentage itself (0–100) or the counts it is computed from.
 */
export type AnswerValue = string | number | CountAnswer;

/** Answers by question id. null / undefined / absent = unanswered (scores 0). */
export type Answers = Readonly<Record<string, AnswerValue | null | undefined>>;

/** Komponen hasil inputs. Missing values score 0. */
export interface HasilInput {
  /** IPAK survey index on the catalogue's scaleMin…scaleMax scale (2026: 0–4; 2021: 1–4). */
  ipak?: number | null;
  /** IPKP survey index on the catalogue's scaleMin…scaleMax scale (2026: 0–4; 2021: 1–4). */
  ipkp?: number | null;
  /** Capaian kinerja option label (A–E). */
  capaianKinerja?: string | null;
}

/**
 * How a percentage question whose base count is 0 scores (no complaints due, nobody obliged to report LHKPN).
 * The official workbook shows #DIV/0! there, so it is a decision of the periode (Periode.zeroBase):
 * ZERO scores 0 (the default), ONE counts nothing-to-do as done, EXCLUDE leaves the question out of its
 * indicator's average (an indicator with every question left out counts as fully met). PRC3A keeps its own rule.
 */
export type ZeroBaseRule = "ZERO" | "ONE" | "EXCLUDE";
export const ZERO_BASE_RULES: readonly ZeroBaseRule[] = ["ZERO", "ONE", "EXCLUDE"];

export interface ScoringInput {
  catalogue: Catalogue;
  answers: Answers;
  /** The periode's zero-base rule; absent = ZERO. */
  zeroBase?: ZeroBaseRule;
  hasil?: HasilInput;
  /** Predicate the unit already holds. */
  previousPredicate?: PredicateCode | null;
}

export interface QuestionResult {
  /** 0–1. */
  score: number;
  /** Question weight × score: the points this question contributes. */
  points: number;
  /** Indicator weight ÷ number of questions in the indicator. */
  weight: number;
  answered: boolean;
  /** Answered with counts whose base is 0: scored by the periode's zero-base rule. */
  zeroBase: boolean;
  /** Left out of the indicator's average (zero base under EXCLUDE). */
  excluded: boolean;
}

export interface IndicatorResult {
  id: string;
  weight: number;
  /** Indicator weight × mean of its question scores. */
  score: number;
  answered: number;
  questionCount: number;
}

export interface SubAreaResult {
  id: string;
  kind: SubAreaKind;
  weight: number;
  score: number;
}

export interface AreaResult {
  id: string;
  name: string;
  weight: number;
  /** pemenuhan + reform. */
  score: number;
  pemenuhan: number;
  reform: number;
  /** score ÷ weight × 100 (percent of the area weight). */
  pct: number;
}

/** Stable code of one predicate condition. */
export type ConditionCode =
  | "total"
  | "pengungkit"
  | `area:${string}`
  | "birokrasiBersih"
  | "ipak"
  | "capaianKinerja"
  | "ipkp"
  | "previousPredicate";

/** A numeric condition that is not met: actual < required. */
export interface ScoreCondition {
  kind: "score";
  code: Exclude<ConditionCode, "previousPredicate">;
  actual: number;
  required: number;
  /** required − actual (> 0). */
  gap: number;
  /** Indonesian sentence, e.g. "Nilai total 72,10 di bawah 75,00". */
  label: string;
}

/** The unit does not hold a predicate the target predicate requires (WBBM needs WBK). */
export interface PredicateCondition {
  kind: "predicate";
  code: "previousPredicate";
  actual: PredicateCode | null;
  /** Any one of these satisfies the condition. */
  required: PredicateCode[];
  label: string;
}

export type UnmetCondition = ScoreCondition | PredicateCondition;

/**
 * The area minimum is checked on the area total (pemenuhan + reform; domain reference §5.1). Because
 * some evaluators apply it to each half separately, a half below the minimum is reported as a warning.
 */
export interface VerdictWarning {
  code: `split:${string}`;
  areaId: string;
  subAreaId: string;
  kind: SubAreaKind;
  actual: number;
  required: number;
  label: string;
}

export interface Verdict {
  predicate: PredicateCode;
  eligible: boolean;
  /** Every unmet condition, in the order: total, pengungkit, areas, birokrasi bersih, IPAK, capaian, IPKP, predikat. */
  unmet: UnmetCondition[];
  warnings: VerdictWarning[];
}

export interface Scorecard {
  catalogueId: string;
  /** pengungkit + hasil (0–100). */
  total: number;
  /** Σ area scores = pemenuhan + reform (max 60). */
  pengungkit: number;
  pemenuhan: number;
  reform: number;
  /** birokrasiBersih + ipkp (max 40). */
  hasil: number;
  /** ipak + capaianKinerja (max 22.5). */
  birokrasiBersih: number;
  ipak: number;
  capaianKinerja: number;
  ipkp: number;
  areas: AreaResult[];
  subAreas: Record<string, SubAreaResult>;
  indicators: Record<string, IndicatorResult>;
  questions: Record<string, QuestionResult>;
  answeredCount: number;
  questionCount: number;
  wbk: Verdict;
  wbbm: Verdict;
}

/** The figures a verdict is judged on (a Scorecard satisfies it). */
export interface VerdictFigures {
  total: number;
  pengungkit: number;
  birokrasiBersih: number;
  ipak: number;
  capaianKinerja: number;
  ipkp: number;
  areas: readonly Pick<AreaResult, "id" | "score" | "pemenuhan" | "reform">[];
}

/** One question raised to its best answer. */
export interface QuestionImprovement {
  questionId: string;
  text: string;
  areaId: string;
  subAreaId: string;
  indicatorId: string;
  answerType: AnswerType;
  weight: number;
  /** Current score 0–1 (0 when unanswered). */
  currentScore: number;
  /** Points gained: weight × (1 − currentScore). */
  gain: number;
  answered: boolean;
  /** Current option label or percentage ("62,5%"); null when unanswered. */
  from: string | null;
  /** Best option label, or "100%". */
  to: string;
  /** `from` for display: "belum dijawab" when unanswered. */
  fromLabel: string;
  /** The answer value that reaches `to` (best label, or 100 for a percentage question). */
  improvedValue: AnswerValue;
}

export type NotClearableReason =
  /** IPAK / IPKP come from external perception surveys. */
  | "survey"
  /** Capaian kinerja (and birokrasi bersih, built from IPAK + capaian) are outcomes, not LKE answers. */
  | "outcome"
  /** WBBM needs a predicate the unit does not hold yet. */
  | "predicate"
  /** Even every possible LKE improvement would not reach the threshold. */
  | "insufficient";

export interface NotClearableCondition {
  code: ConditionCode;
  reason: NotClearableReason;
  condition: UnmetCondition;
  /** Indonesian explanation, naming the condition and why answers cannot clear it. */
  label: string;
}

/** The shortest list of answer improvements towards one predicate. */
export interface PredicatePath {
  predicate: PredicateCode;
  eligibleNow: boolean;
  /** Improvements to make, in the order chosen (failing areas first, then largest gains). */
  steps: QuestionImprovement[];
  /** Σ steps[].gain. */
  totalGain: number;
  /** Unmet conditions the steps clear. */
  cleared: ConditionCode[];
  /** Unmet conditions no LKE answer can clear. */
  notClearable: NotClearableCondition[];
  /** True when the steps clear every unmet condition. */
  eligibleAfter: boolean;
  /** Figures after the steps. */
  projected: { total: number; pengungkit: number; areas: Record<string, number> };
}

export interface GapAnalysis {
  scorecard: Scorecard;
  /** Every question below its best answer, by gain (largest first; ties in catalogue order). */
  ranking: QuestionImprovement[];
  /** Pengungkit and total if every question were raised to its best answer. */
  maxPengungkit: number;
  maxTotal: number;
  wbk: PredicatePath;
  wbbm: PredicatePath;
}
