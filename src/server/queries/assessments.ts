import "server-only";
import { getCatalogue } from "@/domain/catalogue/registry";
import type { CatalogueArea, CatalogueQuestion } from "@/domain/catalogue/types";
import {
  holderOf,
  selfAnswerDecision,
  sentBackToTpi,
  tpiFinal,
  type Capability,
  type Decision,
} from "@/domain/assessment-policy";
import { isOpenReturn, isSettled, type AssessmentStatus, type ReviewStatus } from "@/domain/review";
import { percentageScore, scoreAssessment } from "@/domain/scoring/score";
import { formatPercent } from "@/domain/scoring/format";
import type { AnswerValue } from "@/domain/scoring/types";
import { can, unitWhere, type Principal } from "@/server/authz";
import { isoFromDate } from "@/server/dates";
import { getDb } from "@/server/db/client";
import { liveScores } from "@/server/lke/context";
import { loadPolicy } from "@/server/lke/policy";
import {
  answersOf,
  answerValue,
  hasilValue,
  previousPredicate,
  projectedInput,
  tpiProgress,
} from "@/server/scoring/inputs";
import { yearResults } from "@/server/survey/results";

/** The assessments of a year the user may read, with their stored scores. */
export async function listAssessments(user: Principal, periodeId: string, statuses?: readonly AssessmentStatus[]) {
  return getDb().assessment.findMany({
    where: {
      periodeId,
      unit: unitWhere(user, "assessment:read"),
      ...(statuses ? { status: { in: [...statuses] } } : {}),
    },
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
  /** Evidence text and links an imported workbook named (null when none). */
  evidenceNote: { text: string; links: string[] } | null;
  editable: boolean;
  /** Where the app took the value from ("pengaduan", as of a date); null when typed by hand. */
  provenance: { source: string; asOf: string } | null;
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
export async function loadAssessmentView(
  user: Principal,
  assessmentId: string,
  areaParam: string | undefined,
  focusCode?: string,
) {
  const db = getDb();
  const a = await db.assessment.findUnique({
    where: { id: assessmentId },
    include: {
      unit: { select: { id: true, instansiId: true, name: true, shortName: true } },
      periode: { include: { stages: true } },
      answers: {
        include: {
          question: { select: { code: true } },
          evidence: {
            where: { deletedAt: null },
            orderBy: { uploadedAt: "asc" },
            select: { id: true, originalName: true, size: true, mimeType: true, uploadedAt: true },
          },
        },
      },
      hasil: { include: { evidence: { where: { deletedAt: null }, orderBy: { uploadedAt: "asc" } } } },
      lheArchives: { orderBy: { revisionRound: "desc" }, take: 1, select: { createdAt: true } },
    },
  });
  if (!a) return { outcome: "missing" as const };
  const target = { instansiId: a.unit.instansiId, unitId: a.unit.id };
  if (!can(user, "assessment:read", target)) return { outcome: "forbidden" as const };

  const catalogue = getCatalogue(a.periode.catalogueId);
  // No area chosen but a question to jump to: open that question's area.
  const wanted = areaParam ?? (focusCode ? catalogue.questionById.get(focusCode)?.areaId : undefined);
  const area: CatalogueArea | null =
    catalogue.areas.find((x) => x.id === wanted) ?? (wanted === HASIL_TAB ? null : catalogue.areas[0]);
  const status = a.status as AssessmentStatus;

  const userIds = new Set<string>();
  for (const row of a.answers) if (row.updatedById) userIds.add(row.updatedById);
  for (const row of a.hasil) if (row.updatedById) userIds.add(row.updatedById);
  const areaQuestions = area ? catalogue.questions.filter((q) => q.areaId === area.id) : [];
  const areaCodes = new Set(areaQuestions.map((q) => q.id));
  const areaAnswerIds = a.answers.filter((row) => areaCodes.has(row.question.code)).map((row) => row.id);
  const [audit, previous, policy] = await Promise.all([
    db.auditLog.findMany({ where: { entity: "Answer", entityId: { in: areaAnswerIds } }, orderBy: { id: "desc" } }),
    previousPredicate(db, a.unit.id, a.periode.year),
    loadPolicy(db, user, { ...a, catalogue }),
  ]);
  const facts = policy.facts;
  for (const e of audit) if (e.actorId) userIds.add(e.actorId);
  const names = new Map(
    (await db.user.findMany({ where: { id: { in: [...userIds] } }, select: { id: true, name: true } })).map((u) => [
      u.id,
      u.name,
    ]),
  );

  const scores = liveScores({
    SELF: scoreAssessment({
      catalogue,
      answers: answersOf(a.answers, "SELF"),
      hasil: hasilValue(a.hasil.find((h) => h.layer === "SELF")),
      previousPredicate: previous,
      zeroBase: a.periode.zeroBase,
    }),
    TPI: scoreAssessment({
      catalogue,
      answers: answersOf(a.answers, "TPI"),
      hasil: hasilValue(a.hasil.find((h) => h.layer === "TPI")),
      previousPredicate: previous,
      zeroBase: a.periode.zeroBase,
    }),
    PROJECTED: scoreAssessment({
      catalogue,
      ...projectedInput(a.answers, a.hasil),
      previousPredicate: previous,
      zeroBase: a.periode.zeroBase,
    }),
    progress: tpiProgress(catalogue.questions.length, a.answers, a.hasil),
  });

  const byCode = pairsByCode(a.answers);
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
        evidenceNote:
          self && (self.evidenceNote || self.evidenceLinks.length > 0)
            ? { text: self.evidenceNote ?? "", links: self.evidenceLinks }
            : null,
        editable: selfAnswerDecision(policy, reviewStatus).allowed,
        provenance: (self?.provenance as { source: string; asOf: string } | null | undefined) ?? null,
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
    (history[code] ??= []).push({
      at: e.createdAt.toISOString(),
      actor: e.actorId ? (names.get(e.actorId) ?? "—") : "Sistem",
      action: e.action,
      before: e.before,
      after: e.after,
    });
  }

  const hasilRow = (layer: "SELF" | "TPI") => {
    const row = a.hasil.find((h) => h.layer === layer);
    return {
      ipak: row?.ipak ?? null,
      ipkp: row?.ipkp ?? null,
      capaianKinerja: row?.capaianKinerja ?? null,
      // Null: typed by hand; otherwise the survey rounds and respondents the value was taken from.
      ipakSource: sourceView(row?.ipakSource),
      ipkpSource: sourceView(row?.ipkpSource),
      catatan: row?.catatan ?? "",
      version: row?.version ?? 0,
      updatedBy: row?.updatedById ? (names.get(row.updatedById) ?? null) : null,
      evidence: (row?.evidence ?? []).map((e) => ({
        id: e.id,
        field: e.hasilField,
        originalName: e.originalName,
        size: e.size,
        mimeType: e.mimeType,
        uploadedAt: e.uploadedAt.toISOString(),
      })),
    };
  };

  // Progress per area (SELF layer): answered with catatan, with evidence, returned; and what the TPI has not settled.
  const progress = catalogue.areas.map((ar) => {
    const qs = catalogue.questions.filter((q) => q.areaId === ar.id);
    const rows = qs.map((q) => byCode.get(q.id)?.self);
    return {
      id: ar.id,
      name: ar.name,
      total: qs.length,
      answered: rows.filter((r) => r && (r.optionLabel || r.counts)).length,
      evidence: rows.filter((r) => r && r.evidence.length > 0).length,
      returned: rows.filter((r) => r && isOpenReturn(r.reviewStatus)).length,
      unreviewed: rows.filter((r) => !r || !isSettled(r.reviewStatus)).length,
      differences: qs.filter((q) => differs(byCode.get(q.id))).length,
    };
  });
  // The TPI's review order: the questions it has not settled yet, in catalogue order.
  const unreviewedCodes = catalogue.questions
    .filter((q) => {
      const r = byCode.get(q.id)?.self;
      return !r || !isSettled(r.reviewStatus);
    })
    .map((q) => ({ code: q.id, areaId: q.areaId }));
  const differenceCodes = catalogue.questions.filter((q) => differs(byCode.get(q.id))).map((q) => q.id);

  return {
    outcome: "ok" as const,
    view: {
      id: a.id,
      status,
      revisionRound: a.revisionRound,
      returnNote: a.returnNote,
      /** When the stage I LHE handed over with the latest return was archived (null: never returned). */
      lheStageOneAt: a.lheArchives[0]?.createdAt.toISOString() ?? null,
      year: a.periode.year,
      unit: { id: a.unit.id, name: a.unit.name, shortName: a.unit.shortName },
      catalogueName: catalogue.name,
      settings: catalogue.settings,
      zeroBase: a.periode.zeroBase,
      fillOpen: policy.fillOpen,
      fillWindowByStages: policy.fillOpenByStages,
      holder: holderOf(status),
      sentBack: sentBackToTpi(status, a.returnNote),
      final: tpiFinal(status),
      next: policy.next,
      late: policy.late,
      reopenedUntil: a.reopenedUntil ? isoFromDate(a.reopenedUntil) : null,
      reopenReason: a.reopenReason,
      areas: catalogue.areas.map((x) => ({ id: x.id, name: x.name, weight: x.weight })),
      area: area && {
        id: area.id,
        name: area.name,
        weight: area.weight,
        subAreas: area.subAreas.map((s) => ({
          id: s.id,
          kind: s.kind,
          name: s.name,
          weight: s.weight,
          indicators: s.indicators.map((i) => ({
            id: i.id,
            name: i.name,
            weight: i.weight,
            questions: i.questions.map(plainQuestion),
          })),
        })),
      },
      hasilDefinition: {
        ipak: {
          name: catalogue.hasil.ipak.name,
          min: catalogue.hasil.ipak.minIndex,
          scaleMin: catalogue.hasil.ipak.scaleMin,
          scaleMax: catalogue.hasil.ipak.scaleMax,
        },
        ipkp: {
          name: catalogue.hasil.ipkp.name,
          min: catalogue.hasil.ipkp.minIndex,
          scaleMin: catalogue.hasil.ipkp.scaleMin,
          scaleMax: catalogue.hasil.ipkp.scaleMax,
        },
        capaianKinerja: { name: catalogue.hasil.capaianKinerja.name, options: catalogue.hasil.capaianKinerja.options },
      },
      answers,
      hasil: { SELF: hasilRow("SELF"), TPI: hasilRow("TPI") },
      surveys: await surveyOffer(a.unit.id, a.periode.year),
      history,
      progress,
      scores,
      checklist: {
        incomplete: facts.incomplete.map((code) => ({ code, areaId: catalogue.questionById.get(code)!.areaId })),
        hasilMissing: facts.selfHasilMissing,
        tpiHasilMissing: facts.tpiHasilMissing,
        openReturns: facts.openReturns,
        unreviewed: facts.unreviewed,
      },
      questionAreas: Object.fromEntries(catalogue.questions.map((q) => [q.id, q.areaId])),
      unreviewedCodes,
      differenceCodes,
      questionOrder: catalogue.questions.map((q) => q.id),
      can: {
        writeSelf: policy.capabilities.writeSelf.allowed,
        writeSelfHasil: policy.capabilities.writeSelfHasil.allowed,
        submit: policy.capabilities.submit.allowed,
        review: policy.capabilities.review.allowed,
        finalize: policy.capabilities.finalize.allowed,
        approve: policy.capabilities.approve.allowed,
        reopen: policy.capabilities.reopen.allowed,
      },
      /**
       * The chain steps this user's role performs on this LKE, offered even while blocked: the dialog
       * shows why. A step that is not the user's (FORBIDDEN) or not in this state (LOCKED) is left out.
       */
      decisions: offered(policy.capabilities),
    },
  };
}

const CHAIN_STEPS = ["submit", "return", "finalize", "approve", "sendBack"] as const satisfies readonly Capability[];
export type ChainStep = (typeof CHAIN_STEPS)[number];

function offered(caps: Record<Capability, Decision>): Partial<Record<ChainStep, Decision>> {
  const out: Partial<Record<ChainStep, Decision>> = {};
  for (const step of CHAIN_STEPS) {
    const d = caps[step];
    if (d.allowed || d.code === "INCOMPLETE" || d.code === "SEPARATION_OF_DUTIES") out[step] = d;
  }
  return out;
}

/** The TPI's answer differs from the unit's (only a reviewed question has one). */
function differs(
  pair:
    | { self?: { optionLabel: string | null; counts: unknown }; tpi?: { optionLabel: string | null; counts: unknown } }
    | undefined,
): boolean {
  if (!pair?.self || !pair.tpi) return false;
  return JSON.stringify(answerValue(pair.self)) !== JSON.stringify(answerValue(pair.tpi));
}

/** A catalogue question as plain data for the page (no shared references). */
function plainQuestion(q: CatalogueQuestion): CatalogueQuestion {
  return { ...q, options: q.options.map((o) => ({ ...o })), inputs: q.inputs.map((i) => ({ ...i })) };
}

export type AssessmentView = Extract<Awaited<ReturnType<typeof loadAssessmentView>>, { outcome: "ok" }>["view"];

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
      answers: {
        where: { layer },
        select: { layer: true, optionLabel: true, counts: true, question: { select: { code: true } } },
      },
      hasil: { where: { layer } },
    },
  });
  if (!a) return { outcome: "missing" as const };
  if (!can(user, "assessment:read", { instansiId: a.unit.instansiId, unitId: a.unit.id }))
    return { outcome: "forbidden" as const };
  const hasil = hasilValue(a.hasil[0]);
  return {
    outcome: "ok" as const,
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

/** An answer as a short text for the decision summary: the label, or a percentage question's percentage. */
function answerText(
  question: CatalogueQuestion,
  value: AnswerValue | null,
  settings: Parameters<typeof percentageScore>[2],
): string {
  if (value === null) return "belum dijawab";
  if (typeof value === "string") return value;
  if (typeof value === "number") return formatPercent(value);
  return formatPercent(percentageScore(question, value as Record<string, number>, settings) * 100);
}

/**
 * What pimpinan decides on: the LKE page's view (scores, decisions, evidence progress), every question
 * where the TPI's answer differs from the unit's with the TPI's note, and the TPI's note on hasil.
 */
export async function loadDecisionSummary(user: Principal, assessmentId: string) {
  const base = await loadAssessmentView(user, assessmentId, undefined);
  if (base.outcome !== "ok") return base;
  const db = getDb();
  const a = await db.assessment.findUniqueOrThrow({
    where: { id: assessmentId },
    select: {
      afirmasi: true,
      afirmasiReason: true,
      unit: { select: { id: true, instansiId: true } },
      periode: { select: { catalogueId: true } },
      answers: {
        select: { layer: true, optionLabel: true, counts: true, catatan: true, question: { select: { code: true } } },
      },
    },
  });
  const catalogue = getCatalogue(a.periode.catalogueId);
  const byCode = pairsByCode(a.answers);
  const areaName = new Map(catalogue.areas.map((x) => [x.id, x.name]));
  const differences = catalogue.questions.flatMap((q) => {
    const pair = byCode.get(q.id);
    if (!differs(pair)) return [];
    return [
      {
        code: q.id,
        areaId: q.areaId,
        areaName: areaName.get(q.areaId) ?? q.areaId,
        text: q.text,
        self: answerText(q, answerValue(pair!.self!), catalogue.settings),
        tpi: answerText(q, answerValue(pair!.tpi!), catalogue.settings),
        note: pair!.tpi!.catatan ?? "",
      },
    ];
  });
  const afirmasi = {
    afirmasi: a.afirmasi,
    reason: a.afirmasiReason ?? "",
    editable: can(user, "proposal:afirmasi", { instansiId: a.unit.instansiId, unitId: a.unit.id }),
  };
  return { outcome: "ok" as const, view: base.view, differences, afirmasi };
}

/** A question's unit (SELF) and TPI answer rows side by side, by question code. */
function pairsByCode<R extends { layer: string; question: { code: string } }>(
  rows: readonly R[],
): Map<string, { self?: R; tpi?: R }> {
  const byCode = new Map<string, { self?: R; tpi?: R }>();
  for (const row of rows) {
    const entry = byCode.get(row.question.code) ?? {};
    if (row.layer === "SELF") entry.self = row;
    else entry.tpi = row;
    byCode.set(row.question.code, entry);
  }
  return byCode;
}

/** What the LKE page shows of an IPAK/IPKP taken from the surveys (the stored provenance lists each round). */
export interface SurveySourceView {
  year: number;
  n: number;
  rounds: number;
  belowMinimum: boolean;
}

function sourceView(stored: unknown): SurveySourceView | null {
  if (!stored || typeof stored !== "object") return null;
  const s = stored as { year: number; n: number; rounds?: unknown[]; belowMinimum?: boolean };
  return { year: s.year, n: s.n, rounds: s.rounds?.length ?? 0, belowMinimum: !!s.belowMinimum };
}

/** The year's survey indices a unit's LKE can take: value on 0–4, respondents, rounds. */
async function surveyOffer(unitId: string, year: number) {
  const results = await yearResults(getDb(), unitId, year);
  const pick = (kind: "SPAK" | "SPKP") => {
    const r = results.find((x) => x.kind === kind)!;
    return r.lkeValue === null
      ? null
      : {
          value: r.lkeValue,
          n: r.result.n,
          rounds: r.rounds.length,
          belowMinimum: r.result.belowMinimum,
          minRespondents: r.result.minRespondents,
        };
  };
  return { ipak: pick("SPAK"), ipkp: pick("SPKP") };
}
