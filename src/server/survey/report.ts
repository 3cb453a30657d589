/**
 * The data of a unit's survey report for one year: the instrument versions its rounds asked, each round's
 * results, the year's pooled indices, the respondent profile and the findings — every index from the pure
 * domain functions, read the same way as the results pages.
 */
import { surveyFindings, type SurveyFindings } from "@/domain/survey/findings";
import type { SurveyIndex } from "@/domain/survey/index";
import {
  acceptsResponses,
  RESPONDENT_FIELDS,
  type RespondentField,
  type SurveyKindCode,
} from "@/domain/survey/instruments";
import { can, type Principal } from "@/server/authz";
import { getDb } from "@/server/db/client";
import { instrumentView, KINDS, kindResults, yearResults, type InstrumentView, type YearKindResult } from "./results";

export interface ReportRound {
  id: string;
  title: string;
  open: boolean;
  openedAt: Date;
  closesOn: Date | null;
  closedAt: Date | null;
  minRespondents: number;
  /** Responses kept (the index rests on them) and voided ones. */
  kept: number;
  voided: number;
  results: Record<SurveyKindCode, { instrument: InstrumentView; result: SurveyIndex }>;
}

export interface ReportKind {
  kind: SurveyKindCode;
  year: YearKindResult;
  /** The element means the findings read: the year's when every round asked the same version, else the last round's. */
  basis: { instrument: InstrumentView; means: (number | null)[]; from: string } | null;
  findings: SurveyFindings;
}

export interface SurveyReportData {
  unit: { id: string; name: string };
  year: number;
  instansiMinimum: number;
  rounds: ReportRound[];
  instruments: InstrumentView[];
  kinds: ReportKind[];
  profile: { field: RespondentField; label: string; counts: { value: string; count: number }[] }[];
}

export type SurveyReportResult =
  | { outcome: "missing" }
  | { outcome: "forbidden" }
  | { outcome: "unavailable"; message: string }
  | { outcome: "ok"; data: SurveyReportData };

export async function loadSurveyReport(user: Principal, unitId: string, year: number): Promise<SurveyReportResult> {
  const db = getDb();
  const unit = await db.unit.findUnique({
    where: { id: unitId },
    select: { id: true, name: true, instansiId: true, instansi: { select: { surveyMinRespondents: true } } },
  });
  if (!unit) return { outcome: "missing" };
  if (!can(user, "survey:read", { instansiId: unit.instansiId, unitId: unit.id })) return { outcome: "forbidden" };
  const rows = await db.surveyRound.findMany({
    where: { unitId, year },
    include: {
      spak: true,
      spkp: true,
      responses: { select: { answers: true, respondent: true, voidedAt: true } },
    },
    orderBy: { openedAt: "asc" },
  });
  if (!rows.length) return { outcome: "unavailable", message: `Unit ini belum memiliki putaran survei pada ${year}.` };

  const rounds: ReportRound[] = rows.map((r) => {
    const kept = r.responses.filter((x) => x.voidedAt === null);
    const results = Object.fromEntries(
      kindResults({ ...r, responses: kept }).map((k) => [k.kind, { instrument: k.instrument, result: k.result }]),
    ) as ReportRound["results"];
    return {
      id: r.id,
      title: r.title,
      open: acceptsResponses(r.status),
      openedAt: r.openedAt,
      closesOn: r.closesOn,
      closedAt: r.closedAt,
      minRespondents: r.minRespondents,
      kept: kept.length,
      voided: r.responses.length - kept.length,
      results,
    };
  });
  const instruments = [
    ...new Map(rows.flatMap((r) => [r.spak, r.spkp]).map((i) => [i.id, instrumentView(i)])).values(),
  ];

  const pooled = await yearResults(db, unitId, year);
  const kinds = KINDS.map((kind): ReportKind => {
    const yearKind = pooled.find((p) => p.kind === kind)!;
    const perRound = rounds.map((r) => ({ title: r.title, ...r.results[kind] }));
    const same = new Set(perRound.map((r) => r.instrument.id)).size === 1;
    const last = [...perRound].reverse().find((r) => r.result.n > 0);
    const basis = same
      ? { instrument: perRound[0].instrument, means: yearKind.result.elements, from: `tahun ${year}` }
      : last
        ? { instrument: last.instrument, means: last.result.elements, from: last.title }
        : null;
    return {
      kind,
      year: yearKind,
      basis,
      findings: surveyFindings(basis?.instrument.elements ?? [], basis?.means ?? [], perRound),
    };
  });

  const asked = new Set(instruments.flatMap((i) => i.respondentFields));
  const kept = rows.flatMap((r) => r.responses.filter((x) => x.voidedAt === null));
  const profile = (Object.keys(RESPONDENT_FIELDS) as RespondentField[])
    .filter((f) => asked.has(f))
    .map((field) => {
      const counts = new Map<string, number>();
      for (const x of kept) {
        const v = (x.respondent as Partial<Record<RespondentField, string>> | null)?.[field] ?? "Tidak diisi";
        counts.set(v, (counts.get(v) ?? 0) + 1);
      }
      const options = (RESPONDENT_FIELDS[field].options ?? []) as readonly string[];
      const order = (v: string) => (options.includes(v) ? options.indexOf(v) : v === "Tidak diisi" ? 1e6 : 1e3);
      return {
        field,
        label: RESPONDENT_FIELDS[field].label,
        counts: [...counts]
          .map(([value, count]) => ({ value, count }))
          .sort((a, b) => order(a.value) - order(b.value) || b.count - a.count || a.value.localeCompare(b.value)),
      };
    });

  return {
    outcome: "ok",
    data: {
      unit: { id: unit.id, name: unit.name },
      year,
      instansiMinimum: unit.instansi.surveyMinRespondents,
      rounds,
      instruments,
      kinds,
      profile,
    },
  };
}
