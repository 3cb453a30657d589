/**
 * Notifications: who must act after each event of the review chain, what the message says and
 * where it links, and which deadline reminders are due on a day. Pure: the server resolves the
 * roles to people and stores the rows.
 */
import type { RoleCode } from "./roles";
import type { AssessmentStatus } from "./review";
import { STAGE_LABELS, type StageCode, type StageWindow } from "./timeline";

export const NOTIFICATION_KINDS = [
  "LKE_SUBMITTED",
  "LKE_RETURNED",
  "LKE_FINALIZED",
  "LKE_APPROVED",
  "LKE_SENT_BACK",
  "LKE_REOPENED",
  "PENETAPAN_RECORDED",
  "STAGE_REMINDER",
  "PMPZI_REMINDER",
  "PENGADUAN_BARU",
  "SURVEY_REMINDER",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  LKE_SUBMITTED: "LKE diajukan ke TPI",
  LKE_RETURNED: "LKE dikembalikan untuk perbaikan",
  LKE_FINALIZED: "LKE difinalkan TPI",
  LKE_APPROVED: "Usulan disetujui pimpinan",
  LKE_SENT_BACK: "Usulan dikembalikan pimpinan",
  LKE_REOPENED: "Pengisian LKE dibuka kembali",
  PENETAPAN_RECORDED: "Hasil penetapan dicatat",
  STAGE_REMINDER: "Pengingat tahap yang akan berakhir",
  PMPZI_REMINDER: "Pengingat batas usulan PMPZI",
  PENGADUAN_BARU: "Pengaduan masyarakat baru",
  SURVEY_REMINDER: "Pengingat survei yang kurang responden",
};

/** Roles offered the daily digest (they receive many hand-offs across units). */
export const DIGEST_ROLES: readonly RoleCode[] = ["TPI", "PIMPINAN"];

/** Who receives a notification: a role, on the event's unit or (PIMPINAN) across the instansi. */
export type Audience = RoleCode[];

/** Kinds sent by the daily reminder job rather than by an event of the review chain. */
export type ReminderKind = "STAGE_REMINDER" | "PMPZI_REMINDER" | "SURVEY_REMINDER";

/** A survey round ending soon with too few respondents: the unit that runs it. */
export const SURVEY_REMINDER_AUDIENCE: Audience = ["OPERATOR_OPD", "KEPALA_OPD"];

export const EVENT_AUDIENCE: Record<Exclude<NotificationKind, ReminderKind>, Audience> = {
  LKE_SUBMITTED: ["TPI"],
  LKE_RETURNED: ["OPERATOR_OPD", "KEPALA_OPD"],
  LKE_FINALIZED: ["PIMPINAN"],
  LKE_APPROVED: ["TPI", "KEPALA_OPD"],
  LKE_SENT_BACK: ["TPI", "KEPALA_OPD"],
  LKE_REOPENED: ["OPERATOR_OPD", "KEPALA_OPD"],
  PENETAPAN_RECORDED: ["KEPALA_OPD"],
  // The unit triages its own complaints first; the Inspektorat sees them in the list.
  PENGADUAN_BARU: ["OPERATOR_OPD", "KEPALA_OPD"],
};

/** Whose step in the review chain is open while the LKE has this status. */
export function rolesWithOpenStep(status: AssessmentStatus): RoleCode[] {
  switch (status) {
    case "DRAFT":
    case "RETURNED":
      return ["OPERATOR_OPD", "KEPALA_OPD"];
    case "SUBMITTED":
    case "IN_REVIEW":
      return ["TPI"];
    case "FINALIZED":
      return ["PIMPINAN"];
    case "APPROVED":
      return [];
  }
}

/** Stages whose closing concerns the LKE: the unit's Penilaian window and the TPI's Evaluasi window. */
const STAGE_STATUSES: Partial<Record<StageCode, AssessmentStatus[]>> = {
  PENILAIAN: ["DRAFT", "RETURNED"],
  EVALUASI: ["DRAFT", "RETURNED", "SUBMITTED", "IN_REVIEW", "FINALIZED"],
};

export const REMINDER_OFFSETS = [7, 1] as const;

export interface DueReminder {
  kind: "STAGE_REMINDER" | "PMPZI_REMINDER";
  /** The stage, or "PMPZI" for the proposal deadline. */
  subject: StageCode | "PMPZI";
  offset: number;
  date: string;
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The reminders due today: a stage window or the PMPZI deadline ending exactly 7 or 1 days from today. */
export function dueReminders(today: string, windows: StageWindow[], pmpziDeadline: string): DueReminder[] {
  const out: DueReminder[] = [];
  for (const offset of REMINDER_OFFSETS) {
    const target = addDays(today, offset);
    for (const w of windows) {
      if (STAGE_STATUSES[w.stage] && w.end === target)
        out.push({ kind: "STAGE_REMINDER", subject: w.stage, offset, date: w.end });
    }
    if (pmpziDeadline === target) out.push({ kind: "PMPZI_REMINDER", subject: "PMPZI", offset, date: pmpziDeadline });
  }
  return out;
}

/** Who a reminder goes to for an LKE with this status; nobody once their step is done. */
export function reminderAudience(reminder: DueReminder, status: AssessmentStatus): RoleCode[] {
  if (reminder.subject !== "PMPZI" && !STAGE_STATUSES[reminder.subject]?.includes(status)) return [];
  return rolesWithOpenStep(status);
}

export type NotificationEvent =
  | { kind: "LKE_SUBMITTED" | "LKE_FINALIZED" | "LKE_APPROVED"; assessmentId: string; unitName: string; year: number }
  | { kind: "LKE_SENT_BACK"; assessmentId: string; unitName: string; year: number; reason: string }
  | { kind: "LKE_REOPENED"; assessmentId: string; unitName: string; year: number; until: string; reason: string }
  | {
      kind: "LKE_RETURNED";
      assessmentId: string;
      unitName: string;
      year: number;
      returned: { code: string; reason: string | null }[];
    }
  | { kind: "PENETAPAN_RECORDED"; unitName: string; year: number; result: string }
  | { kind: "PENGADUAN_BARU"; pengaduanId: string; unitName: string; trackingCode: string; dueDate: string }
  | {
      kind: "STAGE_REMINDER" | "PMPZI_REMINDER";
      assessmentId: string;
      unitName: string;
      year: number;
      reminder: DueReminder;
      status: AssessmentStatus;
    }
  | {
      kind: "SURVEY_REMINDER";
      roundId: string;
      roundTitle: string;
      unitName: string;
      year: number;
      n: number;
      minRespondents: number;
      closesOn: string;
    };

export interface NotificationMessage {
  kind: NotificationKind;
  title: string;
  body: string;
  link: string;
}

const PREDIKAT_TEXT: Record<string, string> = { WBK: "WBK", WBBM: "WBBM", TIDAK: "tidak memperoleh predikat" };

function longDate(iso: string): string {
  const months = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
  ];
  const [y, m, d] = iso.split("-").map(Number);
  return `${d} ${months[m - 1]} ${y}`;
}

/** Title, text and link of an event's notification. Never carries answers or evidence. */
export function composeMessage(e: NotificationEvent): NotificationMessage {
  // A complaint's text and its author stay in the app: the message names only its code and due date.
  if (e.kind === "PENGADUAN_BARU") {
    return {
      kind: e.kind,
      title: `Pengaduan masyarakat baru untuk ${e.unitName}`,
      body: `Pengaduan ${e.trackingCode} diterima. Tindak lanjuti paling lambat ${longDate(e.dueDate)}.`,
      link: `/pengaduan/${e.pengaduanId}`,
    };
  }
  const lke = `LKE ${e.unitName} tahun ${e.year}`;
  switch (e.kind) {
    case "LKE_SUBMITTED":
      return {
        kind: e.kind,
        title: `${lke} diajukan untuk direviu`,
        body: `Kepala unit telah mengajukan ${lke}. Silakan mulai reviu TPI.`,
        link: `/penilaian/${e.assessmentId}`,
      };
    case "LKE_RETURNED": {
      const list = e.returned.map((r) => `- ${r.code}: ${r.reason ?? "(tanpa alasan)"}`).join("\n");
      const first = e.returned[0]?.code;
      return {
        kind: e.kind,
        title: `${lke} dikembalikan untuk perbaikan`,
        body: `TPI mengembalikan ${e.returned.length} pertanyaan untuk diperbaiki:\n${list}`,
        link: `/penilaian/${e.assessmentId}${first ? `?q=${encodeURIComponent(first)}` : ""}`,
      };
    }
    case "LKE_FINALIZED":
      return {
        kind: e.kind,
        title: `${lke} difinalkan TPI`,
        body: `TPI telah memfinalkan ${lke}. Usulan menunggu persetujuan pimpinan.`,
        link: `/penilaian/${e.assessmentId}`,
      };
    case "LKE_APPROVED":
      return {
        kind: e.kind,
        title: `Usulan ${lke} disetujui`,
        body: `Pimpinan menyetujui pengusulan ${e.unitName} melalui PMPZI.`,
        link: `/penilaian/${e.assessmentId}`,
      };
    case "LKE_SENT_BACK":
      return {
        kind: e.kind,
        title: `Usulan ${lke} dikembalikan pimpinan`,
        body: `Pimpinan mengembalikan usulan ke TPI dengan alasan: ${e.reason}`,
        link: `/penilaian/${e.assessmentId}`,
      };
    case "LKE_REOPENED":
      return {
        kind: e.kind,
        title: `Pengisian ${lke} dibuka kembali`,
        body: `Admin membuka kembali pengisian sampai ${longDate(e.until)}. Alasan: ${e.reason}`,
        link: `/penilaian/${e.assessmentId}`,
      };
    case "PENETAPAN_RECORDED":
      return {
        kind: e.kind,
        title: `Hasil penetapan ${e.unitName} tahun ${e.year}`,
        body: `Hasil penetapan dicatat: ${PREDIKAT_TEXT[e.result] ?? e.result}.`,
        link: `/penetapan`,
      };
    case "SURVEY_REMINDER":
      return {
        kind: e.kind,
        title: `Survei ${e.roundTitle} ${e.unitName} baru ${e.n} dari ${e.minRespondents} responden`,
        body: `Putaran survei berakhir pada ${longDate(e.closesOn)} dan baru memperoleh ${e.n} responden (minimal ${e.minRespondents}). Pasang poster QR di ruang pelayanan atau bagikan tautannya.`,
        link: `/hasil-survei/${e.roundId}`,
      };
    case "STAGE_REMINDER":
    case "PMPZI_REMINDER": {
      const what =
        e.reminder.subject === "PMPZI" ? "Batas usulan melalui PMPZI" : `Tahap ${STAGE_LABELS[e.reminder.subject]}`;
      const when = e.reminder.offset === 1 ? "besok" : `dalam ${e.reminder.offset} hari`;
      return {
        kind: e.kind,
        title: `${what} berakhir ${when} (${longDate(e.reminder.date)})`,
        body: `${what} berakhir pada ${longDate(e.reminder.date)}. Langkah Anda pada ${lke} belum selesai.`,
        link: `/penilaian/${e.assessmentId}`,
      };
    }
  }
}
