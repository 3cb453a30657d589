/**
 * Renders the printed reports on the server with react-pdf, after the same permission checks as the
 * pages; every download leaves an audit entry.
 */
import { renderToBuffer } from "@react-pdf/renderer";
import { LheDocument } from "@/components/pdf/lhe-document";
import { RaporDocument } from "@/components/pdf/rapor-document";
import { SurveyReportDocument } from "@/components/pdf/survey-report-document";
import { LHE_STAGE_ONE_MISSING, LHE_UNAVAILABLE } from "@/domain/lhe";
import { STATUS_LABELS } from "@/domain/review";
import { formatDate, formatDateTime } from "@/lib/format";
import { writeAudit } from "@/server/audit";
import { can, type Principal } from "@/server/authz";
import { getDb, type Tx } from "@/server/db/client";
import { ForbiddenError } from "@/server/errors";
import { instansiLogo } from "@/server/queries/instansi-settings";
import { getScorecard } from "@/server/queries/scorecard";
import { getStorage } from "@/server/storage/storage";
import { loadSurveyReport } from "@/server/survey/report";
import { lheFileName, loadLhe, type LheData } from "./lhe";
import { latestLheArchive, storeLheArchive, type ArchivedLhe } from "./lhe-archive";

export type PdfResult =
  | { outcome: "missing" }
  | { outcome: "forbidden" }
  | { outcome: "unavailable"; message: string }
  | { outcome: "ok"; filename: string; pdf: Buffer };

const slug = (s: string) =>
  s
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .toLowerCase() || "unit";

async function kop(instansiId: string) {
  const [instansi, logo] = await Promise.all([
    getDb().instansi.findUniqueOrThrow({ where: { id: instansiId }, select: { name: true } }),
    instansiLogo(instansiId),
  ]);
  return { instansi: instansi.name, logo };
}

async function audit(
  user: Principal,
  ip: string | null,
  action: string,
  entity: string,
  entityId: string,
  after: object,
) {
  await getDb().$transaction((tx) => writeAudit(tx, user, ip, { action, entity, entityId, after }));
}

export async function raporPdf(
  user: Principal,
  unitId: string,
  year: number,
  ip: string | null,
  now = new Date(),
): Promise<PdfResult> {
  let data;
  try {
    data = await getScorecard(user, unitId, year);
  } catch (e) {
    if (e instanceof ForbiddenError) return { outcome: "forbidden" };
    throw e;
  }
  if (!data.found) return { outcome: "missing" };
  if (data.periodeMissing || !data.assessment)
    return { outcome: "unavailable", message: `Unit ini tidak memiliki LKE periode ${year}.` };
  const k = await kop(user.instansiId);
  const pdf = await renderToBuffer(
    <RaporDocument
      {...k}
      printed={formatDateTime(now)}
      unit={data.unit}
      year={data.periode.year}
      catalogue={data.catalogue}
      layer={data.layer}
      statusLabel={STATUS_LABELS[data.assessment.status]}
      scorecard={data.shown.scorecard}
      hasil={data.shown.hasil}
      gap={data.gap}
    />,
  );
  await audit(user, ip, "report.rapor", "Unit", unitId, { year: data.periode.year, layer: data.layer });
  return { outcome: "ok", filename: `rapor-${slug(data.unit.shortName)}-${data.periode.year}.pdf`, pdf };
}

export async function lhePdf(
  user: Principal,
  assessmentId: string,
  ip: string | null,
  now = new Date(),
): Promise<PdfResult> {
  const result = await loadLhe(user, assessmentId);
  if (result.outcome === "missing" || result.outcome === "forbidden") return result;
  // The stage I report the TPI handed over is served as archived, not recomputed from revised answers.
  const archived = await latestLheArchive(assessmentId);
  if (result.outcome === "ok" && result.data.stage === 1 && archived) return archivedLhe(user, ip, archived);
  if (result.outcome === "unavailable") return { outcome: "unavailable", message: LHE_UNAVAILABLE };
  const d = result.data;
  const pdf = await renderLhe(user.instansiId, d, now);
  await audit(user, ip, "report.lhe", "Assessment", assessmentId, { stage: d.stage, total: d.tpi.total });
  return { outcome: "ok", filename: lheFileName({ unitName: d.unit.name, year: d.year, stage: d.stage }), pdf };
}

export async function renderLhe(instansiId: string, d: LheData, now: Date): Promise<Buffer> {
  const k = await kop(instansiId);
  return renderToBuffer(<LheDocument {...k} printed={formatDateTime(now)} dated={formatDate(now)} data={d} />);
}

/** The stage I LHE as archived when the LKE was last returned, for whoever may read the LHE. */
export async function stageOneLhePdf(user: Principal, assessmentId: string, ip: string | null): Promise<PdfResult> {
  const a = await getDb().assessment.findFirst({
    where: { id: assessmentId, unit: { instansiId: user.instansiId } },
    select: { unit: { select: { id: true, instansiId: true } } },
  });
  if (!a) return { outcome: "missing" };
  if (!can(user, "lhe:read", { instansiId: a.unit.instansiId, unitId: a.unit.id })) return { outcome: "forbidden" };
  const archived = await latestLheArchive(assessmentId);
  if (!archived) return { outcome: "unavailable", message: LHE_STAGE_ONE_MISSING };
  return archivedLhe(user, ip, archived);
}

async function archivedLhe(user: Principal, ip: string | null, archived: ArchivedLhe): Promise<PdfResult> {
  const pdf = await buffer(await getStorage().get(archived.storageKey));
  await audit(user, ip, "report.lhe", "Assessment", archived.assessmentId, {
    stage: 1,
    total: archived.total,
    arsip: archived.createdAt.toISOString(),
  });
  return { outcome: "ok", filename: archived.fileName, pdf };
}

/**
 * Renders the stage I LHE of an LKE just returned and archives it, inside the return's transaction (which
 * already shows the new status). Returns null when there is no stage I report to make.
 */
export async function archiveStageOneLhe(tx: Tx, user: Principal, assessmentId: string, now = new Date()) {
  const result = await loadLhe(user, assessmentId, tx);
  if (result.outcome !== "ok" || result.data.stage !== 1) return null;
  const d = result.data;
  const pdf = await renderLhe(user.instansiId, d, now);
  const row = await storeLheArchive(tx, {
    assessmentId,
    pdf,
    total: d.tpi.total,
    createdById: user.id,
    createdAt: now,
  });
  return { id: row.id, total: row.total, size: row.size };
}

async function buffer(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

export async function surveyReportPdf(
  user: Principal,
  unitId: string,
  year: number,
  ip: string | null,
  now = new Date(),
): Promise<PdfResult> {
  const result = await loadSurveyReport(user, unitId, year);
  if (result.outcome !== "ok") return result;
  const d = result.data;
  const k = await kop(user.instansiId);
  const pdf = await renderToBuffer(<SurveyReportDocument {...k} printed={formatDateTime(now)} data={d} />);
  await audit(user, ip, "report.survey", "Unit", unitId, {
    year,
    rounds: d.rounds.length,
    n: Object.fromEntries(d.kinds.map((x) => [x.kind, x.year.result.n])),
  });
  return { outcome: "ok", filename: `laporan-survei-${slug(d.unit.name)}-${year}.pdf`, pdf };
}

/** The HTTP answer for a PdfResult (route handlers stay thin). */
export function pdfResponse(result: PdfResult): Response {
  switch (result.outcome) {
    case "missing":
      return Response.json({ error: "Data tidak ditemukan." }, { status: 404 });
    case "forbidden":
      return Response.json({ error: "Anda tidak berwenang mengunduh laporan ini." }, { status: 403 });
    case "unavailable":
      return Response.json({ error: result.message }, { status: 409 });
    case "ok":
      return new Response(new Uint8Array(result.pdf), {
        headers: {
          "Content-Type": "application/pdf",
          "Content-Disposition": `attachment; filename="${result.filename}"`,
          "Cache-Control": "private, no-store",
          "X-Content-Type-Options": "nosniff",
        },
      });
  }
}
