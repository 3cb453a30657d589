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
