/** One evidence file behind a signed PortalRB link (no account; the link is the credential). */
import { clientIp } from "@/server/auth/current-user";
import { downloadPublicEvidence } from "@/server/portalrb/public-evidence";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, { params }: { params: Promise<{ token: string; id: string }> }) {
  const { token, id } = await params;
  return downloadPublicEvidence(token, id, await clientIp());
}
