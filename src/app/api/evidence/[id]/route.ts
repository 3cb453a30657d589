/** Download of one evidence file, only for users who may read what it belongs to. */
import { clientIp, getCurrentUser } from "@/server/auth/current-user";
import { downloadEvidence } from "@/server/evidence/http";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  return downloadEvidence((await params).id, { user: await getCurrentUser(), ip: await clientIp() });
}
