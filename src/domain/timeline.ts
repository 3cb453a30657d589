/**
 * The program year: five stages from January to December and the PMPZI deadline.
 * Dates are ISO calendar dates ("2026-05-31"); no time zones involved.
 */

export const STAGES = ["PENGUSULAN", "PEMBINAAN", "PENILAIAN", "EVALUASI", "PENETAPAN"] as const;
export type StageCode = (typeof STAGES)[number];

export const STAGE_LABELS: Record<StageCode, string> = {
  PENGUSULAN: "Pengusulan",
  PEMBINAAN: "Pembinaan",
  PENILAIAN: "Penilaian",
  EVALUASI: "Evaluasi",
  PENETAPAN: "Penetapan",
};

export interface StageWindow {
  stage: StageCode;
  start: string;
  end: string;
}

const pad = (n: number) => String(n).padStart(2, "0");
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const iso = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;

/** The Pemda convention: Pengusulan Jan–Feb, Pembinaan Mar–Jun, Penilaian Jul–Aug, Evaluasi Sep–Nov, Penetapan Dec. */
export function defaultStageWindows(year: number): StageWindow[] {
  const months: [StageCode, number, number][] = [
    ["PENGUSULAN", 1, 2],
    ["PEMBINAAN", 3, 6],
    ["PENILAIAN", 7, 8],
    ["EVALUASI", 9, 11],
    ["PENETAPAN", 12, 12],
  ];
  return months.map(([stage, from, to]) => ({
    stage,
    start: iso(year, from, 1),
    end: iso(year, to, lastDay(year, to)),
  }));
}

/** PermenPANRB 90/2021 lampiran: units are proposed through PMPZI no later than 31 May (movable by letter). */
export function defaultPmpziDeadline(year: number): string {
  return iso(year, 5, 31);
}

export function toIsoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** The stage a date falls in, or null outside every window. */
export function stageAt(windows: StageWindow[], date: string): StageCode | null {
  return windows.find((w) => w.start <= date && date <= w.end)?.stage ?? null;
}

/** Windows must be valid dates, start ≤ end, in stage order and not overlapping. Returns Indonesian messages by stage. */
export function validateStageWindows(windows: StageWindow[]): Partial<Record<StageCode, string>> {
  const errors: Partial<Record<StageCode, string>> = {};
  const sorted = STAGES.map((s) => windows.find((w) => w.stage === s));
  sorted.forEach((w, i) => {
    const stage = STAGES[i];
    if (!w) {
      errors[stage] = `Jadwal ${STAGE_LABELS[stage]} belum diisi`;
      return;
    }
    if (w.start > w.end) errors[stage] = `Tanggal mulai ${STAGE_LABELS[stage]} harus sebelum tanggal selesai`;
    const prev = sorted[i - 1];
    if (prev && !errors[stage] && prev.end >= w.start) {
      errors[stage] = `${STAGE_LABELS[stage]} harus dimulai setelah ${STAGE_LABELS[STAGES[i - 1]]} selesai`;
    }
  });
  return errors;
}

/**
 * The unit may edit its self-assessment from the start of Pengusulan to the end of Pembinaan, or
 * until the date an ADMIN reopened it to.
 */
export function fillWindowOpen(windows: StageWindow[], today: string, reopenedUntil: string | null): boolean {
  if (reopenedUntil && today <= reopenedUntil) return true;
  const start = windows.find((w) => w.stage === "PENGUSULAN")?.start;
  const end = windows.find((w) => w.stage === "PEMBINAAN")?.end;
  return !!start && !!end && start <= today && today <= end;
}

export type ChainStatus = "DRAFT" | "SUBMITTED" | "IN_REVIEW" | "RETURNED" | "FINALIZED" | "APPROVED";

export interface Due {
  date: string;
  /** Who has to act, and what. */
  label: string;
}

/**
 * By when the assessment must leave its current step: the unit submits by the end of Pembinaan;
 * the TPI finalises and pimpinan proposes through PMPZI by the PMPZI deadline. Approved = done.
 */
export function dueFor(status: ChainStatus, windows: StageWindow[], pmpziDeadline: string): Due | null {
  const pembinaanEnd = windows.find((w) => w.stage === "PEMBINAAN")?.end;
  switch (status) {
    case "DRAFT":
    case "RETURNED":
      return pembinaanEnd ? { date: pembinaanEnd, label: "Unit mengajukan LKE ke TPI" } : null;
    case "SUBMITTED":
    case "IN_REVIEW":
      return { date: pmpziDeadline, label: "TPI memfinalkan penilaian" };
    case "FINALIZED":
      return { date: pmpziDeadline, label: "Pimpinan mengusulkan melalui PMPZI" };
    case "APPROVED":
      return null;
  }
}

export function isOverdue(status: ChainStatus, windows: StageWindow[], pmpziDeadline: string, today: string): boolean {
  const due = dueFor(status, windows, pmpziDeadline);
  return !!due && today > due.date;
}
