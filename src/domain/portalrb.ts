/**
 * PortalRB (KemenPANRB) pulls each proposed unit's LKE from the instansi's API. Pure rules: which units
 * are listed, under which category, and how the catalogue's answers become PortalRB's `soal_id` rows.
 * The question → soal_id mapping is data (prisma/data/portalrb-2026.json), not code.
 */
import mapping from "../../prisma/data/portalrb-2026.json" with { type: "json" };
import type { AnswerValue, HasilInput } from "./scoring/types";
import type { AssessmentStatus } from "./review";

export type PortalRbCategory = "WBK" | "WBBM";

/** One row of the mapping: an option question, one count input of a percentage question, or a hasil input. */
export type SoalTarget =
  | { soal_id: number; question: string; input?: undefined; hasil?: undefined }
  | { soal_id: number; question: string; input: string; hasil?: undefined }
  | { soal_id: number; hasil: keyof HasilInput; question?: undefined; input?: undefined };

export const PORTALRB_MAP = mapping as unknown as { tahun: number; catalogueIds: string[]; soal: SoalTarget[] };

/** The catalogues whose question ids the mapping speaks (both versions share their ids). */
export function portalRbSupports(catalogueId: string): boolean {
  return PORTALRB_MAP.catalogueIds.includes(catalogueId);
}

/**
 * The list a unit appears in, or null: only an LKE approved by pimpinan, and only for the predicate its
 * final (TPI) verdict makes it eligible for — WBBM when it meets WBBM (which needs WBK already), else WBK.
 */
export function portalRbCategory(
  status: AssessmentStatus,
  verdict: { wbkEligible: boolean; wbbmEligible: boolean } | null,
): PortalRbCategory | null {
  if (status !== "APPROVED" || !verdict) return null;
  if (verdict.wbbmEligible) return "WBBM";
  if (verdict.wbkEligible) return "WBK";
  return null;
}

/** Shortest reason an affirmation must give (the basis PortalRB's reviewer reads). */
export const AFIRMASI_MIN_REASON = 10;

/**
 * Affirmation is a way to propose a unit for WBK (PortalRB's kategori "WBK-AFIRMASI"); a unit proposed
 * for WBBM is never affirmed. Whether it may be set now, with the reason when it may not.
 */
export function afirmasiDecision(
  afirmasi: boolean,
  reason: string,
  category: PortalRbCategory | null,
): { allowed: true } | { allowed: false; reason: string } {
  if (!afirmasi) return { allowed: true };
  if (category === "WBBM")
    return { allowed: false, reason: "Afirmasi hanya untuk usulan WBK; unit ini diusulkan WBBM." };
  if (reason.trim().length < AFIRMASI_MIN_REASON)
    return { allowed: false, reason: `Dasar afirmasi wajib diisi (minimal ${AFIRMASI_MIN_REASON} karakter).` };
  return { allowed: true };
}

/** The unit row of PortalRB's list: the category with the affirmation folded in. */
export function portalRbListEntry(category: PortalRbCategory, afirmasi: boolean) {
  const affirmed = category === "WBK" && afirmasi;
  return { kategori: affirmed ? ("WBK-AFIRMASI" as const) : category, afirmasi: affirmed };
}

export interface LayerAnswer {
  value: AnswerValue | null;
  catatan: string | null;
}

export interface PortalRbAnswer {
  soal_id: number;
  jawaban_unit: string | number | null;
  jawaban_tpi: string | number | null;
  catatan_unit: string | null;
  bukti_dukung_unit: string | null;
  catatan_tpi: string | null;
}

export interface PortalRbSources {
  self: Readonly<Record<string, LayerAnswer>>;
  tpi: Readonly<Record<string, LayerAnswer>>;
  selfHasil: HasilInput & { catatan?: string | null };
  tpiHasil: HasilInput & { catatan?: string | null };
  /** Link to the unit's evidence for a question id or hasil key, or null when it has none. */
  evidenceLink: (key: string) => string | null;
}

/** A stored answer as PortalRB wants it: the option key, or one count as a number. */
function jawaban(value: AnswerValue | null | undefined, input: string | undefined): string | number | null {
  if (value === null || value === undefined) return null;
  if (input === undefined) return typeof value === "string" ? value : null;
  if (typeof value !== "object") return null;
  const n = value[input];
  return typeof n === "number" && Number.isFinite(n) ? n : null;
}

/** Every mapped soal, in PortalRB's order, with the unit's and the TPI's answer. */
export function portalRbAnswers(src: PortalRbSources): PortalRbAnswer[] {
  return PORTALRB_MAP.soal.map((t) => {
    if (t.hasil) {
      const v = (h: HasilInput) => {
        const x = h[t.hasil];
        return x === undefined ? null : x;
      };
      return {
        soal_id: t.soal_id,
        jawaban_unit: v(src.selfHasil),
        jawaban_tpi: v(src.tpiHasil),
        catatan_unit: src.selfHasil.catatan ?? null,
        bukti_dukung_unit: src.evidenceLink(t.hasil),
        catatan_tpi: src.tpiHasil.catatan ?? null,
      };
    }
    const self = src.self[t.question];
    const tpi = src.tpi[t.question];
    return {
      soal_id: t.soal_id,
      jawaban_unit: jawaban(self?.value, t.input),
      jawaban_tpi: jawaban(tpi?.value, t.input),
      catatan_unit: self?.catatan ?? null,
      bukti_dukung_unit: src.evidenceLink(t.question),
      catatan_tpi: tpi?.catatan ?? null,
    };
  });
}
