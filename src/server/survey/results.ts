/**
 * Survey results read from the stored responses (voided ones left out) and computed by the pure index
 * function in src/domain/survey: per round, per year (the year's rounds pooled) and the values offered to the LKE.
 */
import {
  computeSurveyIndex,
  poolRounds,
  roundForLke,
  type Scale,
  type SurveyAnswers,
  type SurveyIndex,
} from "@/domain/survey/index";
import { defaultInstrument, type SurveyElement, type SurveyKindCode } from "@/domain/survey/instruments";
import type { Db } from "@/server/lke/context";

export const KINDS: readonly SurveyKindCode[] = ["SPAK", "SPKP"];

type Instrument = {
  id: string;
  kind: SurveyKindCode;
  version: number;
  elements: unknown;
  scaleMin: number;
  scaleMax: number;
  respondentFields: string[];
};

export function instrumentView(i: Instrument) {
  return {
    id: i.id,
    kind: i.kind,
    version: i.version,
    elements: i.elements as SurveyElement[],
    scale: [i.scaleMin, i.scaleMax] as Scale,
    respondentFields: i.respondentFields,
  };
}
export type InstrumentView = ReturnType<typeof instrumentView>;

/** The instansi's newest instrument version of a kind, or null when it still runs on the defaults. */
export async function latestInstrument(db: Db, instansiId: string, kind: SurveyKindCode) {
  return db.surveyInstrument.findFirst({ where: { instansiId, kind }, orderBy: { version: "desc" } });
}

/** The newest version, creating version 1 from the defaults on first use (inside the caller's audited write). */
export async function ensureInstrument(db: Db, instansiId: string, kind: SurveyKindCode, userId: string) {
  const found = await latestInstrument(db, instansiId, kind);
  if (found) return found;
  const d = defaultInstrument(kind);
  return db.surveyInstrument.create({
    data: {
      instansiId,
      kind,
      version: 1,
      elements: d.elements as unknown as object,
      scaleMin: d.scale[0],
      scaleMax: d.scale[1],
      respondentFields: d.respondentFields,
      createdById: userId,
    },
  });
}

type StoredAnswers = { spak?: (number | null)[]; spkp?: (number | null)[] };

const answersOf = (rows: { answers: unknown }[], kind: SurveyKindCode): SurveyAnswers =>
  rows.map((r) => ((r.answers as StoredAnswers)[kind === "SPAK" ? "spak" : "spkp"] ?? []) as (number | null)[]);

const roundInclude = {
  spak: true,
  spkp: true,
  responses: { where: { voidedAt: null }, select: { answers: true } },
} as const;

export interface KindResult {
  kind: SurveyKindCode;
  instrument: InstrumentView;
  result: SurveyIndex;
}

export function kindResults(round: {
  minRespondents: number;
  spak: Instrument;
  spkp: Instrument;
  responses: { answers: unknown }[];
}): KindResult[] {
  return KINDS.map((kind) => {
    const instrument = instrumentView(kind === "SPAK" ? round.spak : round.spkp);
    const result = computeSurveyIndex(answersOf(round.responses, kind), instrument.scale, {
      minRespondents: round.minRespondents,
      elementCount: instrument.elements.length,
    });
    return { kind, instrument, result };
  });
}

export async function roundResults(db: Db, roundId: string) {
  const round = await db.surveyRound.findUnique({ where: { id: roundId }, include: roundInclude });
  if (!round) return null;
  return { round, kinds: kindResults(round) };
}

export interface YearKindResult {
  kind: SurveyKindCode;
  /** Pooled over the year's rounds; per-element means only when every round used the same instrument version. */
  result: SurveyIndex;
  scale: Scale;
  /** The value the LKE takes (0–4, two decimals). */
  lkeValue: number | null;
  rounds: { id: string; title: string; n: number }[];
}

/** The year's IPAK (SPAK) and IPKP (SPKP) of a unit: every round of the year pooled, respondent by respondent. */
export async function yearResults(db: Db, unitId: string, year: number): Promise<YearKindResult[]> {
  const rounds = await db.surveyRound.findMany({
    where: { unitId, year },
    include: roundInclude,
    orderBy: { openedAt: "asc" },
  });
  const minRespondents = rounds.length ? Math.max(...rounds.map((r) => r.minRespondents)) : undefined;
  return KINDS.map((kind) => {
    const parts = rounds.map((r) => {
      const instrument = instrumentView(kind === "SPAK" ? r.spak : r.spkp);
      return {
        id: r.id,
        title: r.title,
        instrumentId: instrument.id,
        answers: answersOf(r.responses, kind),
        scale: instrument.scale,
      };
    });
    const sameInstrument = new Set(parts.map((p) => p.instrumentId)).size <= 1;
    const pooled = poolRounds(parts) ?? { answers: [], scale: [1, 4] as Scale };
    // Different instrument versions can ask different elements: only the respondents' own means pool then.
    const answers = sameInstrument ? pooled.answers : pooled.answers.map((r) => [mean(r)]);
    const result = computeSurveyIndex(answers, pooled.scale, { minRespondents });
    return {
      kind,
      result,
      scale: pooled.scale,
      lkeValue: result.lkeIndex === null ? null : roundForLke(result.lkeIndex),
      rounds: parts.map((p) => ({ id: p.id, title: p.title, n: computeSurveyIndex(p.answers, p.scale).n })),
    };
  });
}

function mean(r: readonly (number | null)[]): number | null {
  const xs = r.filter((v): v is number => v !== null);
  return xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : null;
}
