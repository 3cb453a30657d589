/** Upload of one evidence file for a question or a hasil input; the body is the raw file, its name in X-File-Name. */
import { clientIp, getCurrentUser } from "@/server/auth/current-user";
import { uploadEvidence } from "@/server/evidence/http";

export const dynamic = "force-dynamic";

export async function POST(req: Request) {
  return uploadEvidence(req, { user: await getCurrentUser(), ip: await clientIp() });
}
