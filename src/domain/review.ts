/**
 * The review chain of one unit's LKE for a year, as one set of rules:
 * OPERATOR_OPD fills → KEPALA_OPD submits → TPI reviews each question (accept, set its own answer,
 * or return it) → returned questions reopen for the unit → the unit resubmits → the TPI finalises →
 * PIMPINAN approves the proposal to PMPZI or sends it back to the TPI.
 */

export const ASSESSMENT_STATUSES = ["DRAFT", "SUBMITTED", "IN_REVIEW", "RETURNED", "FINALIZED", "APPROVED"] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

export const STATUS_LABELS: Record<AssessmentStatus, string> = {
  DRAFT: "Pengisian oleh unit",
  SUBMITTED: "Diajukan ke TPI",
  IN_REVIEW: "Direviu TPI",
  RETURNED: "Dikembalikan untuk revisi",
  FINALIZED: "Final TPI, menunggu pimpinan",
  APPROVED: "Disetujui diusulkan ke PMPZI",
};

/** Position in the chain, for sorting and progress bars (0 = just started, 5 = done). */
export const STATUS_ORDER: Record<AssessmentStatus, number> = {
  DRAFT: 0,
  RETURNED: 1,
  SUBMITTED: 2,
  IN_REVIEW: 3,
  FINALIZED: 4,
  APPROVED: 5,
};

export type ReviewStatus = "PENDING" | "ACCEPTED" | "CHANGED" | "RETURNED" | "REVISED";

/** The TPI has settled the question: accepted the unit's answer or set its own. */
export function isSettled(reviewStatus: ReviewStatus): boolean {
  return reviewStatus === "ACCEPTED" || reviewStatus === "CHANGED";
}

/** Returned to the unit and not yet revised. */
export function isOpenReturn(reviewStatus: ReviewStatus): boolean {
  return reviewStatus === "RETURNED";
}

/** Returned at some point in this round: still open, or revised since. */
export function wasReturned(reviewStatus: ReviewStatus): boolean {
  return reviewStatus === "RETURNED" || reviewStatus === "REVISED";
}

/** Waiting for the TPI: never reviewed, or revised after a return. */
export function awaitsReview(reviewStatus: ReviewStatus): boolean {
  return reviewStatus === "PENDING" || reviewStatus === "REVISED";
}

export const REVIEW_STATUS_LABELS: Record<ReviewStatus, string> = {
  PENDING: "Belum direviu",
  ACCEPTED: "Diterima TPI",
  CHANGED: "Diubah TPI",
  RETURNED: "Dikembalikan",
  REVISED: "Sudah direvisi",
};

export type ChainAction = "submit" | "startReview" | "return" | "finalize" | "approve" | "sendBack";

export const CHAIN_ACTION_LABELS: Record<ChainAction, string> = {
  submit: "Ajukan ke TPI",
  startReview: "Mulai reviu",
  return: "Kembalikan untuk revisi",
  finalize: "Finalkan penilaian TPI",
  approve: "Setujui usulan ke PMPZI",
  sendBack: "Kembalikan ke TPI",
};

/** What the transition checks need to know about the assessment's questions. */
export interface ChainFacts {
  /** Self-assessment questions without an answer or without catatan (ids). */
  incomplete: string[];
  /** Questions currently returned to the unit and not yet revised. */
  openReturns: number;
  /** Questions the TPI has not settled: neither accepted nor changed (returned ones count too). */
  unreviewed: number;
  /** Hasil inputs (IPAK, IPKP, capaian kinerja) missing in the layer that acts. */
  hasilMissing: string[];
  /** Whether the unit's fill window is open today (stage windows or an ADMIN reopening). */
  fillWindowOpen: boolean;
}

export const HASIL_LABELS = { ipak: "IPAK", ipkp: "IPKP", capaianKinerja: "Capaian kinerja" } as const;

/** One question's self-assessment row, as the facts need it. */
export interface SelfRow {
  code: string;
  answered: boolean;
  catatan: string | null;
  reviewStatus: ReviewStatus;
}

export interface ReviewFacts extends ChainFacts {
  unanswered: string[];
  /** Answered but without catatan. */
  withoutCatatan: string[];
}

/**
 * The facts of an assessment from its question ids (catalogue order), the rows of one layer and that
 * layer's hasil input: what is missing for a submission, open returns, questions still to review.
 */
export function reviewFacts(
  questionIds: readonly string[],
  rows: readonly SelfRow[],
  hasil: { ipak: number | null; ipkp: number | null; capaianKinerja: string | null } | null | undefined,
  fillWindowOpen: boolean,
): ReviewFacts {
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const unanswered = questionIds.filter((id) => !byCode.get(id)?.answered);
  const withoutCatatan = questionIds.filter((id) => {
    const r = byCode.get(id);
    return r?.answered && !r.catatan?.trim();
  });
  const reviewed = new Set<ReviewStatus>(["ACCEPTED", "CHANGED"]);
  return {
    unanswered,
    withoutCatatan,
    incomplete: questionIds.filter((id) => unanswered.includes(id) || withoutCatatan.includes(id)),
    hasilMissing: (Object.keys(HASIL_LABELS) as (keyof typeof HASIL_LABELS)[])
      .filter((k) => hasil?.[k] === null || hasil?.[k] === undefined)
      .map((k) => HASIL_LABELS[k]),
    openReturns: rows.filter((r) => r.reviewStatus === "RETURNED").length,
    unreviewed: questionIds.filter((id) => !reviewed.has(byCode.get(id)?.reviewStatus ?? "PENDING")).length,
    fillWindowOpen,
  };
}

/** LOCKED: not in this state or outside the fill window; INCOMPLETE: the step's preconditions are not met yet. */
export type TransitionResult =
  | { ok: true; next: AssessmentStatus }
  | { ok: false; code: "LOCKED" | "INCOMPLETE"; reason: string; missing?: string[] };

const FROM: Record<ChainAction, AssessmentStatus[]> = {
  submit: ["DRAFT", "RETURNED"],
  startReview: ["SUBMITTED"],
  return: ["SUBMITTED", "IN_REVIEW"],
  finalize: ["SUBMITTED", "IN_REVIEW"],
  approve: ["FINALIZED"],
  sendBack: ["FINALIZED"],
};

const TO: Record<ChainAction, AssessmentStatus> = {
  submit: "SUBMITTED",
  startReview: "IN_REVIEW",
  return: "RETURNED",
  finalize: "FINALIZED",
  approve: "APPROVED",
  sendBack: "IN_REVIEW",
};

/** The one place that says whether a move along the chain is legal, and why not. */
export function transition(status: AssessmentStatus, action: ChainAction, facts: ChainFacts): TransitionResult {
  if (!FROM[action].includes(status)) {
    return {
      ok: false,
      code: "LOCKED",
      reason: `Tidak dapat "${CHAIN_ACTION_LABELS[action]}" saat status "${STATUS_LABELS[status]}".`,
    };
  }
  switch (action) {
    case "submit":
      if (!facts.fillWindowOpen) {
        return {
          ok: false,
          code: "LOCKED",
          reason: "Masa pengisian LKE unit ini sudah ditutup. Hubungi Bagian Organisasi untuk membukanya kembali.",
        };
      }
      if (facts.incomplete.length || facts.hasilMissing.length) {
        return {
          ok: false,
          code: "INCOMPLETE",
          reason:
            "Belum dapat diajukan: setiap pertanyaan harus dijawab dan diberi catatan, dan komponen hasil harus diisi.",
          missing: [...facts.incomplete, ...facts.hasilMissing],
        };
      }
      if (status === "RETURNED" && facts.openReturns > 0) {
        return {
          ok: false,
          code: "INCOMPLETE",
          reason: `Masih ada ${facts.openReturns} pertanyaan yang dikembalikan dan belum direvisi.`,
        };
      }
      break;
    case "return":
      if (facts.openReturns === 0)
        return {
          ok: false,
          code: "INCOMPLETE",
          reason: "Tandai minimal satu pertanyaan untuk dikembalikan beserta alasannya.",
        };
      break;
    case "finalize":
      if (facts.openReturns > 0)
        return {
          ok: false,
          code: "INCOMPLETE",
          reason: "Masih ada pertanyaan yang dikembalikan; kembalikan penilaian ke unit atau terima jawabannya.",
        };
      if (facts.unreviewed > 0)
        return {
          ok: false,
          code: "INCOMPLETE",
          reason: `Masih ada ${facts.unreviewed} pertanyaan yang belum direviu TPI.`,
        };
      if (facts.hasilMissing.length)
        return {
          ok: false,
          code: "INCOMPLETE",
          reason: "Nilai komponen hasil TPI belum lengkap.",
          missing: facts.hasilMissing,
        };
      break;
  }
  return { ok: true, next: TO[action] };
}
