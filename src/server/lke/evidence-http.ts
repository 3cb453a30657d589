/**
 * The HTTP side of evidence files, with the session passed in (the routes resolve it from the
 * request; tests pass one). Upload: permission and editability are checked before any byte is
 * read, the bytes are checked while streaming, and the record is written through the action chain.
 */
import { Readable } from "node:stream";
import { can } from "@/server/authz";
import type { ActionSession } from "@/server/actions/define-action";
import { getDb } from "@/server/db/client";
import { UserError } from "@/server/errors";
import { evidenceMaxBytes, formatBytes, ingestUpload } from "@/server/storage/ingest";
import { contentDisposition } from "@/server/storage/filename";
import { getStorage } from "@/server/storage/storage";
import { targetOf } from "./context";
import { attachEvidence, canOnOwner, checkUploadTarget, evidenceOwner, uploadTargetSchema } from "./evidence";

const json = (status: number, body: object) => Response.json(body, { status });
const fail = (status: number, error: string) => json(status, { ok: false, error });

export async function uploadEvidence(req: Request, session: ActionSession): Promise<Response> {
  const { user } = session;
  if (!user) return fail(401, "Silakan masuk terlebih dahulu.");
  const parsed = uploadTargetSchema.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!parsed.success) return fail(400, "Tujuan unggahan tidak sah.");
  const target = parsed.data;

  try {
    const { a } = await checkUploadTarget(getDb(), target);
    if (!can(user, "answer:write", targetOf(a))) return fail(403, "Anda tidak berwenang mengunggah bukti dukung untuk unit ini.");
  } catch (e) {
    if (e instanceof UserError) return fail(409, e.message);
    throw e;
  }

  const max = evidenceMaxBytes();
  const declared = Number(req.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > max) return fail(413, `Berkas terlalu besar: maksimal ${formatBytes(max)}.`);
  if (!req.body) return fail(400, "Berkas kosong.");
  let name = "berkas";
  try {
    name = decodeURIComponent(req.headers.get("x-file-name") ?? "berkas");
  } catch {
    // A malformed name is replaced; the stored name is sanitised anyway.
  }

  let file;
  try {
    file = await ingestUpload(req.body, {
      originalName: name,
      declaredSize: Number.isFinite(declared) ? declared : undefined,
      maxBytes: max,
      keyPrefix: user.instansiId.toLowerCase(),
    });
  } catch (e) {
    if (e instanceof UserError) return fail(/terlalu besar/i.test(e.message) ? 413 : 415, e.message);
    throw e;
  }
  const result = await attachEvidence.run({ target, file }, session);
  if (!result.ok) {
    // Nothing refers to the bytes: remove them.
    await getStorage().discard(file.storageKey).catch(() => {});
    return fail(result.error === "Anda tidak berwenang melakukan tindakan ini." ? 403 : 409, result.error);
  }
  return json(200, { ok: true, ...result.data });
}

// Types that browsers may show inline; everything else is downloaded.
const INLINE = new Set(["application/pdf", "image/jpeg", "image/png", "image/webp", "image/gif"]);

export async function downloadEvidence(id: string, session: Pick<ActionSession, "user">): Promise<Response> {
  const { user } = session;
  if (!user) return fail(401, "Silakan masuk terlebih dahulu.");
  const db = getDb();
  const evidence = await db.evidence.findFirst({ where: { id, deletedAt: null } });
  const owner = evidence && (await evidenceOwner(db, evidence));
  if (!evidence || !owner) return fail(404, "Berkas tidak ditemukan.");
  if (!canOnOwner(user, owner, owner.read)) return fail(403, "Anda tidak berwenang mengunduh berkas ini.");

  const stream = await getStorage().get(evidence.storageKey);
  const inline = INLINE.has(evidence.mimeType);
  return new Response(Readable.toWeb(stream) as ReadableStream, {
    headers: {
      "Content-Type": evidence.mimeType,
      "Content-Length": String(evidence.size),
      "Content-Disposition": contentDisposition(evidence.originalName, inline ? "inline" : "attachment"),
      "X-Content-Type-Options": "nosniff",
      // PDFs and images (types checked from the bytes) open in the browser's own viewer; anything
      // else is a download, sandboxed should a browser render it anyway.
      ...(inline ? {} : { "Content-Security-Policy": "sandbox" }),
      "Cache-Control": "private, no-store",
    },
  });
}
