/**
 * The findings of a unit's survey report: the weakest elements, the rounds below the minimum respondents and
 * the trend across the year's rounds (on the LKE's 0–4 field, so rounds on different scales compare).
 */
import type { SurveyIndex } from "./index";
import type { SurveyElement } from "./instruments";

export interface ElementMean extends SurveyElement {
  mean: number;
}

export interface SurveyFindings {
  /** The lowest element means, lowest first (elements nobody answered left out; none when all are equal). */
  lowest: ElementMean[];
  /** Titles of the rounds with fewer respondents than their minimum. */
  belowMinimum: string[];
  /** First and last round with answers, and the change between them on 0–4; null below two such rounds. */
  trend: { from: string; to: string; first: number; last: number; change: number } | null;
}

export function surveyFindings(
  elements: readonly SurveyElement[],
  means: readonly (number | null)[],
  rounds: readonly { title: string; result: SurveyIndex }[],
  lowestCount = 3,
): SurveyFindings {
  const answeredElements = elements
    .map((e, i) => ({ ...e, mean: means[i] ?? null }))
    .filter((e): e is ElementMean => e.mean !== null);
  // When every element scored the same there is no weakest one to name.
  const spread = new Set(answeredElements.map((e) => e.mean)).size > 1;
  const lowest = spread
    ? answeredElements.sort((a, b) => a.mean - b.mean || a.code.localeCompare(b.code)).slice(0, lowestCount)
    : [];
  const answered = rounds.filter((r) => r.result.lkeIndex !== null);
  const first = answered[0];
  const last = answered[answered.length - 1];
  return {
    lowest,
    belowMinimum: rounds.filter((r) => r.result.belowMinimum).map((r) => r.title),
    trend:
      answered.length >= 2
        ? {
            from: first.title,
            to: last.title,
            first: first.result.lkeIndex!,
            last: last.result.lkeIndex!,
            change: last.result.lkeIndex! - first.result.lkeIndex!,
          }
        : null,
  };
}
