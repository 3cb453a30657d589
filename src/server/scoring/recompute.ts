import type { PrismaClient } from "@/generated/prisma/client";
import { getCatalogue } from "@/domain/catalogue/registry";
import { scoreAssessment } from "@/domain/scoring/score";
import type { Catalogue } from "@/domain/catalogue/types";
import type { Scorecard } from "@/domain/scoring/types";
import type { Tx } from "@/server/db/client";
import { answersOf, hasilValue, previousPredicate, type Layer } from "./inputs";

type Db = PrismaClient | Tx;

/**
 * Scores both layers of an assessment with the engine and stores the results, so dashboards can
 * aggregate in SQL. Called after every change to answers, hasil inputs, evidence or penetapan.
 */
export async function recomputeAssessmentScores(db: Db, assessmentId: string): Promise<Record<Layer, Scorecard>> {
  const assessment = await db.assessment.findUniqueOrThrow({
    where: { id: assessmentId },
    select: {
      unitId: true,
      periode: { select: { year: true, catalogueId: true, zeroBase: true } },
      answers: { select: { layer: true, optionLabel: true, counts: true, question: { select: { code: true } }, _count: { select: { evidence: { where: { deletedAt: null } } } } } },
      hasil: { select: { layer: true, ipak: true, ipkp: true, capaianKinerja: true } },
    },
  });
  const catalogue = getCatalogue(assessment.periode.catalogueId);
  const previous = await previousPredicate(db, assessment.unitId, assessment.periode.year);
  const withEvidence = new Set(assessment.answers.filter((a) => a.layer === "SELF" && a._count.evidence > 0).map((a) => a.question.code));
  const evidenceCount = withEvidence.size;
  const result = {} as Record<Layer, Scorecard>;
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
  return result;
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
