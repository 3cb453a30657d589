/**
 * The one assessment policy: who may do what to one unit's LKE, in which state, until when — and, when
 * refused, why (in Bahasa Indonesia) and who acts next. Pure: the server gathers the facts, the actions,
 * the evidence routes, the LKE page's buttons and the role homes all read the same answer.
 *
 * Separation of duties (per instansi, on by default) is part of it: whoever edited the unit's own (SELF)
 * layer may not review, finalise or approve it; the TPI who finalised may not approve; nobody works as TPI
 * on a unit where they also hold an OPD role.
 */
import {
  STATUS_LABELS,
  transition,
  type AssessmentStatus,
  type ChainAction,
  type ChainFacts,
  type ReviewStatus,
} from "./review";
import { ROLE_LABELS, type RoleCode } from "./roles";
import { fillWindowOpen, lateness, type Lateness, type Schedule } from "./timeline";

export const CAPABILITIES = [
  "writeSelf",
  "writeSelfHasil",
  "writeEvidence",
  "submit",
  "review",
  "return",
  "finalize",
  "approve",
  "sendBack",
  "reopen",
] as const;
export type Capability = (typeof CAPABILITIES)[number];

/** The role on the unit that performs each capability. */
export const CAPABILITY_ROLE: Record<Capability, RoleCode> = {
  writeSelf: "OPERATOR_OPD",
  writeSelfHasil: "OPERATOR_OPD",
  writeEvidence: "OPERATOR_OPD",
  submit: "KEPALA_OPD",
  review: "TPI",
  return: "TPI",
  finalize: "TPI",
  approve: "PIMPINAN",
  sendBack: "PIMPINAN",
  reopen: "ADMIN",
};

const CAPABILITY_LABELS: Record<Capability, string> = {
  writeSelf: "mengisi jawaban unit",
  writeSelfHasil: "mengisi komponen hasil unit",
  writeEvidence: "mengunggah atau menghapus bukti dukung unit",
  submit: "mengajukan LKE ke TPI",
  review: "mereviu jawaban",
  return: "mengembalikan LKE untuk revisi",
  finalize: "memfinalkan penilaian TPI",
  approve: "menyetujui usulan ke PMPZI",
  sendBack: "mengembalikan usulan ke TPI",
  reopen: "membuka kembali masa pengisian",
};

/** Why a capability is refused, as a code the UI and the actions can branch on (never on text). */
export type RefusalCode = "FORBIDDEN" | "SEPARATION_OF_DUTIES" | "LOCKED" | "INCOMPLETE";

export type Decision =
  | { allowed: true; next?: AssessmentStatus }
  | { allowed: false; code: RefusalCode; reason: string; missing?: string[] };

export interface PolicyFacts {
  /** SELF questions without an answer or without catatan (ids). */
  incomplete: string[];
  /** Hasil inputs missing in the unit's own layer, and in the TPI's. */
  selfHasilMissing: string[];
  tpiHasilMissing: string[];
  /** Questions returned to the unit and not yet revised. */
  openReturns: number;
  /** Questions the TPI has neither accepted nor changed. */
  unreviewed: number;
}

export interface DutyFacts {
  /** The instansi's setting; on by default. */
  enforced: boolean;
  /** The user saved a SELF answer or hasil, or uploaded SELF evidence, of this LKE. */
  editedSelf: boolean;
  /** The user finalised the TPI's assessment of this LKE. */
  finalized: boolean;
}

export interface PolicyInput {
  status: AssessmentStatus;
  facts: PolicyFacts;
  schedule: Schedule;
  today: string;
  /** The user's roles that reach this unit (see `rolesOnUnit`). */
  roles: readonly RoleCode[];
  duties: DutyFacts;
}

export interface NextStep {
  role: RoleCode;
  /** Who does what, in one Indonesian sentence. */
  label: string;
}

export interface AssessmentPolicy {
  status: AssessmentStatus;
  capabilities: Record<Capability, Decision>;
  /** The unit's fill window today (stage windows or a reopening), and by the stage windows alone. */
  fillOpen: boolean;
  fillOpenByStages: boolean;
  next: NextStep | null;
  late: Lateness;
}

export const DUTY_MESSAGES = {
  editedSelf:
    "Pemisahan tugas: Anda ikut mengisi jawaban unit pada LKE ini, sehingga tidak dapat mereviu, memfinalkan, atau menyetujuinya.",
  finalizedApprove:
    "Pemisahan tugas: Anda yang memfinalkan penilaian TPI LKE ini, sehingga tidak dapat juga menyetujuinya.",
  opdAndTpi:
    "Pemisahan tugas: Anda memegang peran OPD di unit ini, sehingga tidak dapat bertindak sebagai TPI untuk unit yang sama.",
  ownRoles: "Pemisahan tugas: admin tidak dapat mengubah peran akunnya sendiri. Minta admin lain untuk melakukannya.",
  roleConflict: "Pemisahan tugas: seorang pengguna tidak dapat memegang peran OPD dan TPI untuk unit yang sama.",
} as const;

const CLOSED_MESSAGE = "Masa pengisian LKE unit ini sudah ditutup. Hubungi Bagian Organisasi untuk membukanya kembali.";

/** The roles of a user that reach a unit: instansi-wide roles always, unit roles only on their own unit. */
export function rolesOnUnit(
  assignments: readonly { role: RoleCode; unitId: string | null }[],
  unitId: string,
): RoleCode[] {
  const roles = new Set<RoleCode>();
  for (const a of assignments) {
    if (a.role === "ADMIN" || a.role === "PIMPINAN" || a.unitId === unitId) roles.add(a.role);
  }
  return [...roles];
}

const refuse = (code: RefusalCode, reason: string, missing?: string[]): Decision => ({
  allowed: false,
  code,
  reason,
  ...(missing?.length ? { missing } : {}),
});
const ALLOW: Decision = { allowed: true };

/** Every capability of one user on one LKE, with reasons, who acts next and whether it is late. */
export function assessmentPolicy(input: PolicyInput): AssessmentPolicy {
  const { status, facts, schedule, today, roles, duties } = input;
  const fillOpen = fillWindowOpen(schedule.windows, today, schedule.reopenedUntil);
  const fillOpenByStages = fillWindowOpen(schedule.windows, today, null);
  const holdsOpdRole = roles.includes("KEPALA_OPD") || roles.includes("OPERATOR_OPD");

  const chain = (action: ChainAction, hasilMissing: string[]): Decision => {
    const chainFacts: ChainFacts = {
      incomplete: facts.incomplete,
      openReturns: facts.openReturns,
      unreviewed: facts.unreviewed,
      hasilMissing,
      fillWindowOpen: fillOpen,
    };
    const r = transition(status, action, chainFacts);
    if (r.ok) return { allowed: true, next: r.next };
    return refuse(r.code, r.reason, r.missing);
  };

  const decide = (cap: Capability, rule: () => Decision): Decision => {
    const role = CAPABILITY_ROLE[cap];
    if (!roles.includes(role))
      return refuse("FORBIDDEN", `Hanya ${ROLE_LABELS[role]} yang dapat ${CAPABILITY_LABELS[cap]}.`);
    if (duties.enforced) {
      const tpiWork = cap === "review" || cap === "return" || cap === "finalize";
      if (tpiWork && holdsOpdRole) return refuse("SEPARATION_OF_DUTIES", DUTY_MESSAGES.opdAndTpi);
      if ((tpiWork || cap === "approve") && duties.editedSelf)
        return refuse("SEPARATION_OF_DUTIES", DUTY_MESSAGES.editedSelf);
      if (cap === "approve" && duties.finalized) return refuse("SEPARATION_OF_DUTIES", DUTY_MESSAGES.finalizedApprove);
    }
    return rule();
  };

  const selfLayer = (onlyDraft: boolean): Decision => {
    if (!fillOpen) return refuse("LOCKED", CLOSED_MESSAGE);
    if (status === "DRAFT" || (!onlyDraft && status === "RETURNED")) return ALLOW;
    if (status === "RETURNED") return refuse("LOCKED", "Hanya pertanyaan yang dikembalikan TPI yang dapat diubah.");
    return refuse("LOCKED", `Jawaban terkunci: status LKE "${STATUS_LABELS[status]}".`);
  };

  const tpiOpen = (): Decision =>
    status === "SUBMITTED" || status === "IN_REVIEW"
      ? ALLOW
      : refuse(
          "LOCKED",
          `Jawaban hanya dapat direviu saat LKE ada di TPI (status sekarang "${STATUS_LABELS[status]}").`,
        );

  const capabilities: Record<Capability, Decision> = {
    writeSelf: decide("writeSelf", () => selfLayer(false)),
    writeSelfHasil: decide("writeSelfHasil", () => selfLayer(true)),
    writeEvidence: decide("writeEvidence", () => selfLayer(false)),
    submit: decide("submit", () => chain("submit", facts.selfHasilMissing)),
    review: decide("review", tpiOpen),
    return: decide("return", () => chain("return", facts.tpiHasilMissing)),
    finalize: decide("finalize", () => chain("finalize", facts.tpiHasilMissing)),
    approve: decide("approve", () => chain("approve", facts.tpiHasilMissing)),
    sendBack: decide("sendBack", () => chain("sendBack", facts.tpiHasilMissing)),
    reopen: decide("reopen", () => ALLOW),
  };

  return {
    status,
    capabilities,
    fillOpen,
    fillOpenByStages,
    next: nextStep(status, facts, fillOpen),
    late: lateness(status, schedule, today),
  };
}

/** Who acts next on the LKE, whoever is looking. */
export function nextStep(status: AssessmentStatus, facts: PolicyFacts, fillOpen: boolean): NextStep | null {
  switch (status) {
    case "DRAFT":
    case "RETURNED": {
      if (!fillOpen) return { role: "ADMIN", label: "Bagian Organisasi membuka kembali masa pengisian unit." };
      const missing = facts.incomplete.length > 0 || facts.selfHasilMissing.length > 0 || facts.openReturns > 0;
      return missing
        ? {
            role: "OPERATOR_OPD",
            label:
              status === "RETURNED"
                ? "Operator OPD merevisi pertanyaan yang dikembalikan."
                : "Operator OPD melengkapi jawaban, catatan, dan komponen hasil.",
          }
        : { role: "KEPALA_OPD", label: "Kepala OPD mengajukan LKE ke TPI." };
    }
    case "SUBMITTED":
    case "IN_REVIEW":
      return facts.unreviewed > 0 || facts.tpiHasilMissing.length > 0
        ? {
            role: "TPI",
            label: `TPI mereviu ${facts.unreviewed} pertanyaan yang tersisa dan melengkapi nilai hasil, lalu memfinalkan.`,
          }
        : { role: "TPI", label: "TPI memfinalkan penilaian." };
    case "FINALIZED":
      return { role: "PIMPINAN", label: "Pimpinan menyetujui usulan ke PMPZI atau mengembalikannya ke TPI." };
    case "APPROVED":
      return null;
  }
}

/**
 * May this user change the unit's answer to one question? The assessment-wide `writeSelf`, narrowed after
 * a return to the questions the TPI returned (and that the unit has revised since).
 */
export function selfAnswerDecision(policy: AssessmentPolicy, reviewStatus: ReviewStatus): Decision {
  const d = policy.capabilities.writeSelf;
  if (!d.allowed) return d;
  if (policy.status === "RETURNED" && reviewStatus !== "RETURNED" && reviewStatus !== "REVISED") {
    return refuse("LOCKED", "Hanya pertanyaan yang dikembalikan TPI yang dapat diubah.");
  }
  return ALLOW;
}

/** A revision of a returned question: saving it marks it revised and sends it back to the TPI. */
export function isRevision(status: AssessmentStatus, reviewStatus: ReviewStatus): boolean {
  return status === "RETURNED" && reviewStatus === "RETURNED";
}

/** Who holds the LKE now: the unit (filling or revising), the TPI, pimpinan, or nobody (approved). */
export type Holder = "UNIT" | "TPI" | "PIMPINAN" | "DONE";
export function holderOf(status: AssessmentStatus): Holder {
  switch (status) {
    case "DRAFT":
    case "RETURNED":
      return "UNIT";
    case "SUBMITTED":
    case "IN_REVIEW":
      return "TPI";
    case "FINALIZED":
      return "PIMPINAN";
    case "APPROVED":
      return "DONE";
  }
}

/** The TPI's assessment is final (the panel says "Nilai akhir"). */
export function tpiFinal(status: AssessmentStatus): boolean {
  return status === "FINALIZED" || status === "APPROVED";
}

/** Pimpinan sent the proposal back and the TPI has not finalised again yet. */
export function sentBackToTpi(status: AssessmentStatus, returnNote: string | null): boolean {
  return !!returnNote && status === "IN_REVIEW";
}

/** The first review step moves a submitted LKE to "in review". */
export function startsReview(status: AssessmentStatus): boolean {
  return status === "SUBMITTED";
}

/** Refusal for a set of role rows that would put one person on both sides of a unit's review (or null). */
export function roleAssignmentConflict(
  assignments: readonly { role: RoleCode; unitId: string | null }[],
  enforced: boolean,
): string | null {
  if (!enforced) return null;
  const opdUnits = new Set(
    assignments.filter((a) => a.role === "KEPALA_OPD" || a.role === "OPERATOR_OPD").map((a) => a.unitId),
  );
  return assignments.some((a) => a.role === "TPI" && opdUnits.has(a.unitId)) ? DUTY_MESSAGES.roleConflict : null;
}

/** Refusal when an ADMIN would change their own roles (or null). */
export function ownRoleChangeRefusal(
  actorId: string,
  targetId: string,
  before: readonly { role: RoleCode; unitId: string | null }[],
  after: readonly { role: RoleCode; unitId: string | null }[],
  enforced: boolean,
): string | null {
  if (!enforced || actorId !== targetId) return null;
  const key = (rows: readonly { role: RoleCode; unitId: string | null }[]) =>
    rows
      .map((r) => `${r.role}:${r.unitId ?? ""}`)
      .sort()
      .join(",");
  return key(before) === key(after) ? null : DUTY_MESSAGES.ownRoles;
}
