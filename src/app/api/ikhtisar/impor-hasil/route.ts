/** Preview of a sheet of hasil values for many units: `?periode=ID&lapisan=TPI|SELF`, the raw file as the body. */
import type { NextRequest } from "next/server";
import { previewHasilRoute } from "@/server/lke-xlsx/http";

export const dynamic = "force-dynamic";

export async function POST(req: NextRequest) {
  return previewHasilRoute(req, req.nextUrl.searchParams);
}
