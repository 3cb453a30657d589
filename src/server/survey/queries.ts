/** Page data for the survey pages inside the app, scoped by the survey permissions. */
import { computeSurveyIndex } from "@/domain/survey/index";
import { can, unitWhere, type Principal } from "@/server/authz";
import { getDb } from "@/server/db/client";
import { roundResults, yearResults } from "./results";

export async function surveyUnits(user: Principal) {
  return getDb().unit.findMany({
    where: { ...unitWhere(user, "survey:read"), active: true },
    select: { id: true, name: true, shortName: true, instansiId: true },
    orderBy: { name: "asc" },
  });
}

/** A unit's rounds of a year with their respondent counts, and the year's pooled indices. */
export async function unitSurveyYear(user: Principal, unitId: string, year: number) {
  const db = getDb();
  const unit = await db.unit.findUnique({
    where: { id: unitId },
    select: { id: true, name: true, shortName: true, instansiId: true },
  });
  if (!unit || !can(user, "survey:read", { instansiId: unit.instansiId, unitId: unit.id })) return null;
  const rounds = await db.surveyRound.findMany({
    where: { unitId, year },
    orderBy: { openedAt: "desc" },
    select: {
      id: true,
      title: true,
      status: true,
      token: true,
      openedAt: true,
      closesOn: true,
      closedAt: true,
      minRespondents: true,
      _count: { select: { responses: { where: { voidedAt: null } } } },
    },
  });
  const instansi = await db.instansi.findUniqueOrThrow({
    where: { id: unit.instansiId },
    select: { surveyMinRespondents: true },
  });
  return {
    unit,
    minRespondents: instansi.surveyMinRespondents,
    canManage: can(user, "survey:manage", { instansiId: unit.instansiId, unitId: unit.id }),
    rounds: rounds.map((r) => ({ ...r, n: r._count.responses })),
    year: await yearResults(db, unitId, year),
  };
}

/** One round's results and its responses (no identity is stored, so none is shown). */
export async function surveyRoundDetail(user: Principal, roundId: string) {
  const db = getDb();
  const results = await roundResults(db, roundId);
  if (!results) return null;
  const unit = await db.unit.findUniqueOrThrow({
    where: { id: results.round.unitId },
    select: { id: true, name: true, shortName: true, instansiId: true },
  });
  const target = { instansiId: unit.instansiId, unitId: unit.id };
  if (!can(user, "survey:read", target)) return null;
  const responses = await db.surveyResponse.findMany({
    where: { roundId },
    orderBy: { createdAt: "asc" },
    select: { id: true, createdAt: true, answers: true, respondent: true, voidedAt: true, voidReason: true },
  });
  return { ...results, unit, canManage: can(user, "survey:manage", target), responses };
}

/** Each response's own mean per instrument, for the list next to the void button. */
export function responseMeans(answers: unknown): { spak: number | null; spkp: number | null } {
  const a = answers as { spak?: (number | null)[]; spkp?: (number | null)[] };
  return {
    spak: computeSurveyIndex([a.spak ?? []]).index,
    spkp: computeSurveyIndex([a.spkp ?? []]).index,
  };
}
