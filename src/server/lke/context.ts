/**
 * Loading an assessment for a write and the facts the review chain checks. Shared by the LKE
 * actions and the evidence routes so each rule is applied the same way everywhere.
 */
import { formatScoreAgainst } from "@/domain/scoring/format";
import { displayThresholds } from "@/domain/scoring/score";
import { getCatalogue } from "@/domain/catalogue/registry";
import type { Catalogue } from "@/domain/catalogue/types";
import { startsReview } from "@/domain/assessment-policy";
import type { StageWindow } from "@/domain/timeline";
import type { Target } from "@/server/authz";
import { isoFromDate } from "@/server/dates";
import type { PrismaClient } from "@/generated/prisma/client";
import type { Tx } from "@/server/db/client";
import { NotFoundError } from "@/server/errors";
import { recomputeAssessmentScores } from "@/server/scoring/recompute";
import type { tpiProgress } from "@/server/scoring/inputs";
import type { Scorecard } from "@/domain/scoring/types";

type TpiProgress = ReturnType<typeof tpiProgress>;

/** Reads work with the client or inside a transaction. */
export type Db = PrismaClient | Tx;

export async function loadAssessment(tx: Db, assessmentId: string) {
  const assessment = await tx.assessment.findUnique({
    where: { id: assessmentId },
    include: {
      unit: { select: { id: true, instansiId: true, name: true, shortName: true } },
      periode: { include: { stages: true } },
    },
  });
  if (!assessment) throw new NotFoundError("Penilaian tidak ditemukan.");
  return { ...assessment, catalogue: getCatalogue(assessment.periode.catalogueId) };
}

export type LoadedAssessment = Awaited<ReturnType<typeof loadAssessment>>;

/**
 * Every write to an assessment (answers, hasil, reviews, chain moves, evidence) first locks its row,
 * so two writes to one LKE run one after the other: a submission cannot slip between an answer
 * being cleared and saved, two approvals cannot both pass.
 */
export async function lockAssessment(tx: Tx, assessmentId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Assessment" WHERE id = ${assessmentId} FOR UPDATE`;
}

/**
 * An answer save only needs the LKE to stay in its state while it writes: it takes the row's shared
 * lock (KEY SHARE), so saves to different questions run side by side, while a chain move (FOR UPDATE)
 * still waits for every save in flight and every later save sees the move.
 */
export async function shareAssessment(tx: Tx, assessmentId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Assessment" WHERE id = ${assessmentId} FOR KEY SHARE`;
}

/**
 * Serialises the stored-score refresh of one LKE until the transaction ends. Taken last, just before
 * the scores are read and written, so it is held only for the short recompute and the commit; the
 * read that follows starts a fresh snapshot (READ COMMITTED), so it sees every answer whose
 * transaction released this lock before — the last save to commit stores the score of all of them.
 */
export async function lockScores(tx: Tx, assessmentId: string): Promise<void> {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${"scores:" + assessmentId}))::text`;
}

export type LockedTarget = Target & { assessment: LoadedAssessment };

/**
 * The `target` of an LKE write action: lock the assessment, then read it once — for whose it is
 * and, through `ctx.target.assessment`, for the handler's own checks.
 */
export async function lockedTarget(
  { assessmentId }: { assessmentId: string },
  { tx }: { tx: Tx },
): Promise<LockedTarget> {
  await lockAssessment(tx, assessmentId);
  const assessment = await loadAssessment(tx, assessmentId);
  return { ...targetOf(assessment), assessment };
}

/** The `target` of an answer save: like `lockedTarget`, with the shared lock (see `shareAssessment`). */
export async function sharedTarget(
  { assessmentId }: { assessmentId: string },
  { tx }: { tx: Tx },
): Promise<LockedTarget> {
  await shareAssessment(tx, assessmentId);
  const assessment = await loadAssessment(tx, assessmentId);
  return { ...targetOf(assessment), assessment };
}

export function targetOf(a: { unit: { instansiId: string; id: string } }): Target {
  return { instansiId: a.unit.instansiId, unitId: a.unit.id };
}

export function stageWindows(periode: { stages: { stage: string; startDate: Date; endDate: Date }[] }): StageWindow[] {
  return periode.stages.map((s) => ({
    stage: s.stage as StageWindow["stage"],
    start: isoFromDate(s.startDate),
    end: isoFromDate(s.endDate),
  }));
}

export function questionOf(catalogue: Catalogue, code: string) {
  const question = catalogue.questionById.get(code);
  if (!question) throw new NotFoundError(`Pertanyaan ${code} tidak ada di katalog ${catalogue.name}.`);
  return question;
}

/** The database row of a catalogue question (answers reference it). */
export async function questionRowId(tx: Db, catalogueId: string, code: string): Promise<string> {
  const row = await tx.lkeQuestion.findUnique({
    where: { catalogueId_code: { catalogueId, code } },
    select: { id: true },
  });
  if (!row) throw new NotFoundError(`Pertanyaan ${code} tidak ditemukan.`);
  return row.id;
}

/**
 * The TPI's first review step moves a submitted LKE to "in review", audited like every other move.
 * (The caller has already checked the TPI's "review" capability.)
 */
export async function startReviewIfSubmitted(
  tx: Tx,
  a: LoadedAssessment,
  audit: (e: { action: string; entity: string; entityId: string; before: unknown; after: unknown }) => Promise<void>,
) {
  if (!startsReview(a.status)) return;
  await tx.assessment.update({ where: { id: a.id }, data: { status: "IN_REVIEW" } });
  await audit({
    action: "assessment.startReview",
    entity: "Assessment",
    entityId: a.id,
    before: { status: a.status },
    after: { status: "IN_REVIEW" },
  });
}

/** After any change: stamp the activity and recompute the stored scores of both layers. */
export async function afterChange(tx: Tx, assessmentId: string) {
  await lockScores(tx, assessmentId);
  await tx.assessment.update({ where: { id: assessmentId }, data: { lastActivityAt: new Date() } });
  const scores = await recomputeAssessmentScores(tx, assessmentId);
  return liveScores(scores);
}

/**
 * The score panel's data: both layers, the TPI's projection (its answers where reviewed, the unit's
 * elsewhere) and how far the TPI is.
 */
export function liveScores(s: { SELF: Scorecard; TPI: Scorecard; PROJECTED: Scorecard; progress: TpiProgress }) {
  return { SELF: liveScore(s.SELF), TPI: liveScore(s.TPI), PROJECTED: liveScore(s.PROJECTED), progress: s.progress };
}

/**
 * The numbers the LKE page's score panel shows (serialisable), with their display text next to the
 * thresholds (a value below a minimum never reads as reaching it).
 */
export function liveScore(s: Scorecard) {
  const t = displayThresholds(getCatalogue(s.catalogueId));
  return {
    total: s.total,
    totalText: formatScoreAgainst(s.total, t.total),
    pengungkit: s.pengungkit,
    pengungkitText: formatScoreAgainst(s.pengungkit, t.pengungkit),
    hasil: s.hasil,
    answered: s.answeredCount,
    questions: s.questionCount,
    areas: s.areas.map((x) => ({
      id: x.id,
      name: x.name,
      weight: x.weight,
      score: x.score,
      scoreText: formatScoreAgainst(x.score, t.areas[x.id] ?? []),
      pct: x.pct,
    })),
    wbk: { eligible: s.wbk.eligible, unmet: s.wbk.unmet.map((u) => u.label) },
    wbbm: { eligible: s.wbbm.eligible, unmet: s.wbbm.unmet.map((u) => u.label) },
  };
}

export type LiveScore = ReturnType<typeof liveScore>;
export type LiveScores = ReturnType<typeof liveScores>;
