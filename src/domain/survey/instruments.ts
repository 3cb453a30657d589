/**
 * The SPAK and SPKP instruments as data (defaults from the agencies' practice; an instansi may edit them, which
 * makes a new version), the round state rule, and the optional respondent questions.
 */
import type { Scale } from "./index";

export type SurveyKindCode = "SPAK" | "SPKP";

export interface SurveyElement {
  code: string;
  label: string;
}

export interface InstrumentData {
  kind: SurveyKindCode;
  elements: SurveyElement[];
  scale: Scale;
  respondentFields: RespondentField[];
}

export const SURVEY_KIND_LABELS: Record<SurveyKindCode, { short: string; name: string; hasil: "ipak" | "ipkp" }> = {
  SPAK: { short: "IPAK", name: "Survei Persepsi Anti Korupsi", hasil: "ipak" },
  SPKP: { short: "IPKP", name: "Survei Persepsi Kualitas Pelayanan", hasil: "ipkp" },
};

/** SPAK: each item states that something does NOT happen at this unit; a high answer means agreement. */
export const DEFAULT_SPAK: SurveyElement[] = [
  { code: "A1", label: "Tidak ada diskriminasi dalam pelayanan pada unit layanan ini" },
  { code: "A2", label: "Tidak ada pelayanan di luar prosedur atau kecurangan pada unit layanan ini" },
  { code: "A3", label: "Tidak ada penerimaan imbalan atau gratifikasi pada unit layanan ini" },
  { code: "A4", label: "Tidak ada pungutan liar (pungli) pada unit layanan ini" },
  { code: "A5", label: "Tidak ada percaloan pada unit layanan ini" },
];

export const DEFAULT_SPKP: SurveyElement[] = [
  { code: "K1", label: "Informasi pelayanan tersedia dan mudah dipahami" },
  { code: "K2", label: "Persyaratan pelayanan jelas dan sesuai yang diumumkan" },
  { code: "K3", label: "Prosedur pelayanan mudah diikuti" },
  { code: "K4", label: "Waktu penyelesaian sesuai yang dijanjikan" },
  { code: "K5", label: "Biaya/tarif sesuai ketentuan (atau gratis bila ditetapkan gratis)" },
  { code: "K6", label: "Sarana prasarana atau sistem pelayanan daring memadai" },
  { code: "K7", label: "Petugas cepat merespons kebutuhan Anda" },
  { code: "K8", label: "Layanan konsultasi dan pengaduan tersedia dan ditanggapi" },
];

export const RESPONDENT_FIELDS = {
  layanan: { label: "Layanan yang diterima", options: null },
  usia: { label: "Kelompok usia", options: ["< 20", "20–29", "30–39", "40–49", "50–59", "≥ 60"] },
  jenisKelamin: { label: "Jenis kelamin", options: ["Laki-laki", "Perempuan"] },
  pendidikan: { label: "Pendidikan terakhir", options: ["SD", "SMP", "SMA/SMK", "D1–D3", "D4/S1", "S2/S3"] },
} as const;
export type RespondentField = keyof typeof RESPONDENT_FIELDS;
export const RESPONDENT_FIELD_CODES = Object.keys(RESPONDENT_FIELDS) as RespondentField[];

export function defaultInstrument(kind: SurveyKindCode): InstrumentData {
  return {
    kind,
    elements: kind === "SPAK" ? DEFAULT_SPAK : DEFAULT_SPKP,
    scale: [1, 4],
    respondentFields: [...RESPONDENT_FIELD_CODES],
  };
}

/** Labels of the answers on a scale (1–4 worded; 1–6 as stars). */
export function answerLabels(kind: SurveyKindCode, scale: Scale): string[] {
  if (scale[1] - scale[0] === 3) {
    return kind === "SPAK"
      ? ["Tidak setuju", "Kurang setuju", "Setuju", "Sangat setuju"]
      : ["Tidak baik", "Kurang baik", "Baik", "Sangat baik"];
  }
  return Array.from({ length: scale[1] - scale[0] + 1 }, (_, i) => `${scale[0] + i} bintang`);
}

export type SurveyRoundStatusCode = "OPEN" | "CLOSED";

export const ROUND_STATUS_LABELS: Record<SurveyRoundStatusCode, string> = { OPEN: "Dibuka", CLOSED: "Ditutup" };

/** Only an open round takes answers. */
export function acceptsResponses(status: SurveyRoundStatusCode): boolean {
  return status === "OPEN";
}

/** Closing is the round's one move; a closed round stays closed (its results are what the LKE took). */
export function closeRoundDecision(status: SurveyRoundStatusCode): { ok: true } | { ok: false; reason: string } {
  return status === "OPEN" ? { ok: true } : { ok: false, reason: "Putaran survei ini sudah ditutup." };
}

/** A response can be voided once; an already voided one stays as it is. */
export function voidResponseDecision(voidedAt: Date | null): { ok: true } | { ok: false; reason: string } {
  return voidedAt === null ? { ok: true } : { ok: false, reason: "Jawaban ini sudah dibatalkan sebelumnya." };
}

/** Quarterly by default: a round planned for 90 days from opening. */
export const DEFAULT_ROUND_DAYS = 90;

/** "Triwulan I 2026" from the opening month. */
export function defaultRoundTitle(openedOn: Date): string {
  const q = Math.floor(openedOn.getUTCMonth() / 3);
  return `Triwulan ${["I", "II", "III", "IV"][q]} ${openedOn.getUTCFullYear()}`;
}

/** The near-end reminder: the round ends within `days` and has fewer respondents than its minimum. */
export function roundNeedsRespondents(
  round: { status: SurveyRoundStatusCode; closesOn: Date | null; minRespondents: number },
  n: number,
  today: Date,
  days = 7,
): boolean {
  if (!acceptsResponses(round.status) || !round.closesOn) return false;
  const left = Math.round((round.closesOn.getTime() - today.getTime()) / 86_400_000);
  return left >= 0 && left <= days && n < round.minRespondents;
}
