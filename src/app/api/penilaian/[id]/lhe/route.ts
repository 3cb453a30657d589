/** The TPI's LHE of one LKE as a PDF (stage from the LKE's state; `?tahap=1` the stage I report as archived). */
import { clientIp, getCurrentUser } from "@/server/auth/current-user";
import { lhePdf, pdfResponse, stageOneLhePdf } from "@/server/reports/pdf";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: "Silakan masuk terlebih dahulu." }, { status: 401 });
  const id = (await params).id;
  const ip = await clientIp();
  if (new URL(req.url).searchParams.get("tahap") === "1") return pdfResponse(await stageOneLhePdf(user, id, ip));
  return pdfResponse(await lhePdf(user, id, ip));
}
