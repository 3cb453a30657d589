/** The LKE workbooks of every unit of a periode, as one ZIP: `?periode=ID&lapisan=SELF|TPI|BOTH`. */
import type { NextRequest } from "next/server";
import { periodeZipRoute } from "@/server/lke-xlsx/http";

export const dynamic = "force-dynamic";

export async function GET(req: NextRequest) {
  return periodeZipRoute(req.nextUrl.searchParams);
}
