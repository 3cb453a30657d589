/**
 * Gathers the facts the assessment policy (src/domain/assessment-policy.ts) decides on, for one user and
 * one LKE, and turns a refusal into the error every write returns. Actions, evidence routes and pages
 * call this; none of them decides on the assessment's state by itself.
 */
import {
  assessmentPolicy,
  rolesOnUnit,
  type AssessmentPolicy,
  type Capability,
  type Decision,
  type DutyFacts,
  type PolicyFacts,
} from "@/domain/assessment-policy";
import { HASIL_LABELS, reviewFacts, type ReviewStatus } from "@/domain/review";
import type { Schedule } from "@/domain/timeline";
import type { Principal } from "@/server/authz";
import { isoFromDate, todayIso } from "@/server/dates";
import { ForbiddenError, UserError } from "@/server/errors";
import { stageWindows, type Db, type LoadedAssessment } from "./context";

type PolicyAssessment = Pick<LoadedAssessment, "id" | "status" | "reopenedUntil" | "finalizedById" | "catalogue"> & {
  unit: { id: string; instansiId: string };
  periode: Pick<LoadedAssessment["periode"], "stages" | "pmpziDeadline">;
};

export function scheduleOf(a: Pick<PolicyAssessment, "periode" | "reopenedUntil">): Schedule {
  return {
    windows: stageWindows(a.periode),
    pmpziDeadline: isoFromDate(a.periode.pmpziDeadline),
    reopenedUntil: a.reopenedUntil ? isoFromDate(a.reopenedUntil) : null,
  };
}

type HasilRow = { ipak: number | null; ipkp: number | null; capaianKinerja: string | null } | null | undefined;

const hasilMissing = (h: HasilRow) =>
  (Object.keys(HASIL_LABELS) as (keyof typeof HASIL_LABELS)[])
    .filter((k) => h?.[k] === null || h?.[k] === undefined)
    .map((k) => HASIL_LABELS[k]);

/** The policy's facts from rows already loaded (SELF answer rows and both hasil rows). */
export function policyFactsOf(
  questionIds: readonly string[],
  selfRows: readonly { code: string; answered: boolean; catatan: string | null; reviewStatus: ReviewStatus }[],
  selfHasil: HasilRow,
  tpiHasil: HasilRow,
): PolicyFacts & { unanswered: string[]; withoutCatatan: string[] } {
  const f = reviewFacts(questionIds, selfRows, selfHasil, true);
  return {
    incomplete: f.incomplete,
    unanswered: f.unanswered,
    withoutCatatan: f.withoutCatatan,
    openReturns: f.openReturns,
    unreviewed: f.unreviewed,
    selfHasilMissing: f.hasilMissing,
    tpiHasilMissing: hasilMissing(tpiHasil),
  };
}

export async function loadPolicyFacts(db: Db, a: Pick<PolicyAssessment, "id" | "catalogue">) {
  const [answers, hasil] = await Promise.all([
    db.answer.findMany({
      where: { assessmentId: a.id, layer: "SELF" },
      select: {
        optionLabel: true,
        counts: true,
        catatan: true,
        reviewStatus: true,
        question: { select: { code: true } },
      },
    }),
    db.hasilInput.findMany({ where: { assessmentId: a.id } }),
  ]);
  return policyFactsOf(
    a.catalogue.questions.map((q) => q.id),
    answers.map((x) => ({
      code: x.question.code,
      answered: !!(x.optionLabel || x.counts),
      catatan: x.catatan,
      reviewStatus: x.reviewStatus,
    })),
    hasil.find((h) => h.layer === "SELF"),
    hasil.find((h) => h.layer === "TPI"),
  );
}

/**
 * Separation-of-duties facts: did this user ever edit the unit's own layer (answers and hasil saved, as the
 * current rows and the audit trail show, or SELF evidence uploaded), and did they finalise it?
 */
export async function loadDutyFacts(
  db: Db,
  user: Principal,
  a: Pick<PolicyAssessment, "id" | "finalizedById" | "unit">,
  roles: readonly string[],
): Promise<DutyFacts> {
  const instansi = await db.instansi.findUnique({
    where: { id: a.unit.instansiId },
    select: { separationOfDuties: true },
  });
  const enforced = instansi?.separationOfDuties ?? true;
  const finalized = a.finalizedById === user.id;
  // Only the TPI and pimpinan are bound by what they did to the SELF layer.
  if (!enforced || !(roles.includes("TPI") || roles.includes("PIMPINAN")))
    return { enforced, editedSelf: false, finalized };
  const [answers, hasil] = await Promise.all([
    db.answer.findMany({ where: { assessmentId: a.id, layer: "SELF" }, select: { id: true, updatedById: true } }),
    db.hasilInput.findMany({ where: { assessmentId: a.id, layer: "SELF" }, select: { id: true, updatedById: true } }),
  ]);
  if ([...answers, ...hasil].some((r) => r.updatedById === user.id)) return { enforced, editedSelf: true, finalized };
  const answerIds = answers.map((r) => r.id);
  const hasilIds = hasil.map((r) => r.id);
  const [audited, uploaded] = await Promise.all([
    db.auditLog.count({
      where: {
        actorId: user.id,
        OR: [
          { entity: "Answer", action: "answer.save", entityId: { in: answerIds } },
          { entity: "HasilInput", action: "hasil.save", entityId: { in: hasilIds } },
        ],
      },
    }),
    db.evidence.count({
      where: { uploadedById: user.id, OR: [{ answerId: { in: answerIds } }, { hasilInputId: { in: hasilIds } }] },
    }),
  ]);
  return { enforced, editedSelf: audited + uploaded > 0, finalized };
}

/** The policy of one user on one LKE, reading what it needs. */
export async function loadPolicy(
  db: Db,
  user: Principal,
  a: PolicyAssessment,
  today = todayIso(),
): Promise<AssessmentPolicy & { facts: Awaited<ReturnType<typeof loadPolicyFacts>> }> {
  const roles = user.instansiId === a.unit.instansiId ? rolesOnUnit(user.assignments, a.unit.id) : [];
  const [facts, duties] = await Promise.all([loadPolicyFacts(db, a), loadDutyFacts(db, user, a, roles)]);
  return { ...assessmentPolicy({ status: a.status, facts, schedule: scheduleOf(a), today, roles, duties }), facts };
}

/** Throws the refusal of a decision as the error the action returns (with its typed code). */
export function requireAllowed(decision: Decision): void {
  if (decision.allowed) return;
  if (decision.code === "FORBIDDEN" || decision.code === "SEPARATION_OF_DUTIES")
    throw new ForbiddenError(decision.reason, decision.code);
  throw new UserError(
    decision.reason,
    undefined,
    decision.missing ? { missing: decision.missing } : undefined,
    decision.code,
  );
}

export async function requireCapability(
  db: Db,
  user: Principal,
  a: PolicyAssessment,
  capability: Capability,
): Promise<AssessmentPolicy> {
  const policy = await loadPolicy(db, user, a);
  requireAllowed(policy.capabilities[capability]);
  return policy;
}
