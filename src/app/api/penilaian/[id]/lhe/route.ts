/** The TPI's LHE of one LKE as a PDF (stage from the LKE's state). */
import { clientIp, getCurrentUser } from "@/server/auth/current-user";
import { lhePdf, pdfResponse } from "@/server/reports/pdf";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: "Silakan masuk terlebih dahulu." }, { status: 401 });
  return pdfResponse(await lhePdf(user, (await params).id, await clientIp()));
}
