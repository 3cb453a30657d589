/**
 * Upload of one evidence file (bukti dukung) for a question or a hasil input of an assessment.
 * The body is the raw file (streamed, never buffered whole); its name comes in X-File-Name.
 * Permission and editability are checked before any byte is read and again when recording it.
 */
import { NextResponse, type NextRequest } from "next/server";
import { can } from "@/server/authz";
import { clientIp, getCurrentUser } from "@/server/auth/current-user";
import { getDb } from "@/server/db/client";
import { UserError } from "@/server/errors";
import { checkUploadTarget, attachEvidence, uploadTargetSchema } from "@/server/lke/evidence";
import { targetOf } from "@/server/lke/context";
import { ingestUpload, maxEvidenceBytes } from "@/server/storage/ingest";
import { getStorage } from "@/server/storage/storage";

export const dynamic = "force-dynamic";

const fail = (status: number, error: string) => NextResponse.json({ ok: false, error }, { status });

export async function POST(req: NextRequest) {
  const user = await getCurrentUser();
  if (!user) return fail(401, "Silakan masuk terlebih dahulu.");
  const params = Object.fromEntries(req.nextUrl.searchParams);
  const parsed = uploadTargetSchema.safeParse(params);
  if (!parsed.success) return fail(400, "Tujuan unggahan tidak sah.");
  const target = parsed.data;

  try {
    const { a } = await checkUploadTarget(getDb(), target);
    if (!can(user, "answer:write", targetOf(a))) return fail(403, "Anda tidak berwenang mengunggah bukti dukung untuk unit ini.");
  } catch (e) {
    if (e instanceof UserError) return fail(409, e.message);
    throw e;
  }

  const max = maxEvidenceBytes();
  const declared = Number(req.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > max) {
    return fail(413, `Berkas terlalu besar: maksimal ${Math.round(max / 1024 / 1024)} MB.`);
  }
  if (!req.body) return fail(400, "Berkas kosong.");
  let name = "berkas";
  try {
    name = decodeURIComponent(req.headers.get("x-file-name") ?? "berkas");
  } catch {
    // A malformed name is replaced; the stored name is sanitised anyway.
  }

  let file;
  try {
    file = await ingestUpload(req.body, { originalName: name, declaredSize: Number.isFinite(declared) ? declared : undefined, maxBytes: max });
  } catch (e) {
    if (e instanceof UserError) return fail(/terlalu besar/i.test(e.message) ? 413 : 415, e.message);
    throw e;
  }
  const result = await attachEvidence.run({ target, file }, { user, ip: await clientIp() });
  if (!result.ok) {
    // Nothing refers to the bytes: remove them.
    await getStorage().discard(file.storageKey).catch(() => {});
    return fail(409, result.error);
  }
  return NextResponse.json({ ok: true, ...result.data });
}
