/** The public complaint form's submission (multipart: text fields and up to three attachments). */
import { clientIp } from "@/server/auth/current-user";
import { readLimitedForm } from "@/server/pengaduan/form-body";
import { submitPengaduan } from "@/server/pengaduan/public";

export const dynamic = "force-dynamic";

export async function POST(req: Request) {
  const form = await readLimitedForm(req);
  if (!form.ok) return Response.json({ ok: false, error: form.error }, { status: form.status });
  const result = await submitPengaduan(form.fields, form.files, await clientIp());
  if (!result.ok) return Response.json(result, { status: result.status });
  return Response.json(result, { status: 201 });
}
