/** The unit's rapor as a PDF: `?tahun=YYYY` (default: the year the user is looking at). */
import type { NextRequest } from "next/server";
import { clientIp, getCurrentUser } from "@/server/auth/current-user";
import { getActivePeriode } from "@/server/periode";
import { pdfResponse, raporPdf } from "@/server/reports/pdf";

export const dynamic = "force-dynamic";

export async function GET(req: NextRequest, { params }: { params: Promise<{ unitId: string }> }) {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: "Silakan masuk terlebih dahulu." }, { status: 401 });
  const requested = Number(req.nextUrl.searchParams.get("tahun"));
  const year =
    Number.isInteger(requested) && requested > 2000
      ? requested
      : ((await getActivePeriode(user.instansiId))?.year ?? 0);
  return pdfResponse(await raporPdf(user, (await params).unitId, year, await clientIp()));
}
