/** The audit log, filtered as on the page (`entitas`, `tindakan`, `pengguna`, `dari`, `sampai`), as .xlsx. */
import type { NextRequest } from "next/server";
import { exportAudit } from "@/server/audit-export-route";

export const dynamic = "force-dynamic";

export async function GET(req: NextRequest) {
  return exportAudit(req.nextUrl.searchParams);
}
