/** One LKE as the Lampiran III workbook: `?lapisan=SELF|TPI|BOTH`. */
import type { NextRequest } from "next/server";
import { exportWorkbookRoute } from "@/server/lke-xlsx/http";

export const dynamic = "force-dynamic";

export async function GET(req: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  return exportWorkbookRoute((await params).id, req.nextUrl.searchParams);
}
