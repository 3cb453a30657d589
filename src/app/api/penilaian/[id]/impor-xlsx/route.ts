/** Preview of a filled LKE workbook against the unit's answers (writes nothing). */
import { previewImportRoute } from "@/server/lke-xlsx/http";

export const dynamic = "force-dynamic";

export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return previewImportRoute(req, (await params).id);
}
