/**
 * The TPI's Laporan Hasil Evaluasi (LHE) comes in two stages: stage 1 when the TPI returned the LKE
 * for revision (a provisional desk-evaluation score and what to fix), stage 2 once the TPI has
 * finalised (the final score). Before either there is nothing to report.
 */
import type { AssessmentStatus } from "./review";

export type LheStage = 1 | 2;

export function lheStage(status: AssessmentStatus): LheStage | null {
  switch (status) {
    case "RETURNED":
      return 1;
    case "FINALIZED":
    case "APPROVED":
      return 2;
    default:
      return null;
  }
}

export const LHE_STAGE_LABELS: Record<LheStage, string> = {
  1: "Tahap I - Dikembalikan untuk perbaikan",
  2: "Tahap II - Final",
};

export const LHE_UNAVAILABLE =
  "LHE tersedia setelah TPI mengembalikan LKE untuk perbaikan (tahap I) atau memfinalkan penilaiannya (tahap II).";

export const LHE_STAGE_ONE_MISSING =
  "LHE tahap I belum diarsipkan: LKE ini belum pernah dikembalikan TPI untuk perbaikan.";
