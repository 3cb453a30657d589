import type { PrismaClient } from "@/generated/prisma/client";
import { getCatalogue } from "@/domain/catalogue/registry";
import { scoreAssessment } from "@/domain/scoring/score";
import type { Catalogue } from "@/domain/catalogue/types";
import type { Scorecard, ZeroBaseRule } from "@/domain/scoring/types";
import type { ReviewStatus } from "@/domain/review";
import type { Tx } from "@/server/db/client";
import { answersOf, hasilValue, previousPredicate, projectedInput, tpiProgress, type Layer } from "./inputs";

type Db = PrismaClient | Tx;

/**
 * Scores both layers of an assessment with the engine and stores the results, so dashboards can
 * aggregate in SQL. Called after every change to answers, hasil inputs, evidence or penetapan.
 */
export async function recomputeAssessmentScores(
  db: Db,
  assessmentId: string,
): Promise<Record<Layer | "PROJECTED", Scorecard> & { progress: ReturnType<typeof tpiProgress> }> {
  const assessment = await loadScoringInput(db, assessmentId);
  const catalogue = getCatalogue(assessment.periode.catalogueId);
  const previous = await previousPredicate(db, assessment.unitId, assessment.periode.year);
  const withEvidence = new Set(
    assessment.answers.filter((a) => a.layer === "SELF" && a._count.evidence > 0).map((a) => a.question.code),
  );
  const evidenceCount = withEvidence.size;
  const result = {} as Record<Layer | "PROJECTED", Scorecard>;
  for (const layer of ["SELF", "TPI"] as const) {
    const scorecard = scoreAssessment({
      catalogue,
      answers: answersOf(assessment.answers, layer),
      hasil: hasilValue(assessment.hasil.find((h) => h.layer === layer)),
      previousPredicate: previous,
      zeroBase: assessment.periode.zeroBase,
    });
    result[layer] = scorecard;
    const data = storedScore(catalogue, scorecard, withEvidence, evidenceCount);
    await db.assessmentScore.upsert({
      where: { assessmentId_layer: { assessmentId, layer } },
      create: { assessmentId, layer, ...data },
      update: data,
    });
  }
  // The projection is shown, not stored: dashboards read only the two real layers.
  result.PROJECTED = scoreAssessment({
    catalogue,
    ...projectedInput(assessment.answers, assessment.hasil),
    previousPredicate: previous,
    zeroBase: assessment.periode.zeroBase,
  });
  return { ...result, progress: tpiProgress(catalogue.questions.length, assessment.answers, assessment.hasil) };
}

type AnswerRow = {
  layer: Layer;
  optionLabel: string | null;
  counts: unknown;
  reviewStatus: ReviewStatus;
  code: string;
  evidence: boolean;
};

/**
 * Everything the engine needs for one assessment, in two statements (the scores are refreshed inside
 * the per-LKE score lock, so this read is kept short): its periode, and each answer with its
 * question code and whether it has live evidence.
 */
async function loadScoringInput(db: Db, assessmentId: string) {
  const head = await db.$queryRaw<
    {
      unitId: string;
      year: number;
      catalogueId: string;
      zeroBase: ZeroBaseRule;
      hasil: { layer: Layer; ipak: number | null; ipkp: number | null; capaianKinerja: string | null }[];
    }[]
  >`
    SELECT a."unitId", p.year, p."catalogueId", p."zeroBase"::text AS "zeroBase",
      COALESCE((SELECT json_agg(json_build_object('layer', h.layer, 'ipak', h.ipak, 'ipkp', h.ipkp, 'capaianKinerja', h."capaianKinerja"))
                FROM "HasilInput" h WHERE h."assessmentId" = a.id), '[]'::json) AS hasil
    FROM "Assessment" a JOIN "Periode" p ON p.id = a."periodeId" WHERE a.id = ${assessmentId}`;
  if (head.length === 0) throw new Error(`Assessment ${assessmentId} not found`);
  const rows = await db.$queryRaw<AnswerRow[]>`
    SELECT an.layer::text AS layer, an."optionLabel", an.counts, an."reviewStatus"::text AS "reviewStatus", q.code,
      EXISTS (SELECT 1 FROM "Evidence" e WHERE e."answerId" = an.id AND e."deletedAt" IS NULL) AS evidence
    FROM "Answer" an JOIN "LkeQuestion" q ON q.id = an."questionId" WHERE an."assessmentId" = ${assessmentId}`;
  const { unitId, year, catalogueId, zeroBase, hasil } = head[0];
  return {
    unitId,
    periode: { year, catalogueId, zeroBase },
    hasil,
    answers: rows.map((r) => ({ ...r, question: { code: r.code }, _count: { evidence: r.evidence ? 1 : 0 } })),
  };
}

/** The stored row of one layer's scorecard: the engine's numbers plus per-area progress for dashboards. */
export function storedScore(
  catalogue: Catalogue,
  scorecard: Scorecard,
  withEvidence: ReadonlySet<string>,
  evidenceCount: number,
) {
  return {
    total: scorecard.total,
    pengungkit: scorecard.pengungkit,
    pemenuhan: scorecard.pemenuhan,
    reform: scorecard.reform,
    hasil: scorecard.hasil,
    birokrasiBersih: scorecard.birokrasiBersih,
    ipak: scorecard.ipak,
    ipkp: scorecard.ipkp,
    capaianKinerja: scorecard.capaianKinerja,
    wbkEligible: scorecard.wbk.eligible,
    wbbmEligible: scorecard.wbbm.eligible,
    areas: scorecard.areas.map((a) => {
      // Progress per area, so dashboards can query it: answered, with evidence, questions.
      const questions = catalogue.questions.filter((q) => q.areaId === a.id);
      return {
        id: a.id,
        weight: a.weight,
        score: a.score,
        pemenuhan: a.pemenuhan,
        reform: a.reform,
        questions: questions.length,
        answered: questions.filter((q) => scorecard.questions[q.id]?.answered).length,
        evidence: questions.filter((q) => withEvidence.has(q.id)).length,
      };
    }),
    wbkUnmet: scorecard.wbk.unmet.map((u) => u.code),
    wbbmUnmet: scorecard.wbbm.unmet.map((u) => u.code),
    answeredCount: scorecard.answeredCount,
    questionCount: scorecard.questionCount,
    evidenceCount,
    computedAt: new Date(),
  };
}
