/** Display helpers. The engine keeps full precision; numbers are rounded only here. */

const SCORE = new Intl.NumberFormat("id-ID", {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
  useGrouping: false,
});
const PERCENT = new Intl.NumberFormat("id-ID", {
  minimumFractionDigits: 0,
  maximumFractionDigits: 2,
  useGrouping: false,
});

/** Rounds away binary noise below display precision and turns −0 into 0. */
function clean(n: number, decimals: number): number {
  const f = 10 ** decimals;
  const r = Math.round(n * f) / f;
  return r === 0 ? 0 : r;
}

/**
 * A score with two decimals and the Indonesian decimal comma: 75.25 → "75,25". Same output as
 * Intl.NumberFormat("id-ID", { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false })
 * (checked in format.test.ts), without its cost: verdict labels format many numbers per scoring.
 */
export function formatScore(n: number): string {
  if (!Number.isFinite(n)) return SCORE.format(n);
  return fixed2(clean(n, 2));
}

/** Two decimals with a comma, for a value already rounded to two decimals. */
function fixed2(r: number): string {
  const negative = r < 0;
  const cents = Math.round(Math.abs(r) * 100);
  const whole = Math.floor(cents / 100);
  const frac = cents % 100;
  return `${negative ? "-" : ""}${whole},${frac < 10 ? "0" : ""}${frac}`;
}

/**
 * A score that lies below a threshold, cut (not rounded) to two decimals so that 74.996 reads
 * "74,99" rather than "75,00" next to a minimum of 75,00.
 */
export function formatScoreBelow(n: number): string {
  // The small nudge keeps values like 72.1 (stored as 72.09999…) at "72,10".
  const cut = Math.floor(n * 100 + 1e-6) / 100;
  return fixed2(cut === 0 ? 0 : cut);
}

/** Tolerance of every threshold comparison (see meetsThreshold in score.ts). */
export const SCORE_EPSILON = 1e-9;

/**
 * A score shown next to thresholds: two decimals, except that a value the engine treats as below a
 * threshold is never shown as reaching it (39,996 next to 40,00 reads "39,99", not "40,00"). A value the
 * engine treats as passing already rounds to at least the threshold.
 */
export function formatScoreAgainst(value: number, thresholds: readonly number[]): string {
  const shown = formatScore(value);
  for (const t of thresholds) if (value < t - SCORE_EPSILON && shown === formatScore(t)) return formatScoreBelow(value);
  return shown;
}

/** A percentage 0–100 with up to two decimals: 62.5 → "62,5%". */
export function formatPercent(pct: number): string {
  return `${PERCENT.format(clean(pct, 2))}%`;
}

/** A 0–1 question score as shown in the LKE (two decimals: ⅔ → "0,67"). */
export function formatQuestionScore(score: number): string {
  return formatScore(score);
}

/** A survey index with two decimals: 3.6 → "3,60". */
export function formatIndex(index: number): string {
  return formatScore(index);
}
