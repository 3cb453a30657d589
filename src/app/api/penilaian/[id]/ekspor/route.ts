/** One layer of an LKE as the command-line scorer's input (JSON): `?lapisan=SELF|TPI`. */
import { NextResponse, type NextRequest } from "next/server";
import { getCurrentUser } from "@/server/auth/current-user";
import { exportScoringInput } from "@/server/queries/assessments";

export const dynamic = "force-dynamic";

export async function GET(req: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ error: "Silakan masuk terlebih dahulu." }, { status: 401 });
  const layer = req.nextUrl.searchParams.get("lapisan") === "TPI" ? "TPI" : "SELF";
  const result = await exportScoringInput(user, (await params).id, layer);
  if (result.outcome === "missing") return NextResponse.json({ error: "Penilaian tidak ditemukan." }, { status: 404 });
  if (result.outcome === "forbidden")
    return NextResponse.json({ error: "Anda tidak berwenang membaca penilaian ini." }, { status: 403 });
  return NextResponse.json(result.input, {
    headers: {
      "Content-Disposition": `attachment; filename="lke-${layer.toLowerCase()}.json"`,
      "Cache-Control": "private, no-store",
    },
  });
}
