/** A round's raw responses as .xlsx, for whoever may read the round's results. */
import { NextResponse } from "next/server";
import { getCurrentUser } from "@/server/auth/current-user";
import { roundWorkbook } from "@/server/survey/export";
import { surveyRoundDetail } from "@/server/survey/queries";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, { params }: { params: Promise<{ roundId: string }> }) {
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ error: "Silakan masuk terlebih dahulu." }, { status: 401 });
  const detail = await surveyRoundDetail(user, (await params).roundId);
  if (!detail) return NextResponse.json({ error: "Putaran survei tidak ditemukan." }, { status: 404 });
  const body = await roundWorkbook(
    { unit: detail.unit.name, title: detail.round.title },
    detail.kinds,
    detail.responses,
  );
  const name = `survei-${detail.unit.shortName}-${detail.round.title}`.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  return new NextResponse(new Uint8Array(body), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${name}.xlsx"`,
      "Cache-Control": "private, no-store",
    },
  });
}
