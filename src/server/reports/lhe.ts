/**
 * The data of the TPI's LHE for one unit's LKE: both layers scored by the engine (stage 1 uses the
 * TPI's answers where it has reviewed and the unit's elsewhere, as a provisional figure), the TPI team,
 * questions without evidence, returned questions and the gap analysis of the TPI's figure.
 */
import { getCatalogue } from "@/domain/catalogue/registry";
import type { Catalogue } from "@/domain/catalogue/types";
import { lheStage, type LheStage } from "@/domain/lhe";
import { isOpenReturn, type AssessmentStatus } from "@/domain/review";
import { gapAnalysis } from "@/domain/scoring/gap";
import { scoreAssessment } from "@/domain/scoring/score";
import type { GapAnalysis, HasilInput, Scorecard } from "@/domain/scoring/types";
import { can, type Principal } from "@/server/authz";
import { getDb } from "@/server/db/client";
import type { Db } from "@/server/lke/context";
import { answersOf, hasilValue, previousPredicate, projectedInput } from "@/server/scoring/inputs";

export interface LheData {
  assessmentId: string;
  stage: LheStage;
  status: AssessmentStatus;
  unit: { id: string; name: string; headName: string | null; headNip: string | null };
  year: number;
  catalogue: Catalogue;
  self: Scorecard;
  tpi: Scorecard;
  selfHasil: HasilInput;
  tpiHasil: HasilInput;
  gap: GapAnalysis;
  team: { name: string; nip: string | null }[];
  chair: { name: string; nip: string | null } | null;
  missingEvidence: { id: string; text: string }[];
  returned: { id: string; text: string; reason: string | null }[];
}

export type LheResult =
  | { outcome: "missing" }
  | { outcome: "forbidden" }
  | { outcome: "unavailable"; status: AssessmentStatus }
  | { outcome: "ok"; data: LheData };

/** `db` is a transaction when the LHE is archived as the LKE is returned (the new status is not committed yet). */
export async function loadLhe(user: Principal, assessmentId: string, db: Db = getDb()): Promise<LheResult> {
  const a = await db.assessment.findFirst({
    where: { id: assessmentId, unit: { instansiId: user.instansiId } },
    select: {
      id: true,
      status: true,
      finalizedById: true,
      unit: { select: { id: true, instansiId: true, name: true, headName: true, headNip: true } },
      periode: { select: { year: true, catalogueId: true, zeroBase: true } },
      answers: {
        select: {
          layer: true,
          optionLabel: true,
          counts: true,
          reviewStatus: true,
          returnReason: true,
          question: { select: { code: true } },
          _count: { select: { evidence: { where: { deletedAt: null } } } },
        },
      },
      hasil: { select: { layer: true, ipak: true, ipkp: true, capaianKinerja: true } },
    },
  });
  if (!a) return { outcome: "missing" };
  if (!can(user, "lhe:read", { instansiId: a.unit.instansiId, unitId: a.unit.id })) return { outcome: "forbidden" };
  const stage = lheStage(a.status);
  if (!stage) return { outcome: "unavailable", status: a.status };

  const catalogue = getCatalogue(a.periode.catalogueId);
  const previous = await previousPredicate(db, a.unit.id, a.periode.year);
  const base = { catalogue, zeroBase: a.periode.zeroBase, previousPredicate: previous };
  const selfHasil = hasilValue(a.hasil.find((h) => h.layer === "SELF"));
  const self = scoreAssessment({ ...base, answers: answersOf(a.answers, "SELF"), hasil: selfHasil });
  const tpiInput =
    stage === 2
      ? { answers: answersOf(a.answers, "TPI"), hasil: hasilValue(a.hasil.find((h) => h.layer === "TPI")) }
      : projectedInput(a.answers, a.hasil);
  const tpi = scoreAssessment({ ...base, ...tpiInput });
  const gap = gapAnalysis({ ...base, ...tpiInput }, tpi);

  const team = await db.user.findMany({
    where: { instansiId: user.instansiId, active: true, roles: { some: { role: "TPI", unitId: a.unit.id } } },
    select: { id: true, name: true, nip: true },
    orderBy: { name: "asc" },
  });
  const chair = team.find((t) => t.id === a.finalizedById) ?? team[0] ?? null;

  const selfRows = new Map(a.answers.filter((r) => r.layer === "SELF").map((r) => [r.question.code, r]));
  const missingEvidence = catalogue.questions
    .filter((q) => selfRows.has(q.id) && selfRows.get(q.id)!._count.evidence === 0)
    .map((q) => ({ id: q.id, text: q.text }));
  const returned = catalogue.questions
    .filter((q) => selfRows.has(q.id) && isOpenReturn(selfRows.get(q.id)!.reviewStatus))
    .map((q) => ({ id: q.id, text: q.text, reason: selfRows.get(q.id)!.returnReason }));

  return {
    outcome: "ok",
    data: {
      assessmentId: a.id,
      stage,
      status: a.status,
      unit: { id: a.unit.id, name: a.unit.name, headName: a.unit.headName, headNip: a.unit.headNip },
      year: a.periode.year,
      catalogue,
      self,
      tpi,
      selfHasil,
      tpiHasil: tpiInput.hasil,
      gap,
      team: team.map(({ name, nip }) => ({ name, nip })),
      chair: chair ? { name: chair.name, nip: chair.nip } : null,
      missingEvidence,
      returned,
    },
  };
}

export function lheFileName(d: { unitName: string; year: number; stage: LheStage }): string {
  const unit =
    d.unitName
      .replace(/[^A-Za-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .toLowerCase() || "unit";
  return `lhe-${unit}-${d.year}-tahap-${d.stage}.pdf`;
}
