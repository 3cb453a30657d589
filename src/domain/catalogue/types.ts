/**
 * The LKE catalogue as the app uses it: one version of PermenPANRB 90/2021's worksheet,
 * normalised from prisma/data/*.json. Ids are the catalogue's own (PENGUNGKIT.A, PPA1A, HBA…).
 */

export type OptionAnswerType = "YA_TIDAK" | "ABC" | "ABCD" | "ABCDE";
export type AnswerType = OptionAnswerType | "PERSENTASE";
export type SubAreaKind = "PEMENUHAN" | "REFORM";
export type PredicateCode = "WBK" | "WBBM";

export interface CatalogueOption {
  label: string;
  criteria: string;
  /** The catalogue's listed value, from 1 (first option) down to 0 (last): A–D = 1 / 0.67 / 0.33 / 0. */
  score: number;
}

export interface CountInput {
  key: string;
  label: string;
}

/** How a percentage question turns the counts a unit enters into a 0–1 score. */
export type PercentageFormula =
  /** numerator / Σ denominator, capped at 1. */
  | { kind: "ratio"; numerator: string; denominator: string[] }
  /** PRC3A: reduction of violations against the previous year. */
  | { kind: "reduction"; previous: string; current: string }
  /** PRE2A: complaints handled. */
  | { kind: "complaints"; due: string; inProgress: string; done: string };

/**
 * A pair of counts where a numerator above its base is almost certainly a typing slip (e.g. more complaints
 * done than due). Declared in the catalogue data (`calc.checks`); the ratio stays capped at 100 %.
 */
export interface CountCheck {
  numerator: string[];
  base: string[];
  warning: string;
}

export interface CatalogueQuestion {
  id: string;
  text: string;
  answerType: AnswerType;
  /** Indicator weight ÷ number of questions in the indicator. */
  weight: number;
  options: CatalogueOption[];
  inputs: CountInput[];
  formula: PercentageFormula | null;
  /** What a zero base means for this question ("Tidak ada pengaduan yang harus ditindaklanjuti"); null = no zero-base rule. */
  zeroBaseText: string | null;
  countChecks: CountCheck[];
  areaId: string;
  subAreaId: string;
  indicatorId: string;
}

export interface CatalogueIndicator {
  id: string;
  name: string;
  weight: number;
  questions: CatalogueQuestion[];
}

export interface CatalogueSubArea {
  id: string;
  kind: SubAreaKind;
  name: string;
  weight: number;
  indicators: CatalogueIndicator[];
}

export interface CatalogueArea {
  id: string;
  name: string;
  weight: number;
  /** Minimum share of the area weight, in percent, per predicate. */
  minPct: Record<PredicateCode, number>;
  subAreas: CatalogueSubArea[];
}

export interface SurveyIndicator {
  id: string;
  name: string;
  weight: number;
  /** The index is reported on a scaleMin…scaleMax scale (2026: 0–4, 2021: 1–4); points = index ÷ scaleMax × weight. */
  scaleMin: number;
  scaleMax: number;
  min: Record<PredicateCode, number>;
  minIndex: Record<PredicateCode, number>;
}

export interface OptionIndicator {
  id: string;
  name: string;
  weight: number;
  options: CatalogueOption[];
  min: Record<PredicateCode, number>;
}

export interface HasilDefinition {
  weight: number;
  birokrasiBersih: { id: string; name: string; weight: number; min: Record<PredicateCode, number> };
  pelayananPrima: { id: string; name: string; weight: number; min: Record<PredicateCode, number> };
  ipak: SurveyIndicator;
  capaianKinerja: OptionIndicator;
  ipkp: SurveyIndicator;
}

export interface PredicateThresholds {
  total: number;
  pengungkit: number;
  birokrasiBersih: number;
  ipak: number;
  capaianKinerja: number;
  ipkp: number;
  /** Predicates the unit must already hold (WBBM needs WBK). Empty = none. */
  requiresPredicate: PredicateCode[];
}

export type Prc3aFormula = "reduction" | "ratio-current-to-previous";
export type Pre2aFormula = "done-over-due" | "done-over-in-progress-plus-done";

export interface CatalogueSettings {
  percentageFormulas: {
    PRC3A: { choice: Prc3aFormula; rule: string; source: string; alternatives: string[] };
    PRE2A: { choice: Pre2aFormula; rule: string; source: string; alternatives: string[] };
  };
  /** Score of a ratio whose base count is zero. */
  zeroDenominator: { score: number; rule: string };
}

export interface Catalogue {
  id: string;
  name: string;
  regulation: string;
  year: number;
  weights: { total: number; pengungkit: number; pemenuhan: number; reform: number; hasil: number };
  areas: CatalogueArea[];
  hasil: HasilDefinition;
  thresholds: Record<PredicateCode, PredicateThresholds>;
  thresholdSource: string;
  settings: CatalogueSettings;
  /** Every pengungkit question in catalogue order. */
  questions: CatalogueQuestion[];
  questionById: ReadonlyMap<string, CatalogueQuestion>;
}
