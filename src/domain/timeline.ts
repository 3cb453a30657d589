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

/**
 * The Pemda convention: Pengusulan Jan–Feb, Pembinaan Mar–Apr (the unit submits by its end), Penilaian
 * May–Aug (the TPI finalises and pimpinan proposes through PMPZI by 31 May, then the national evaluation),
 * Evaluasi Sep–Nov, Penetapan Dec. The unit's deadline comes before the TPI's.
 */
export function defaultStageWindows(year: number): StageWindow[] {
  const months: [StageCode, number, number][] = [
    ["PENGUSULAN", 1, 2],
    ["PEMBINAAN", 3, 4],
    ["PENILAIAN", 5, 8],
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
 * A whole schedule: the stage windows in order and the PMPZI deadline not before the unit's own deadline
 * (the end of Pembinaan) — otherwise the TPI would be due before the unit. Indonesian messages by field.
 */
export function validateSchedule(
  windows: StageWindow[],
  pmpziDeadline: string,
): { stages: Partial<Record<StageCode, string>>; pmpziDeadline: string | null } {
  const stages = validateStageWindows(windows);
  const pembinaanEnd = windows.find((w) => w.stage === "PEMBINAAN")?.end;
  const pmpzi =
    pembinaanEnd && pmpziDeadline < pembinaanEnd
      ? `Batas PMPZI tidak boleh sebelum batas pengajuan unit (akhir ${STAGE_LABELS.PEMBINAAN}, ${pembinaanEnd})`
      : null;
  return { stages, pmpziDeadline: pmpzi };
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

export interface Schedule {
  windows: StageWindow[];
  pmpziDeadline: string;
  /** The date an ADMIN reopened the unit's answers to, if any: an extension of the unit's deadline. */
  reopenedUntil: string | null;
}

export interface Lateness {
  due: Due | null;
  late: boolean;
  /** Days past the due date when late, else null. */
  daysLate: number | null;
  /** Days left until the due date when not late, else null. */
  daysLeft: number | null;
}

const daysFrom = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
const later = (a: string, b: string | null) => (b && b > a ? b : a);

/**
 * The one rule for "by when must this LKE leave its step, and is it late": the unit submits by the end of
 * Pembinaan; the TPI finalises and pimpinan proposes through PMPZI by the PMPZI deadline. An ADMIN's
 * reopening extends every step's due date to at least the reopened date (a unit reopened until 31 December
 * is not late before then). Approved = nothing due.
 */
export function lateness(status: ChainStatus, schedule: Schedule, today: string): Lateness {
  const pembinaanEnd = schedule.windows.find((w) => w.stage === "PEMBINAAN")?.end;
  let due: Due | null = null;
  switch (status) {
    case "DRAFT":
    case "RETURNED":
      due = pembinaanEnd
        ? { date: later(pembinaanEnd, schedule.reopenedUntil), label: "Unit mengajukan LKE ke TPI" }
        : null;
      break;
    case "SUBMITTED":
    case "IN_REVIEW":
      due = { date: later(schedule.pmpziDeadline, schedule.reopenedUntil), label: "TPI memfinalkan penilaian" };
      break;
    case "FINALIZED":
      due = {
        date: later(schedule.pmpziDeadline, schedule.reopenedUntil),
        label: "Pimpinan mengusulkan melalui PMPZI",
      };
      break;
    case "APPROVED":
      due = null;
  }
  const late = !!due && today > due.date;
  return {
    due,
    late,
    daysLate: due && late ? daysFrom(due.date, today) : null,
    daysLeft: due && !late ? daysFrom(today, due.date) : null,
  };
}
