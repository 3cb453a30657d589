/** The directory import template (.xlsx) for ADMIN. */
import { can } from "@/server/authz";
import { getCurrentUser } from "@/server/auth/current-user";
import { directoryTemplate } from "@/server/directory-import/workbook";

export const dynamic = "force-dynamic";

export async function GET() {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: "Silakan masuk terlebih dahulu." }, { status: 401 });
  if (!can(user, "user:manage")) return Response.json({ error: "Anda tidak berwenang." }, { status: 403 });
  return new Response(new Uint8Array(await directoryTemplate()), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": 'attachment; filename="templat-impor-unit-pengguna.xlsx"',
      "Cache-Control": "private, no-store",
    },
  });
}
