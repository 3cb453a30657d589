/**
 * One unit's scorecard (rapor) for a year, computed live by the scoring engine from the stored
 * answers, so it always equals what the engine says: the layer that speaks for the unit (TPI once
 * finalised, else its own), both layers side by side, the gap analysis towards WBK and WBBM,
 * evidence completeness per area (one grouped query) and the trend over the years from the stored
 * scores and penetapan results.
 */
import "server-only";
import { Prisma, type UnitType } from "@/generated/prisma/client";
import { getCatalogue } from "@/domain/catalogue/registry";
import type { Catalogue, PredicateCode } from "@/domain/catalogue/types";
import { readinessOf, scoreLayerFor, type Readiness, type ScoreLayer } from "@/domain/readiness";
import type { AssessmentStatus } from "@/domain/review";
import { gapAnalysis } from "@/domain/scoring/gap";
import { scoreAssessment } from "@/domain/scoring/score";
import type { GapAnalysis, HasilInput, Scorecard, ScoringInput, ZeroBaseRule } from "@/domain/scoring/types";
import { assertCan, can, type Principal } from "@/server/authz";
import { getDb } from "@/server/db/client";
import { answersOf, hasilValue, previousPredicate } from "@/server/scoring/inputs";

export interface AreaEvidence {
  areaId: string;
  questionCount: number;
  withEvidence: number;
}

export interface LayerView {
  layer: ScoreLayer;
  scorecard: Scorecard;
  hasil: HasilInput;
  /** Questions with an answer in this layer, per area id. */
  answeredByArea: Record<string, number>;
  /** Nothing recorded in this layer yet (no answer, no hasil input). */
  empty: boolean;
}

export interface TrendPoint {
  year: number;
  /** Stored total of the layer that speaks for that year's assessment; null without an LKE. */
  total: number | null;
  layer: ScoreLayer | null;
  status: AssessmentStatus | null;
  readiness: Readiness | null;
  penetapan: "WBK" | "WBBM" | "TIDAK" | null;
}

export interface ScorecardData {
  unit: { id: string; name: string; shortName: string; type: UnitType; headName: string | null };
  periode: { id: string; year: number; catalogueId: string; zeroBase: ZeroBaseRule };
  catalogue: Catalogue;
  assessment: { id: string; status: AssessmentStatus; lastActivityAt: Date } | null;
  /** The layer shown, and why. */
  layer: ScoreLayer;
  shown: LayerView;
  self: LayerView;
  tpi: LayerView;
  gap: GapAnalysis;
  previousPredicate: PredicateCode | null;
  evidence: { total: AreaEvidence; areas: AreaEvidence[] };
  trend: TrendPoint[];
  /** May the user open the unit's LKE (links to /penilaian)? */
  canOpenLke: boolean;
}

export type ScorecardResult =
  | { found: false }
  | { found: true; periodeMissing: true; unit: ScorecardData["unit"] }
  | ({ found: true; periodeMissing?: false } & ScorecardData);

/**
 * Questions with evidence per pengungkit area of the unit's LKE for the periode: one grouped query
 * over the catalogue's questions, the unit's SELF answers and their (not deleted) evidence.
 */
export async function evidenceByArea(unitId: string, periodeId: string, catalogueId: string): Promise<AreaEvidence[]> {
  const rows = await getDb().$queryRaw<{ areaId: string; questionCount: number; withEvidence: number }[]>(Prisma.sql`
    SELECT ar."code" AS "areaId",
           COUNT(q."id")::int AS "questionCount",
           (COUNT(q."id") FILTER (
             WHERE EXISTS (SELECT 1 FROM "Evidence" e WHERE e."answerId" = ans."id" AND e."deletedAt" IS NULL)
           ))::int AS "withEvidence"
      FROM "LkeQuestion" q
      JOIN "LkeArea" ar ON ar."id" = q."areaId"
      JOIN "LkeComponent" c ON c."id" = ar."componentId" AND c."kind" = 'PENGUNGKIT'
      LEFT JOIN "Assessment" a ON a."unitId" = ${unitId} AND a."periodeId" = ${periodeId}
      LEFT JOIN "Answer" ans ON ans."assessmentId" = a."id" AND ans."questionId" = q."id" AND ans."layer" = 'SELF'
     WHERE q."catalogueId" = ${catalogueId}
     GROUP BY ar."code", ar."position"
     ORDER BY ar."position"`);
  return rows.map((r) => ({
    areaId: r.areaId,
    questionCount: Number(r.questionCount),
    withEvidence: Number(r.withEvidence),
  }));
}

function layerView(
  catalogue: Catalogue,
  layer: ScoreLayer,
  rows: Parameters<typeof answersOf>[0],
  hasilRows: { layer: ScoreLayer; ipak: number | null; ipkp: number | null; capaianKinerja: string | null }[],
  previous: PredicateCode | null,
  zeroBase: ZeroBaseRule,
): LayerView & { input: ScoringInput } {
  const answers = answersOf(rows, layer);
  const hasilRow = hasilRows.find((h) => h.layer === layer);
  const hasil = hasilValue(hasilRow);
  const input: ScoringInput = { catalogue, answers, hasil, previousPredicate: previous, zeroBase };
  const answeredByArea: Record<string, number> = {};
  for (const code of Object.keys(answers)) {
    const q = catalogue.questionById.get(code);
    if (q) answeredByArea[q.areaId] = (answeredByArea[q.areaId] ?? 0) + 1;
  }
  const hasHasil = hasil.ipak !== null || hasil.ipkp !== null || hasil.capaianKinerja !== null;
  return {
    layer,
    input,
    scorecard: scoreAssessment(input),
    hasil,
    answeredByArea,
    empty: Object.keys(answers).length === 0 && !hasHasil,
  };
}

/**
 * The scorecard of a unit of the user's instansi for a year. `{found: false}` when the unit is not
 * the instansi's; ForbiddenError when the user may not read this unit's scorecard.
 */
export async function getScorecard(user: Principal, unitId: string, year: number): Promise<ScorecardResult> {
  const db = getDb();
  const unit = await db.unit.findFirst({
    where: { id: unitId, instansiId: user.instansiId },
    select: { id: true, name: true, shortName: true, type: true, headName: true, instansiId: true },
  });
  if (!unit) return { found: false };
  const target = { instansiId: unit.instansiId, unitId: unit.id };
  assertCan(user, "scorecard:read", target);
  const { instansiId: _instansi, ...unitView } = unit;

  const periode = await db.periode.findFirst({
    where: { instansiId: user.instansiId, year },
    select: { id: true, year: true, catalogueId: true, zeroBase: true },
  });
  if (!periode) return { found: true, periodeMissing: true, unit: unitView };
  const catalogue = getCatalogue(periode.catalogueId);

  const [assessment, previous, evidenceAreas, history, penetapan] = await Promise.all([
    db.assessment.findFirst({
      where: { unitId, periodeId: periode.id },
      select: {
        id: true,
        status: true,
        lastActivityAt: true,
        answers: { select: { layer: true, optionLabel: true, counts: true, question: { select: { code: true } } } },
        hasil: { select: { layer: true, ipak: true, ipkp: true, capaianKinerja: true } },
      },
    }),
    previousPredicate(db, unitId, periode.year),
    evidenceByArea(unitId, periode.id, periode.catalogueId),
    db.assessment.findMany({
      where: { unitId, periode: { instansiId: user.instansiId } },
      select: {
        status: true,
        periode: { select: { year: true } },
        scores: { select: { layer: true, total: true, wbkEligible: true, wbbmEligible: true } },
      },
    }),
    db.penetapan.findMany({ where: { unitId }, select: { year: true, result: true } }),
  ]);

  const status: AssessmentStatus = assessment?.status ?? "DRAFT";
  const layer = scoreLayerFor(status);
  const answerRows = assessment?.answers ?? [];
  const hasilRows = assessment?.hasil ?? [];
  const self = layerView(catalogue, "SELF", answerRows, hasilRows, previous, periode.zeroBase);
  const tpi = layerView(catalogue, "TPI", answerRows, hasilRows, previous, periode.zeroBase);
  const shown = layer === "TPI" ? tpi : self;
  const gap = gapAnalysis(shown.input, shown.scorecard);

  const total = evidenceAreas.reduce(
    (acc, a) => ({
      areaId: "TOTAL",
      questionCount: acc.questionCount + a.questionCount,
      withEvidence: acc.withEvidence + a.withEvidence,
    }),
    { areaId: "TOTAL", questionCount: 0, withEvidence: 0 },
  );

  const years = new Set<number>([...history.map((h) => h.periode.year), ...penetapan.map((p) => p.year)]);
  const trend: TrendPoint[] = [...years]
    .sort((a, b) => a - b)
    .map((y) => {
      const h = history.find((x) => x.periode.year === y);
      const wanted = h ? scoreLayerFor(h.status) : null;
      const score = h
        ? (h.scores.find((s) => s.layer === wanted) ?? h.scores.find((s) => s.layer === "SELF"))
        : undefined;
      return {
        year: y,
        total: score ? score.total : null,
        layer: score ? (score.layer as ScoreLayer) : null,
        status: h?.status ?? null,
        readiness: score ? readinessOf(score) : null,
        penetapan: penetapan.find((p) => p.year === y)?.result ?? null,
      };
    });

  const strip = ({ input: _input, ...view }: LayerView & { input: ScoringInput }): LayerView => view;
  return {
    found: true,
    unit: unitView,
    periode,
    catalogue,
    assessment: assessment
      ? { id: assessment.id, status: assessment.status, lastActivityAt: assessment.lastActivityAt }
      : null,
    layer,
    shown: strip(shown),
    self: strip(self),
    tpi: strip(tpi),
    gap,
    previousPredicate: previous,
    evidence: { total, areas: evidenceAreas },
    trend,
    canOpenLke: can(user, "assessment:read", target),
  };
}
