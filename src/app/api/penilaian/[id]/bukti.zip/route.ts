/** A unit's evidence for this LKE as one streamed ZIP, folders per area and question. */
import { clientIp, getCurrentUser } from "@/server/auth/current-user";
import { evidenceZip } from "@/server/evidence/zip";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: "Silakan masuk terlebih dahulu." }, { status: 401 });
  return evidenceZip(user, (await params).id, await clientIp());
}
