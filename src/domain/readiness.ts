/**
 * How the dashboards read an assessment: which answer layer speaks for the unit, how its verdicts
 * become one readiness level, and how late a due date is. Pure rules; the numbers themselves come
 * from the scoring engine.
 */
import type { AssessmentStatus } from "./review";

export type ScoreLayer = "SELF" | "TPI";

export const LAYER_LABELS: Record<ScoreLayer, string> = {
  SELF: "Penilaian mandiri",
  TPI: "Penilaian TPI",
};

/**
 * Once the TPI has finalised (and after pimpinan approved) the TPI's answers are the unit's score;
 * before that the unit's own answers are the best figure there is.
 */
export function scoreLayerFor(status: AssessmentStatus): ScoreLayer {
  return status === "FINALIZED" || status === "APPROVED" ? "TPI" : "SELF";
}

export type Readiness = "WBBM" | "WBK" | "BELUM";

export const READINESS: readonly Readiness[] = ["WBBM", "WBK", "BELUM"];

export const READINESS_LABELS: Record<Readiness, string> = {
  WBBM: "Siap WBBM",
  WBK: "Siap WBK",
  BELUM: "Belum siap",
};

/** The highest predicate whose every condition is met (every WBBM threshold is at least the WBK one). */
export function readinessOf(verdict: { wbkEligible: boolean; wbbmEligible: boolean }): Readiness {
  if (verdict.wbbmEligible) return "WBBM";
  if (verdict.wbkEligible) return "WBK";
  return "BELUM";
}

/** Whole days from one ISO calendar date to another (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  const ms = Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`);
  return Math.round(ms / 86_400_000);
}

/** Share 0–1 of the way through the calendar year that `date` (ISO) lies, at the start of that day. */
export function yearFraction(date: string, year: number): number {
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  const t = Date.parse(`${date}T00:00:00Z`);
  return Math.min(1, Math.max(0, (t - start) / (end - start)));
}
