/** PortalRB: the units proposed for WBBM (bearer token; see src/server/portalrb/api.ts). */
import { clientIp } from "@/server/auth/current-user";
import { handlePortalRb } from "@/server/portalrb/api";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  return handlePortalRb(req, { kind: "units", category: "WBBM" }, await clientIp());
}
