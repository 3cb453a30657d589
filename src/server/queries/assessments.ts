import { getCatalogue } from "@/domain/catalogue/registry";
import type { CatalogueArea, CatalogueQuestion } from "@/domain/catalogue/types";
import { selfAnswerEditable, tpiReviewOpen, type AssessmentStatus, type ReviewStatus } from "@/domain/review";
import { scoreAssessment } from "@/domain/scoring/score";
import type { AnswerValue } from "@/domain/scoring/types";
import { can, unitWhere, type Principal } from "@/server/authz";
import { isoFromDate, todayIso } from "@/server/dates";
import { getDb } from "@/server/db/client";
import { chainFacts, isFillWindowOpen, liveScore, stageWindows } from "@/server/lke/context";
import { answersOf, answerValue, hasilValue, previousPredicate } from "@/server/scoring/inputs";
import { fillWindowOpen } from "@/domain/timeline";

/** The assessments of a year the user may read, with their stored scores. */
export async function listAssessments(user: Principal, periodeId: string) {
  return getDb().assessment.findMany({
    where: { periodeId, unit: unitWhere(user, "assessment:read") },
    include: { unit: { select: { id: true, name: true, shortName: true, type: true } }, scores: true },
    orderBy: { unit: { name: "asc" } },
  });
}

export const HASIL_TAB = "HASIL";

export interface EvidenceView {
  id: string;
  originalName: string;
  size: number;
  mimeType: string;
  uploadedAt: string;
}

export interface SelfAnswerView {
  value: AnswerValue | null;
  catatan: string;
  version: number;
  reviewStatus: ReviewStatus;
  returnReason: string | null;
  revisionCount: number;
  updatedBy: string | null;
  updatedAt: string | null;
  evidence: EvidenceView[];
  editable: boolean;
}

export interface TpiAnswerView {
  value: AnswerValue | null;
  catatan: string;
  version: number;
  updatedBy: string | null;
  updatedAt: string | null;
}

export interface HistoryEntry {
  at: string;
  actor: string;
  action: string;
  before: unknown;
  after: unknown;
}

/**
 * Everything the LKE page shows for one area of one assessment, or null when the user may not read it.
 * A fixed number of queries, whatever the number of questions.
 */
export async function loadAssessmentView(user: Principal, assessmentId: string, areaParam: string | undefined, focusCode?: string) {
  const db = getDb();
  const a = await db.assessment.findUnique({
    where: { id: assessmentId },
    include: {
      unit: { select: { id: true, instansiId: true, name: true, shortName: true } },
      periode: { include: { stages: true } },
      answers: {
        include: {
          question: { select: { code: true } },
          evidence: { where: { deletedAt: null }, orderBy: { uploadedAt: "asc" }, select: { id: true, originalName: true, size: true, mimeType: true, uploadedAt: true } },
        },
      },
      hasil: { include: { evidence: { where: { deletedAt: null }, orderBy: { uploadedAt: "asc" } } } },
    },
  });
  if (!a) return { status: "missing" as const };
  const target = { instansiId: a.unit.instansiId, unitId: a.unit.id };
  if (!can(user, "assessment:read", target)) return { status: "forbidden" as const };

  const catalogue = getCatalogue(a.periode.catalogueId);
  // No area chosen but a question to jump to: open that question's area.
  const wanted = areaParam ?? (focusCode ? catalogue.questionById.get(focusCode)?.areaId : undefined);
  const area: CatalogueArea | null = catalogue.areas.find((x) => x.id === wanted) ?? (wanted === HASIL_TAB ? null : catalogue.areas[0]);
  const fillOpen = isFillWindowOpen(a);
  const status = a.status as AssessmentStatus;

  const userIds = new Set<string>();
  for (const row of a.answers) if (row.updatedById) userIds.add(row.updatedById);
  for (const row of a.hasil) if (row.updatedById) userIds.add(row.updatedById);
  const areaQuestions = area ? catalogue.questions.filter((q) => q.areaId === area.id) : [];
  const areaCodes = new Set(areaQuestions.map((q) => q.id));
  const areaAnswerIds = a.answers.filter((row) => areaCodes.has(row.question.code)).map((row) => row.id);
  const [audit, previous, facts] = await Promise.all([
    db.auditLog.findMany({ where: { entity: "Answer", entityId: { in: areaAnswerIds } }, orderBy: { id: "desc" } }),
    previousPredicate(db, a.unit.id, a.periode.year),
    chainFacts(db, { ...a, catalogue }, "SELF"),
  ]);
  for (const e of audit) if (e.actorId) userIds.add(e.actorId);
  const names = new Map((await db.user.findMany({ where: { id: { in: [...userIds] } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));

  const scores = {
    SELF: liveScore(scoreAssessment({ catalogue, answers: answersOf(a.answers, "SELF"), hasil: hasilValue(a.hasil.find((h) => h.layer === "SELF")), previousPredicate: previous, zeroBase: a.periode.zeroBase })),
    TPI: liveScore(scoreAssessment({ catalogue, answers: answersOf(a.answers, "TPI"), hasil: hasilValue(a.hasil.find((h) => h.layer === "TPI")), previousPredicate: previous, zeroBase: a.periode.zeroBase })),
  };

  const byCode = new Map<string, { self?: (typeof a.answers)[number]; tpi?: (typeof a.answers)[number] }>();
  for (const row of a.answers) {
    const entry = byCode.get(row.question.code) ?? {};
    if (row.layer === "SELF") entry.self = row;
    else entry.tpi = row;
    byCode.set(row.question.code, entry);
  }
  const mayWriteSelf = can(user, "answer:write", target);
  const answers: Record<string, { self: SelfAnswerView; tpi: TpiAnswerView | null }> = {};
  for (const q of areaQuestions) {
    const { self, tpi } = byCode.get(q.id) ?? {};
    const reviewStatus = (self?.reviewStatus ?? "PENDING") as ReviewStatus;
    answers[q.id] = {
      self: {
        value: self ? answerValue(self) : null,
        catatan: self?.catatan ?? "",
        version: self?.version ?? 0,
        reviewStatus,
        returnReason: self?.returnReason ?? null,
        revisionCount: self?.revisionCount ?? 0,
        updatedBy: self?.updatedById ? (names.get(self.updatedById) ?? null) : null,
        updatedAt: self?.updatedAt.toISOString() ?? null,
        evidence: (self?.evidence ?? []).map((e) => ({ ...e, uploadedAt: e.uploadedAt.toISOString() })),
        editable: mayWriteSelf && selfAnswerEditable(status, reviewStatus, fillOpen),
      },
      tpi: tpi
        ? {
            value: answerValue(tpi),
            catatan: tpi.catatan ?? "",
            version: tpi.version,
            updatedBy: tpi.updatedById ? (names.get(tpi.updatedById) ?? null) : null,
            updatedAt: tpi.updatedAt.toISOString(),
          }
        : null,
    };
  }

  const history: Record<string, HistoryEntry[]> = {};
  const codeOfAnswer = new Map(a.answers.map((row) => [row.id, row.question.code]));
  for (const e of audit) {
    const code = codeOfAnswer.get(e.entityId);
    if (!code) continue;
    (history[code] ??= []).push({ at: e.createdAt.toISOString(), actor: e.actorId ? (names.get(e.actorId) ?? "—") : "Sistem", action: e.action, before: e.before, after: e.after });
  }

  const hasilRow = (layer: "SELF" | "TPI") => {
    const row = a.hasil.find((h) => h.layer === layer);
    return {
      ipak: row?.ipak ?? null,
      ipkp: row?.ipkp ?? null,
      capaianKinerja: row?.capaianKinerja ?? null,
      catatan: row?.catatan ?? "",
      version: row?.version ?? 0,
      updatedBy: row?.updatedById ? (names.get(row.updatedById) ?? null) : null,
      evidence: (row?.evidence ?? []).map((e) => ({ id: e.id, field: e.hasilField, originalName: e.originalName, size: e.size, mimeType: e.mimeType, uploadedAt: e.uploadedAt.toISOString() })),
    };
  };

  // Progress per area (SELF layer): answered with catatan, and with evidence.
  const progress = catalogue.areas.map((ar) => {
    const qs = catalogue.questions.filter((q) => q.areaId === ar.id);
    const rows = qs.map((q) => byCode.get(q.id)?.self);
    return {
      id: ar.id,
      name: ar.name,
      total: qs.length,
      answered: rows.filter((r) => r && (r.optionLabel || r.counts)).length,
      evidence: rows.filter((r) => r && r.evidence.length > 0).length,
      returned: rows.filter((r) => r?.reviewStatus === "RETURNED").length,
    };
  });

  const reviewOpen = tpiReviewOpen(status);
  return {
    status: "ok" as const,
    view: {
      id: a.id,
      status,
      revisionRound: a.revisionRound,
      returnNote: a.returnNote,
      year: a.periode.year,
      unit: { id: a.unit.id, name: a.unit.name, shortName: a.unit.shortName },
      catalogueName: catalogue.name,
      settings: catalogue.settings,
      zeroBase: a.periode.zeroBase,
      fillOpen,
      fillWindowByStages: fillWindowOpen(stageWindows(a.periode), todayIso(), null),
      reopenedUntil: a.reopenedUntil ? isoFromDate(a.reopenedUntil) : null,
      reopenReason: a.reopenReason,
      areas: catalogue.areas.map((x) => ({ id: x.id, name: x.name, weight: x.weight })),
      area: area && {
        id: area.id,
        name: area.name,
        weight: area.weight,
        subAreas: area.subAreas.map((s) => ({ id: s.id, kind: s.kind, name: s.name, weight: s.weight, indicators: s.indicators.map((i) => ({ id: i.id, name: i.name, weight: i.weight, questions: i.questions.map(plainQuestion) })) })),
      },
      hasilDefinition: {
        ipak: { name: catalogue.hasil.ipak.name, min: catalogue.hasil.ipak.minIndex, scaleMin: catalogue.hasil.ipak.scaleMin, scaleMax: catalogue.hasil.ipak.scaleMax },
        ipkp: { name: catalogue.hasil.ipkp.name, min: catalogue.hasil.ipkp.minIndex, scaleMin: catalogue.hasil.ipkp.scaleMin, scaleMax: catalogue.hasil.ipkp.scaleMax },
        capaianKinerja: { name: catalogue.hasil.capaianKinerja.name, options: catalogue.hasil.capaianKinerja.options },
      },
      answers,
      hasil: { SELF: hasilRow("SELF"), TPI: hasilRow("TPI") },
      history,
      progress,
      scores,
      checklist: {
        incomplete: facts.incomplete.map((code) => ({ code, areaId: catalogue.questionById.get(code)!.areaId })),
        hasilMissing: facts.hasilMissing,
        openReturns: facts.openReturns,
        unreviewed: facts.unreviewed,
      },
      questionAreas: Object.fromEntries(catalogue.questions.map((q) => [q.id, q.areaId])),
      can: {
        writeSelf: mayWriteSelf && fillOpen && (status === "DRAFT" || status === "RETURNED"),
        writeSelfHasil: mayWriteSelf && fillOpen && status === "DRAFT",
        submit: can(user, "assessment:submit", target) && (status === "DRAFT" || status === "RETURNED") && fillOpen,
        review: can(user, "review:write", target) && reviewOpen,
        finalize: can(user, "assessment:finalize", target) && reviewOpen,
        approve: can(user, "assessment:approve", target) && status === "FINALIZED",
        reopen: can(user, "assessment:reopen", target),
      },
    },
  };
}

/** A catalogue question as plain data for the page (no shared references). */
function plainQuestion(q: CatalogueQuestion): CatalogueQuestion {
  return { ...q, options: q.options.map((o) => ({ ...o })), inputs: q.inputs.map((i) => ({ ...i })) };
}

export type AssessmentView = Extract<Awaited<ReturnType<typeof loadAssessmentView>>, { status: "ok" }>["view"];

/**
 * One layer of an assessment in the command-line scorer's input format
 * ({catalogue, answers, hasil, previousPredicate}), for batch checks and integrations.
 */
export async function exportScoringInput(user: Principal, assessmentId: string, layer: "SELF" | "TPI") {
  const db = getDb();
  const a = await db.assessment.findUnique({
    where: { id: assessmentId },
    include: {
      unit: { select: { id: true, instansiId: true } },
      periode: { select: { year: true, catalogueId: true, zeroBase: true } },
      answers: { where: { layer }, select: { layer: true, optionLabel: true, counts: true, question: { select: { code: true } } } },
      hasil: { where: { layer } },
    },
  });
  if (!a) return { status: "missing" as const };
  if (!can(user, "assessment:read", { instansiId: a.unit.instansiId, unitId: a.unit.id })) return { status: "forbidden" as const };
  const hasil = hasilValue(a.hasil[0]);
  return {
    status: "ok" as const,
    input: {
      catalogue: a.periode.catalogueId,
      answers: answersOf(a.answers, layer),
      hasil: Object.fromEntries(Object.entries(hasil).filter(([, v]) => v !== null)),
      previousPredicate: await previousPredicate(db, a.unit.id, a.periode.year),
      // Only when it differs from the default, so older tools reading the file see what they know.
      ...(a.periode.zeroBase === "ZERO" ? {} : { zeroBase: a.periode.zeroBase }),
    },
  };
}
