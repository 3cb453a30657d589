/** PortalRB: one proposed unit's LKE answers by our public unit code (bearer token; see src/server/portalrb/api.ts). */
import { clientIp } from "@/server/auth/current-user";
import { handlePortalRb } from "@/server/portalrb/api";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ unitId: string }> }) {
  return handlePortalRb(req, { kind: "answers", unitCode: (await params).unitId }, await clientIp());
}
