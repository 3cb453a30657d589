/**
 * The instansi overview: every active unit with its stored score for the year, in a fixed number of
 * queries whatever the number of units (the periode with its stages, and the units with their
 * assessment and scores). The scores were computed by the engine when the answers were saved
 * (src/server/scoring/recompute.ts); nothing is recomputed here.
 */
import "server-only";
import type { UnitType } from "@/generated/prisma/client";
import { readinessOf, scoreLayerFor, type Readiness, type ScoreLayer } from "@/domain/readiness";
import type { AssessmentStatus } from "@/domain/review";
import { lateness, STAGES, type Due, type StageWindow } from "@/domain/timeline";
import { unitWhere, type Principal } from "@/server/authz";
import { isoFromDate, todayIso } from "@/server/dates";
import { getDb } from "@/server/db/client";

export interface PeriodeSchedule {
  id: string;
  year: number;
  status: "PERSIAPAN" | "BERJALAN" | "DITUTUP";
  catalogueId: string;
  pmpziDeadline: string;
  windows: StageWindow[];
}

export interface OverviewAssessment {
  id: string;
  status: AssessmentStatus;
  /** The layer the figures below come from (TPI once finalised, else the unit's own). */
  layer: ScoreLayer;
  total: number;
  pengungkit: number;
  hasil: number;
  wbkEligible: boolean;
  wbbmEligible: boolean;
  readiness: Readiness;
  answeredCount: number;
  questionCount: number;
  evidenceCount: number;
  /** Questions with evidence ÷ questions, 0–100. */
  evidencePct: number;
  lastActivityAt: Date;
  due: Due | null;
  overdue: boolean;
}

export interface OverviewRow {
  unitId: string;
  name: string;
  shortName: string;
  type: UnitType;
  proposedForZi: boolean;
  /** Null when the unit has no LKE this year. */
  assessment: OverviewAssessment | null;
}

export interface OverviewSummary {
  /** Units proposed for ZI (with an LKE this year). */
  proposed: number;
  readyWbk: number;
  readyWbbm: number;
  overdue: number;
}

export interface Overview {
  periode: PeriodeSchedule;
  today: string;
  rows: OverviewRow[];
  summary: OverviewSummary;
}

const periodeSelect = {
  id: true,
  year: true,
  status: true,
  catalogueId: true,
  pmpziDeadline: true,
  stages: { select: { stage: true, startDate: true, endDate: true } },
} as const;

export function scheduleOf(p: {
  id: string;
  year: number;
  status: PeriodeSchedule["status"];
  catalogueId: string;
  pmpziDeadline: Date;
  stages: { stage: StageWindow["stage"]; startDate: Date; endDate: Date }[];
}): PeriodeSchedule {
  const windows = STAGES.flatMap((stage) => {
    const s = p.stages.find((x) => x.stage === stage);
    return s ? [{ stage, start: isoFromDate(s.startDate), end: isoFromDate(s.endDate) }] : [];
  });
  return {
    id: p.id,
    year: p.year,
    status: p.status,
    catalogueId: p.catalogueId,
    pmpziDeadline: isoFromDate(p.pmpziDeadline),
    windows,
  };
}

/** One periode of the user's instansi with its stage windows, or null. */
export async function getPeriodeSchedule(instansiId: string, periodeId: string): Promise<PeriodeSchedule | null> {
  const p = await getDb().periode.findFirst({ where: { id: periodeId, instansiId }, select: periodeSelect });
  return p ? scheduleOf(p) : null;
}

/**
 * Every active unit the user may see on the overview, with this year's stored score of the layer
 * that speaks for it. Null when the periode is not the user's instansi's.
 */
export async function getOverview(user: Principal, periodeId: string, today = todayIso()): Promise<Overview | null> {
  return overviewOf(user.instansiId, unitWhere(user, "overview:read"), periodeId, today);
}

/**
 * One instansi's overview with all its units, for the province roll-up's read-only look inside it.
 * The caller has checked `province:read`; the instansi is named explicitly, never taken from the user.
 */
export async function getInstansiOverview(instansiId: string, periodeId: string, today = todayIso()) {
  return overviewOf(instansiId, { instansiId }, periodeId, today);
}

async function overviewOf(
  instansiId: string,
  unitFilter: ReturnType<typeof unitWhere>,
  periodeId: string,
  today: string,
): Promise<Overview | null> {
  const db = getDb();
  const [periodeRow, units] = await Promise.all([
    db.periode.findFirst({ where: { id: periodeId, instansiId }, select: periodeSelect }),
    db.unit.findMany({
      where: { ...unitFilter, instansiId, active: true },
      orderBy: { name: "asc" },
      select: {
        id: true,
        name: true,
        shortName: true,
        type: true,
        proposedForZi: true,
        assessments: {
          where: { periodeId },
          select: {
            id: true,
            status: true,
            lastActivityAt: true,
            reopenedUntil: true,
            scores: {
              select: {
                layer: true,
                total: true,
                pengungkit: true,
                hasil: true,
                wbkEligible: true,
                wbbmEligible: true,
                answeredCount: true,
                questionCount: true,
                evidenceCount: true,
              },
            },
          },
        },
      },
    }),
  ]);
  if (!periodeRow) return null;
  const periode = scheduleOf(periodeRow);

  const rows: OverviewRow[] = units.map((u) => {
    const a = u.assessments[0];
    let assessment: OverviewAssessment | null = null;
    if (a) {
      const wanted = scoreLayerFor(a.status);
      // A score row exists for both layers once the engine has run; fall back to the unit's own.
      const score = a.scores.find((s) => s.layer === wanted) ?? a.scores.find((s) => s.layer === "SELF");
      const layer = (score?.layer ?? "SELF") as ScoreLayer;
      const { due, late } = lateness(
        a.status,
        {
          windows: periode.windows,
          pmpziDeadline: periode.pmpziDeadline,
          reopenedUntil: a.reopenedUntil && isoFromDate(a.reopenedUntil),
        },
        today,
      );
      assessment = {
        id: a.id,
        status: a.status,
        layer,
        total: score?.total ?? 0,
        pengungkit: score?.pengungkit ?? 0,
        hasil: score?.hasil ?? 0,
        wbkEligible: score?.wbkEligible ?? false,
        wbbmEligible: score?.wbbmEligible ?? false,
        readiness: readinessOf({
          wbkEligible: score?.wbkEligible ?? false,
          wbbmEligible: score?.wbbmEligible ?? false,
        }),
        answeredCount: score?.answeredCount ?? 0,
        questionCount: score?.questionCount ?? 0,
        evidenceCount: score?.evidenceCount ?? 0,
        evidencePct: score && score.questionCount > 0 ? (score.evidenceCount / score.questionCount) * 100 : 0,
        lastActivityAt: a.lastActivityAt,
        due,
        overdue: late,
      };
    }
    return {
      unitId: u.id,
      name: u.name,
      shortName: u.shortName,
      type: u.type,
      proposedForZi: u.proposedForZi,
      assessment,
    };
  });

  const withLke = rows.flatMap((r) => (r.assessment ? [r.assessment] : []));
  return {
    periode,
    today,
    rows,
    summary: {
      proposed: withLke.length,
      readyWbk: withLke.filter((a) => a.wbkEligible).length,
      readyWbbm: withLke.filter((a) => a.wbbmEligible).length,
      overdue: withLke.filter((a) => a.overdue).length,
    },
  };
}
