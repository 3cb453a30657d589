/** A unit's survey report for a year as a PDF: `?tahun=YYYY` (default: this year). */
import type { NextRequest } from "next/server";
import { clientIp, getCurrentUser } from "@/server/auth/current-user";
import { todayIso } from "@/server/dates";
import { pdfResponse, surveyReportPdf } from "@/server/reports/pdf";

export const dynamic = "force-dynamic";

export async function GET(req: NextRequest, { params }: { params: Promise<{ unitId: string }> }) {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: "Silakan masuk terlebih dahulu." }, { status: 401 });
  const requested = req.nextUrl.searchParams.get("tahun") ?? "";
  const year = /^\d{4}$/.test(requested) ? Number(requested) : Number(todayIso().slice(0, 4));
  return pdfResponse(await surveyReportPdf(user, (await params).unitId, year, await clientIp()));
}
