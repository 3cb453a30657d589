/**
 * Pengaduan masyarakat: the states of a public complaint and the legal moves between them, its due
 * date and overdue flag, what the complainant may see, and the year's counts the LKE's PRE2A asks for.
 * Pure: the server loads rows and asks these functions.
 */
import type { RoleCode } from "./roles";

export const PENGADUAN_STATUSES = ["DITERIMA", "DIPROSES", "SELESAI", "DITOLAK"] as const;
export type PengaduanStatus = (typeof PENGADUAN_STATUSES)[number];

export const PENGADUAN_STATUS_LABELS: Record<PengaduanStatus, string> = {
  DITERIMA: "Diterima",
  DIPROSES: "Diproses",
  SELESAI: "Selesai",
  DITOLAK: "Ditolak",
};

/** diterima → diproses → selesai; refusal (with a reason) while it is still open. */
export const PENGADUAN_TRANSITIONS: Record<PengaduanStatus, readonly PengaduanStatus[]> = {
  DITERIMA: ["DIPROSES", "DITOLAK"],
  DIPROSES: ["SELESAI", "DITOLAK"],
  SELESAI: [],
  DITOLAK: [],
};

/** Who triages: the unit itself and the Inspektorat (TPI of the unit, ADMIN). */
export const TRIAGE_ROLES: readonly RoleCode[] = ["OPERATOR_OPD", "KEPALA_OPD", "TPI", "ADMIN"];

export const MIN_RESPONSE = 10;
export const DEFAULT_DUE_DAYS = 14;

export type TriageCheck =
  { ok: true } | { ok: false; code: "LOCKED" | "INVALID"; field?: "body" | "toStatus"; message: string };

/** May a complaint in `from` move to `to` with this public text? Selesai and ditolak need a reply the complainant reads. */
export function checkTransition(from: PengaduanStatus, to: PengaduanStatus, body: string): TriageCheck {
  if (isClosed(from))
    return {
      ok: false,
      code: "LOCKED",
      message: `Pengaduan sudah ${PENGADUAN_STATUS_LABELS[from].toLowerCase()} dan tidak dapat diubah lagi.`,
    };
  if (!PENGADUAN_TRANSITIONS[from].includes(to)) {
    return {
      ok: false,
      code: "INVALID",
      field: "toStatus",
      message: `Pengaduan berstatus ${PENGADUAN_STATUS_LABELS[from].toLowerCase()} tidak dapat langsung menjadi ${PENGADUAN_STATUS_LABELS[to].toLowerCase()}.`,
    };
  }
  const needs = to === "DITOLAK" ? "alasan penolakan" : to === "SELESAI" ? "tanggapan penyelesaian" : null;
  if (needs && body.trim().length < MIN_RESPONSE) {
    return {
      ok: false,
      code: "INVALID",
      field: "body",
      message: `Tulis ${needs} untuk pelapor (minimal ${MIN_RESPONSE} karakter).`,
    };
  }
  return { ok: true };
}

/** A reply without a move is possible only while the complaint is open. */
export function checkReply(status: PengaduanStatus): TriageCheck {
  return isClosed(status)
    ? { ok: false, code: "LOCKED", message: "Pengaduan sudah ditutup; tanggapan baru tidak dapat ditambahkan." }
    : { ok: true };
}

export function isClosed(status: PengaduanStatus): boolean {
  return status === "SELESAI" || status === "DITOLAK";
}

/** A refusal: its reply is the reason kept on the complaint. */
export function isRejection(status: PengaduanStatus): boolean {
  return status === "DITOLAK";
}

/** The moves offered in the triage dialog for a complaint in this state. */
export function nextStatuses(status: PengaduanStatus): readonly PengaduanStatus[] {
  return PENGADUAN_TRANSITIONS[status];
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The date a complaint filed on `filedIso` must be settled by: `days` calendar days later. */
export function dueDateOf(filedIso: string, days: number): string {
  return addDays(filedIso, days);
}

/** Open past its due date (the due date itself still counts as in time). Closed complaints are never overdue. */
export function isOverdue(status: PengaduanStatus, dueIso: string, todayIso: string): boolean {
  return !isClosed(status) && todayIso > dueIso;
}

/** Days left until the due date (negative when overdue); null once closed. */
export function daysLeft(status: PengaduanStatus, dueIso: string, todayIso: string): number | null {
  if (isClosed(status)) return null;
  return Math.round((Date.parse(`${dueIso}T00:00:00Z`) - Date.parse(`${todayIso}T00:00:00Z`)) / 86_400_000);
}

/**
 * The PRE2A inputs from a year's complaints (keys as in the catalogue's `calc.inputs`): harus
 * ditindaklanjuti = every complaint not refused; sedang diproses = those still open (diterima or
 * diproses); selesai = those settled. A refused complaint is not one the unit had to follow up.
 */
export interface Pre2aCounts {
  pengaduanHarusDitindaklanjuti: number;
  pengaduanDiproses: number;
  pengaduanSelesai: number;
}

export function pre2aCounts(statuses: readonly PengaduanStatus[]): Pre2aCounts {
  let due = 0;
  let open = 0;
  let done = 0;
  for (const s of statuses) {
    if (s === "DITOLAK") continue;
    due++;
    if (s === "SELESAI") done++;
    else open++;
  }
  return { pengaduanHarusDitindaklanjuti: due, pengaduanDiproses: open, pengaduanSelesai: done };
}

/** The public statistics of a unit's complaints for a year. */
export interface PengaduanStats {
  total: number;
  byStatus: Record<PengaduanStatus, number>;
  overdue: number;
  /** Settled share of those to follow up, 0–100, or null when there were none. */
  settledPct: number | null;
}

export function pengaduanStats(
  rows: readonly { status: PengaduanStatus; dueDate: string }[],
  todayIso: string,
): PengaduanStats {
  const byStatus: Record<PengaduanStatus, number> = { DITERIMA: 0, DIPROSES: 0, SELESAI: 0, DITOLAK: 0 };
  let overdue = 0;
  for (const r of rows) {
    byStatus[r.status]++;
    if (isOverdue(r.status, r.dueDate, todayIso)) overdue++;
  }
  const counts = pre2aCounts(rows.map((r) => r.status));
  const base = counts.pengaduanHarusDitindaklanjuti;
  return {
    total: rows.length,
    byStatus,
    overdue,
    settledPct: base === 0 ? null : (100 * counts.pengaduanSelesai) / base,
  };
}

/** Tracking codes: unambiguous characters only (no 0/O, 1/I/L), grouped for reading aloud. */
export const TRACKING_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const TRACKING_PATTERN = /^ADU-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/;

/** A tracking code from 12 random values (any integers; each picks a character). */
export function trackingCodeFrom(random: readonly number[]): string {
  if (random.length < 12) throw new Error("12 random values needed");
  const chars = random.slice(0, 12).map((n) => TRACKING_ALPHABET[Math.abs(n) % TRACKING_ALPHABET.length]);
  return `ADU-${chars.slice(0, 4).join("")}-${chars.slice(4, 8).join("")}-${chars.slice(8, 12).join("")}`;
}

/** What the complainant typed into the lookup box, normalised (case, spaces, missing dashes). */
export function normaliseTrackingCode(raw: string): string | null {
  const compact = raw.toUpperCase().replace(/[^0-9A-Z]/g, "");
  const body = compact.startsWith("ADU") ? compact.slice(3) : compact;
  if (body.length !== 12) return null;
  const code = `ADU-${body.slice(0, 4)}-${body.slice(4, 8)}-${body.slice(8, 12)}`;
  return TRACKING_PATTERN.test(code) ? code : null;
}
