import { getCatalogue } from "@/domain/catalogue/registry";
import { scoreAssessment } from "@/domain/scoring/score";
import type { PrismaClient } from "@/generated/prisma/client";
import { answersOf, hasilValue, previousPredicate } from "@/server/scoring/inputs";

export interface LayerScore {
  total: number;
  pengungkit: number;
  answeredCount: number;
}

/** What the pure engine makes of an LKE's stored answers, per layer: what its stored scores must equal. */
export async function engineScores(prisma: PrismaClient, assessmentId: string): Promise<Record<string, LayerScore>> {
  const a = await prisma.assessment.findUniqueOrThrow({
    where: { id: assessmentId },
    select: {
      unitId: true,
      periode: { select: { year: true, catalogueId: true, zeroBase: true } },
      answers: { select: { layer: true, optionLabel: true, counts: true, question: { select: { code: true } } } },
      hasil: { select: { layer: true, ipak: true, ipkp: true, capaianKinerja: true } },
    },
  });
  const previous = await previousPredicate(prisma, a.unitId, a.periode.year);
  const out: Record<string, LayerScore> = {};
  for (const layer of ["SELF", "TPI"] as const) {
    const s = scoreAssessment({
      catalogue: getCatalogue(a.periode.catalogueId),
      answers: answersOf(a.answers, layer),
      hasil: hasilValue(a.hasil.find((h) => h.layer === layer)),
      previousPredicate: previous,
      zeroBase: a.periode.zeroBase,
    });
    out[layer] = { total: s.total, pengungkit: s.pengungkit, answeredCount: s.answeredCount };
  }
  return out;
}

/** The stored scores of an LKE, per layer, in the same shape. */
export async function storedScores(prisma: PrismaClient, assessmentId: string): Promise<Record<string, LayerScore>> {
  const rows = await prisma.assessmentScore.findMany({ where: { assessmentId } });
  return Object.fromEntries(
    rows.map((s) => [s.layer, { total: s.total, pengungkit: s.pengungkit, answeredCount: s.answeredCount }]),
  );
}
