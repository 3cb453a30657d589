/**
 * Penetapan: the predicate a unit received for a year (WBK, WBBM or none) and the rules for
 * recording it. WBBM can only be awarded to a unit that already holds WBK (or WBBM) from an earlier
 * year (PermenPANRB 90/2021; domain reference §5.1).
 */

export const PREDIKAT = ["WBK", "WBBM", "TIDAK"] as const;
export type Predikat = (typeof PREDIKAT)[number];

export const PREDIKAT_LABELS: Record<Predikat, string> = {
  WBK: "WBK",
  WBBM: "WBBM",
  TIDAK: "Tidak memperoleh predikat",
};

export interface PenetapanRecord {
  year: number;
  result: Predikat;
}

const AWARDED: readonly Predikat[] = ["WBK", "WBBM"];

/** The highest predicate held from the years strictly before `year`, or null. */
export function predicateHeldBefore(history: readonly PenetapanRecord[], year: number): "WBK" | "WBBM" | null {
  const earlier = history.filter((r) => r.year < year);
  if (earlier.some((r) => r.result === "WBBM")) return "WBBM";
  if (earlier.some((r) => r.result === "WBK")) return "WBK";
  return null;
}

/** A refusal names the form field to mark, with a short message for it, and the full reason. */
export type PenetapanCheck =
  { ok: true } | { ok: false; field: "year" | "result"; fieldMessage: string; reason: string };

export const WBBM_NEEDS_WBK =
  "Predikat WBBM hanya dapat dicatat bagi unit yang telah memperoleh predikat WBK pada tahun sebelumnya.";

/**
 * May `change` be recorded for a unit whose penetapan so far is `history` (any row for the same
 * year is the one being replaced)? Checks, in order:
 * - the year is not after the current year;
 * - WBBM rests on a WBK or WBBM from an earlier year;
 * - no later WBBM loses the WBK it rests on (e.g. changing that WBK to "tidak").
 */
export function checkPenetapan(
  history: readonly PenetapanRecord[],
  change: PenetapanRecord,
  currentYear: number,
): PenetapanCheck {
  if (change.year > currentYear) {
    return {
      ok: false,
      field: "year",
      fieldMessage: `Paling lambat ${currentYear}`,
      reason: `Tahun penetapan tidak boleh melewati tahun berjalan (${currentYear}).`,
    };
  }
  const next = [...history.filter((r) => r.year !== change.year), change];
  if (change.result === "WBBM" && predicateHeldBefore(next, change.year) === null) {
    return {
      ok: false,
      field: "result",
      fieldMessage: "Unit belum memperoleh WBK pada tahun sebelumnya",
      reason: WBBM_NEEDS_WBK,
    };
  }
  const orphan = next
    .filter((r) => r.year > change.year && r.result === "WBBM")
    .sort((a, b) => a.year - b.year)
    .find((r) => predicateHeldBefore(next, r.year) === null);
  if (orphan) {
    return {
      ok: false,
      field: "result",
      fieldMessage: `Menjadi dasar predikat WBBM tahun ${orphan.year}`,
      reason: `Predikat WBBM tahun ${orphan.year} bergantung pada predikat yang tercatat tahun ${change.year}. Ubah dahulu penetapan tahun ${orphan.year}.`,
    };
  }
  return { ok: true };
}

/** Whether a result carries a decree (SK) number and date. */
export function isAwarded(result: Predikat): boolean {
  return AWARDED.includes(result);
}
