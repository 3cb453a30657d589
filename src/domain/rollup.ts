/**
 * The province (or ministry) roll-up: per instansi, how many units have an LKE this year, how many are
 * ready for WBK/WBBM, how many are late, and the average scores — from the stored scores of the layer
 * that speaks for each LKE, with the same readiness and lateness rules as the instansi's own overview.
 */
import type { AssessmentStatus } from "./review";
import { lateness, type StageWindow } from "./timeline";

export interface RollupScore {
  total: number;
  pengungkit: number;
  hasil: number;
  wbkEligible: boolean;
  wbbmEligible: boolean;
  /** Per pengungkit area: its id, score and weight (as stored with the score). */
  areas: { id: string; score: number; weight: number }[];
}

export interface RollupAssessment {
  instansiId: string;
  status: AssessmentStatus;
  reopenedUntil: string | null;
  /** The score of the layer that speaks for the LKE (scoreLayerFor), null before the engine has run. */
  score: RollupScore | null;
}

export interface RollupInstansi {
  id: string;
  name: string;
  /** Active units. */
  units: number;
  /** The instansi's periode of the year, if it has one. */
  periode: { windows: StageWindow[]; pmpziDeadline: string } | null;
}

export interface RollupFigures {
  units: number;
  /** Units with an LKE this year. */
  proposed: number;
  readyWbk: number;
  readyWbbm: number;
  late: number;
  /** Means over the LKEs with a score; null when there is none. */
  avgTotal: number | null;
  avgPengungkit: number | null;
  avgHasil: number | null;
  /** Per area id: the mean share of the area's weight reached, 0–100. */
  areaPct: Record<string, number>;
}

export interface RollupRow extends RollupFigures {
  instansiId: string;
  name: string;
  hasPeriode: boolean;
}

class Accumulator {
  proposed = 0;
  readyWbk = 0;
  readyWbbm = 0;
  late = 0;
  scored = 0;
  total = 0;
  pengungkit = 0;
  hasil = 0;
  area = new Map<string, { sum: number; n: number }>();

  add(a: RollupAssessment, isLate: boolean) {
    this.proposed += 1;
    if (isLate) this.late += 1;
    if (!a.score) return;
    if (a.score.wbkEligible) this.readyWbk += 1;
    if (a.score.wbbmEligible) this.readyWbbm += 1;
    this.scored += 1;
    this.total += a.score.total;
    this.pengungkit += a.score.pengungkit;
    this.hasil += a.score.hasil;
    for (const ar of a.score.areas) {
      if (!(ar.weight > 0)) continue;
      const acc = this.area.get(ar.id) ?? { sum: 0, n: 0 };
      acc.sum += (ar.score / ar.weight) * 100;
      acc.n += 1;
      this.area.set(ar.id, acc);
    }
  }

  figures(units: number): RollupFigures {
    const mean = (sum: number) => (this.scored > 0 ? sum / this.scored : null);
    return {
      units,
      proposed: this.proposed,
      readyWbk: this.readyWbk,
      readyWbbm: this.readyWbbm,
      late: this.late,
      avgTotal: mean(this.total),
      avgPengungkit: mean(this.pengungkit),
      avgHasil: mean(this.hasil),
      areaPct: Object.fromEntries([...this.area].map(([id, { sum, n }]) => [id, sum / n])),
    };
  }
}

/**
 * Rows per instansi (in the given order) and the totals over all of them. Totals are means over every
 * LKE, not means of the instansi means, so a large instansi weighs as much as its units.
 * Ready counts the stored verdicts, as the instansi's overview does.
 */
export function rollUp(
  instansi: readonly RollupInstansi[],
  assessments: readonly RollupAssessment[],
  today: string,
): { rows: RollupRow[]; totals: RollupFigures } {
  const byId = new Map(instansi.map((i) => [i.id, { instansi: i, acc: new Accumulator() }]));
  const all = new Accumulator();
  for (const a of assessments) {
    const entry = byId.get(a.instansiId);
    if (!entry?.instansi.periode) continue;
    const { late } = lateness(a.status, { ...entry.instansi.periode, reopenedUntil: a.reopenedUntil }, today);
    entry.acc.add(a, late);
    all.add(a, late);
  }
  const rows = instansi.map((i) => ({
    instansiId: i.id,
    name: i.name,
    hasPeriode: i.periode !== null,
    ...byId.get(i.id)!.acc.figures(i.units),
  }));
  return { rows, totals: all.figures(instansi.reduce((n, i) => n + i.units, 0)) };
}
