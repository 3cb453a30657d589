/**
 * Renders the printed reports on the server with react-pdf, after the same permission checks as the
 * pages; every download leaves an audit entry.
 */
import { renderToBuffer } from "@react-pdf/renderer";
import { LheDocument } from "@/components/pdf/lhe-document";
import { RaporDocument } from "@/components/pdf/rapor-document";
import { SurveyReportDocument } from "@/components/pdf/survey-report-document";
import { LHE_UNAVAILABLE } from "@/domain/lhe";
import { STATUS_LABELS } from "@/domain/review";
import { formatDate, formatDateTime } from "@/lib/format";
import { writeAudit } from "@/server/audit";
import type { Principal } from "@/server/authz";
import { getDb } from "@/server/db/client";
import { ForbiddenError } from "@/server/errors";
import { instansiLogo } from "@/server/queries/instansi-settings";
import { getScorecard } from "@/server/queries/scorecard";
import { loadSurveyReport } from "@/server/survey/report";
import { loadLhe } from "./lhe";

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
  if (result.outcome === "unavailable") return { outcome: "unavailable", message: LHE_UNAVAILABLE };
  const k = await kop(user.instansiId);
  const d = result.data;
  const pdf = await renderToBuffer(
    <LheDocument {...k} printed={formatDateTime(now)} dated={formatDate(now)} data={d} />,
  );
  await audit(user, ip, "report.lhe", "Assessment", assessmentId, { stage: d.stage, total: d.tpi.total });
  return { outcome: "ok", filename: `lhe-${slug(d.unit.name)}-${d.year}-tahap-${d.stage}.pdf`, pdf };
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
