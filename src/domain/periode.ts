/** A program year's own state: in preparation, running, or closed (nothing of it may change any more). */
export const PERIODE_STATUSES = ["PERSIAPAN", "BERJALAN", "DITUTUP"] as const;
export type PeriodeStatus = (typeof PERIODE_STATUSES)[number];

export function periodeClosed(status: PeriodeStatus): boolean {
  return status === "DITUTUP";
}

export function periodeRunning(status: PeriodeStatus): boolean {
  return status === "BERJALAN";
}
