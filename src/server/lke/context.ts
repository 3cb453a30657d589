/**
 * Loading an assessment for a write and the facts the review chain checks. Shared by the LKE
 * actions and the evidence routes so each rule is applied the same way everywhere.
 */
import { formatScoreAgainst } from "@/domain/scoring/format";
import { displayThresholds } from "@/domain/scoring/score";
import { getCatalogue } from "@/domain/catalogue/registry";
import type { Catalogue } from "@/domain/catalogue/types";
import { reviewFacts, transition, type ChainFacts } from "@/domain/review";
import { fillWindowOpen, type StageWindow } from "@/domain/timeline";
import type { Target } from "@/server/authz";
import { isoFromDate, todayIso } from "@/server/dates";
import type { PrismaClient } from "@/generated/prisma/client";
import type { Tx } from "@/server/db/client";
import { UserError } from "@/server/errors";
import { recomputeAssessmentScores } from "@/server/scoring/recompute";

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
  if (!assessment) throw new UserError("Penilaian tidak ditemukan.");
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

export type LockedTarget = Target & { assessment: LoadedAssessment };

/**
 * The `target` of an LKE write action: lock the assessment, then read it once — for whose it is
 * and, through `ctx.target.assessment`, for the handler's own checks.
 */
export async function lockedTarget({ assessmentId }: { assessmentId: string }, { tx }: { tx: Tx }): Promise<LockedTarget> {
  await lockAssessment(tx, assessmentId);
  const assessment = await loadAssessment(tx, assessmentId);
  return { ...targetOf(assessment), assessment };
}

export function targetOf(a: { unit: { instansiId: string; id: string } }): Target {
  return { instansiId: a.unit.instansiId, unitId: a.unit.id };
}

export function stageWindows(periode: { stages: { stage: string; startDate: Date; endDate: Date }[] }): StageWindow[] {
  return periode.stages.map((s) => ({ stage: s.stage as StageWindow["stage"], start: isoFromDate(s.startDate), end: isoFromDate(s.endDate) }));
}

/** Is the unit's fill window open today (stage windows or an ADMIN reopening)? */
export function isFillWindowOpen(a: Pick<LoadedAssessment, "periode" | "reopenedUntil">): boolean {
  return fillWindowOpen(stageWindows(a.periode), todayIso(), a.reopenedUntil ? isoFromDate(a.reopenedUntil) : null);
}

export function questionOf(catalogue: Catalogue, code: string) {
  const question = catalogue.questionById.get(code);
  if (!question) throw new UserError(`Pertanyaan ${code} tidak ada di katalog ${catalogue.name}.`);
  return question;
}

/** The database row of a catalogue question (answers reference it). */
export async function questionRowId(tx: Db, catalogueId: string, code: string): Promise<string> {
  const row = await tx.lkeQuestion.findUnique({ where: { catalogueId_code: { catalogueId, code } }, select: { id: true } });
  if (!row) throw new UserError(`Pertanyaan ${code} tidak ditemukan.`);
  return row.id;
}

/** What the transition rules need: missing answers/catatan, open returns, unreviewed questions, missing hasil. */
export async function chainFacts(
  tx: Db,
  a: { id: string; catalogue: Catalogue } & Pick<LoadedAssessment, "periode" | "reopenedUntil">,
  hasilLayer: "SELF" | "TPI",
): Promise<ChainFacts> {
  const [answers, hasil] = await Promise.all([
    tx.answer.findMany({
      where: { assessmentId: a.id, layer: "SELF" },
      select: { optionLabel: true, counts: true, catatan: true, reviewStatus: true, question: { select: { code: true } } },
    }),
    tx.hasilInput.findUnique({ where: { assessmentId_layer: { assessmentId: a.id, layer: hasilLayer } } }),
  ]);
  return reviewFacts(
    a.catalogue.questions.map((q) => q.id),
    answers.map((x) => ({ code: x.question.code, answered: !!(x.optionLabel || x.counts), catatan: x.catatan, reviewStatus: x.reviewStatus })),
    hasil,
    isFillWindowOpen(a),
  );
}

/**
 * The TPI's first review step moves a submitted LKE to "in review" — through the domain chain and
 * audited like every other move.
 */
export async function startReviewIfSubmitted(tx: Tx, a: LoadedAssessment, audit: (e: { action: string; entity: string; entityId: string; before: unknown; after: unknown }) => Promise<void>) {
  if (a.status !== "SUBMITTED") return;
  const result = transition(a.status, "startReview", await chainFacts(tx, a, "TPI"));
  if (!result.ok) throw new UserError(result.reason);
  await tx.assessment.update({ where: { id: a.id }, data: { status: result.next } });
  await audit({ action: "assessment.startReview", entity: "Assessment", entityId: a.id, before: { status: a.status }, after: { status: result.next } });
}

/** After any change: stamp the activity and recompute the stored scores of both layers. */
export async function afterChange(tx: Tx, assessmentId: string) {
  await tx.assessment.update({ where: { id: assessmentId }, data: { lastActivityAt: new Date() } });
  const scores = await recomputeAssessmentScores(tx, assessmentId);
  return { SELF: liveScore(scores.SELF), TPI: liveScore(scores.TPI) };
}

/**
 * The numbers the LKE page's score panel shows (serialisable), with their display text next to the
 * thresholds (a value below a minimum never reads as reaching it).
 */
export function liveScore(s: import("@/domain/scoring/types").Scorecard) {
  const t = displayThresholds(getCatalogue(s.catalogueId));
  return {
    total: s.total,
    totalText: formatScoreAgainst(s.total, t.total),
    pengungkit: s.pengungkit,
    pengungkitText: formatScoreAgainst(s.pengungkit, t.pengungkit),
    hasil: s.hasil,
    answered: s.answeredCount,
    questions: s.questionCount,
    areas: s.areas.map((x) => ({ id: x.id, name: x.name, weight: x.weight, score: x.score, scoreText: formatScoreAgainst(x.score, t.areas[x.id] ?? []), pct: x.pct })),
    wbk: { eligible: s.wbk.eligible, unmet: s.wbk.unmet.map((u) => u.label) },
    wbbm: { eligible: s.wbbm.eligible, unmet: s.wbbm.unmet.map((u) => u.label) },
  };
}

export type LiveScore = ReturnType<typeof liveScore>;
export type LiveScores = { SELF: LiveScore; TPI: LiveScore };
