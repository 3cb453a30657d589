/**
 * What each role's home page needs: the operator's to-do, the head's summary and whether the LKE
 * can be submitted, the TPI's review queue. The overview summary and pending approvals come from
 * getOverview (overview.ts).
 */
import "server-only";
import type { RoleCode } from "@/domain/roles";
import { getCatalogue } from "@/domain/catalogue/registry";
import { readinessOf, scoreLayerFor, type Readiness, type ScoreLayer } from "@/domain/readiness";
import {
  assessmentPolicy,
  holderOf,
  rolesOnUnit,
  type Decision,
  type Holder,
  type NextStep,
} from "@/domain/assessment-policy";
import { isOpenReturn, type AssessmentStatus } from "@/domain/review";
import type { Due } from "@/domain/timeline";
import { scopeOf, type Principal } from "@/server/authz";
import { isoFromDate, todayIso } from "@/server/dates";
import { getDb } from "@/server/db/client";
import { answerValue } from "@/server/scoring/inputs";
import { loadDutyFacts, policyFactsOf } from "@/server/lke/policy";
import { getPeriodeSchedule } from "./overview";

/** The unit a KEPALA_OPD or OPERATOR_OPD works for. */
export function unitOfRole(user: Principal, role: Extract<RoleCode, "KEPALA_OPD" | "OPERATOR_OPD">): string | null {
  return user.assignments.find((a) => a.role === role && a.unitId)?.unitId ?? null;
}

export interface QuestionRef {
  code: string;
  text: string;
}

export interface UnitDesk {
  unit: { id: string; name: string; shortName: string };
  assessment: {
    id: string;
    status: AssessmentStatus;
    revisionRound: number;
    questionCount: number;
    /** Questions without a SELF answer, in catalogue order. */
    unanswered: QuestionRef[];
    /** Answered, but without the catatan every answer needs. */
    withoutCatatan: QuestionRef[];
    /** SELF answers the TPI returned for revision, with its reason. */
    returned: (QuestionRef & { reason: string | null })[];
    hasilMissing: string[];
    /** Stored score of the layer that speaks for the unit. */
    score: {
      layer: ScoreLayer;
      total: number;
      pengungkit: number;
      hasil: number;
      readiness: Readiness;
      wbkEligible: boolean;
      wbbmEligible: boolean;
    } | null;
    /** Would "Ajukan ke TPI" be accepted from this user now, and if not why (the assessment policy). */
    submit: Decision;
    holder: Holder;
    next: NextStep | null;
    due: Due | null;
    overdue: boolean;
  } | null;
}

/** The unit's own LKE for the periode as its operator and head see it. */
export async function getUnitDesk(
  user: Principal,
  unitId: string,
  periodeId: string,
  today = todayIso(),
): Promise<UnitDesk | null> {
  const instansiId = user.instansiId;
  const db = getDb();
  const [unit, periode] = await Promise.all([
    db.unit.findFirst({
      where: { id: unitId, instansiId },
      select: {
        id: true,
        name: true,
        shortName: true,
        assessments: {
          where: { periodeId },
          select: {
            id: true,
            status: true,
            revisionRound: true,
            reopenedUntil: true,
            finalizedById: true,
            answers: {
              where: { layer: "SELF" },
              select: {
                optionLabel: true,
                counts: true,
                catatan: true,
                reviewStatus: true,
                returnReason: true,
                question: { select: { code: true } },
              },
            },
            hasil: { select: { layer: true, id: true, ipak: true, ipkp: true, capaianKinerja: true } },
            scores: {
              select: {
                layer: true,
                total: true,
                pengungkit: true,
                hasil: true,
                wbkEligible: true,
                wbbmEligible: true,
              },
            },
          },
        },
      },
    }),
    getPeriodeSchedule(instansiId, periodeId),
  ]);
  if (!unit || !periode) return null;
  const a = unit.assessments[0];
  const base = { id: unit.id, name: unit.name, shortName: unit.shortName };
  if (!a) return { unit: base, assessment: null };

  const catalogue = getCatalogue(periode.catalogueId);
  const ref = (code: string): QuestionRef => ({ code, text: catalogue.questionById.get(code)?.text ?? code });
  const facts = policyFactsOf(
    catalogue.questions.map((q) => q.id),
    a.answers.map((row) => ({
      code: row.question.code,
      answered: answerValue(row) !== null,
      catatan: row.catatan,
      reviewStatus: row.reviewStatus,
    })),
    a.hasil.find((h) => h.layer === "SELF"),
    a.hasil.find((h) => h.layer === "TPI"),
  );
  const roles = rolesOnUnit(user.assignments, unit.id);
  const duties = await loadDutyFacts(
    db,
    user,
    { id: a.id, finalizedById: a.finalizedById, unit: { id: unit.id, instansiId } },
    roles,
  );
  const schedule = {
    windows: periode.windows,
    pmpziDeadline: periode.pmpziDeadline,
    reopenedUntil: a.reopenedUntil && isoFromDate(a.reopenedUntil),
  };
  const policy = assessmentPolicy({ status: a.status, facts, schedule, today, roles, duties });
  const order = new Map(catalogue.questions.map((q, i) => [q.id, i]));
  const returned = a.answers
    .filter((row) => isOpenReturn(row.reviewStatus))
    .sort((x, y) => (order.get(x.question.code) ?? 0) - (order.get(y.question.code) ?? 0))
    .map((row) => ({ ...ref(row.question.code), reason: row.returnReason }));
  const unanswered = facts.unanswered.map(ref);
  const withoutCatatan = facts.withoutCatatan.map(ref);
  const hasilMissing = facts.selfHasilMissing;

  const wanted = scoreLayerFor(a.status);
  const s = a.scores.find((x) => x.layer === wanted) ?? a.scores.find((x) => x.layer === "SELF");
  return {
    unit: base,
    assessment: {
      id: a.id,
      status: a.status,
      revisionRound: a.revisionRound,
      questionCount: catalogue.questions.length,
      unanswered,
      withoutCatatan,
      returned,
      hasilMissing,
      score: s
        ? {
            layer: s.layer as ScoreLayer,
            total: s.total,
            pengungkit: s.pengungkit,
            hasil: s.hasil,
            readiness: readinessOf(s),
            wbkEligible: s.wbkEligible,
            wbbmEligible: s.wbbmEligible,
          }
        : null,
      submit: policy.capabilities.submit,
      holder: holderOf(a.status),
      next: policy.next,
      due: policy.late.due,
      overdue: policy.late.late,
    },
  };
}

export interface ReviewQueueItem {
  assessmentId: string;
  unitId: string;
  name: string;
  shortName: string;
  status: AssessmentStatus;
  submittedAt: Date | null;
  /** Questions the TPI has not accepted or changed yet (the count the finalise rule checks). */
  unreviewed: number;
  questionCount: number;
}

/** LKEs waiting for this TPI: its assigned units' assessments that are submitted or in review. */
export async function getReviewQueue(user: Principal, periodeId: string): Promise<ReviewQueueItem[]> {
  const scope = scopeOf(user, "review:write");
  if (!scope) return [];
  const rows = await getDb().assessment.findMany({
    where: {
      periodeId,
      status: { in: ["SUBMITTED", "IN_REVIEW"] },
      unit: { instansiId: user.instansiId, ...(scope.all ? {} : { id: { in: scope.unitIds } }) },
    },
    orderBy: [{ submittedAt: "asc" }, { unit: { name: "asc" } }],
    select: {
      id: true,
      status: true,
      submittedAt: true,
      unit: { select: { id: true, name: true, shortName: true } },
      periode: { select: { catalogueId: true } },
      _count: {
        select: {
          answers: { where: { layer: "SELF", reviewStatus: { in: ["ACCEPTED", "CHANGED"] } } },
        },
      },
    },
  });
  return rows.map((r) => {
    const questionCount = getCatalogue(r.periode.catalogueId).questions.length;
    return {
      assessmentId: r.id,
      unitId: r.unit.id,
      name: r.unit.name,
      shortName: r.unit.shortName,
      status: r.status,
      submittedAt: r.submittedAt,
      unreviewed: questionCount - r._count.answers,
      questionCount,
    };
  });
}
