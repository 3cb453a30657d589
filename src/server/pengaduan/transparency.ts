/**
 * The public transparency page of a unit (/publik/<code>): only what the unit publishes or what is public
 * by nature — ZI status (pencanangan, predicates), the head's name, listed documents, survey results and
 * complaint statistics. No LKE answers, no staff beyond the head, no evidence files.
 */
import { pengaduanStats, type PengaduanStatus } from "@/domain/pengaduan";
import { acceptsResponses, type SurveyRoundStatusCode } from "@/domain/survey/instruments";
import { isoFromDate, todayIso } from "@/server/dates";
import { getDb } from "@/server/db/client";
import { roundResults } from "@/server/survey/results";
import { yearRange } from "./counts";
import { findPublicUnit } from "./public";

export async function transparencyPage(code: string, today = todayIso()) {
  const unit = await findPublicUnit(code);
  if (!unit) return null;
  const db = getDb();
  const year = Number(today.slice(0, 4));
  const [pencanangan, penetapan, documents, complaints, rounds] = await Promise.all([
    db.pencananganUnit.findMany({
      where: { unitId: unit.id },
      select: { pencanangan: { select: { date: true, title: true } } },
    }),
    db.penetapan.findMany({
      where: { unitId: unit.id },
      orderBy: { year: "desc" },
      select: { year: true, result: true, decreeNumber: true },
    }),
    db.dokumenPublik.findMany({
      where: { unitId: unit.id },
      orderBy: [{ kind: "asc" }, { createdAt: "asc" }],
      select: { id: true, kind: true, title: true, url: true, description: true },
    }),
    db.pengaduan.findMany({
      where: { unitId: unit.id, createdAt: yearRange(year) },
      select: { status: true, dueDate: true },
    }),
    db.surveyRound.findMany({
      where: { unitId: unit.id, year: { gte: year - 1 } },
      orderBy: { openedAt: "desc" },
      select: { id: true, title: true, year: true, token: true, status: true },
    }),
  ]);
  const surveys = await Promise.all(
    rounds.map(async (r) => {
      const results = await roundResults(db, r.id);
      const kind = (k: string) => results?.kinds.find((x) => x.kind === k)?.result ?? null;
      const spak = kind("SPAK");
      const spkp = kind("SPKP");
      return {
        id: r.id,
        title: r.title,
        year: r.year,
        open: acceptsResponses(r.status as SurveyRoundStatusCode),
        token: r.token,
        n: Math.max(spak?.n ?? 0, spkp?.n ?? 0),
        ipak: spak?.lkeIndex ?? null,
        ipkp: spkp?.lkeIndex ?? null,
        belowMinimum: Boolean(spak?.belowMinimum || spkp?.belowMinimum),
      };
    }),
  );
  const declared = pencanangan.map((p) => p.pencanangan).sort((a, b) => a.date.getTime() - b.date.getTime())[0] ?? null;
  return {
    code,
    name: unit.name,
    shortName: unit.shortName,
    headName: unit.headName,
    instansiName: unit.instansi.name,
    laporUrl: unit.instansi.laporUrl,
    wbsUrl: unit.instansi.wbsUrl,
    pencanangan: declared && { date: isoFromDate(declared.date), title: declared.title },
    predicates: penetapan.map((p) => ({
      year: p.year,
      result: p.result as "WBK" | "WBBM" | "TIDAK",
      decreeNumber: p.decreeNumber,
    })),
    documents: documents.map((d) => ({ ...d, kind: d.kind as "MAKLUMAT" | "STANDAR_PELAYANAN" | "LAINNYA" })),
    year,
    complaints: pengaduanStats(
      complaints.map((c) => ({ status: c.status as PengaduanStatus, dueDate: isoFromDate(c.dueDate) })),
      today,
    ),
    surveys,
  };
}
export type TransparencyPage = NonNullable<Awaited<ReturnType<typeof transparencyPage>>>;
