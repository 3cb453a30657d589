/**
 * The HTTP side of evidence files, with the session passed in (the routes resolve it from the
 * request; tests pass one). Upload: permission and editability are checked before any byte is
 * read, the bytes are checked while streaming, and the record is written through the action chain.
 */
import { Readable } from "node:stream";
import { can, type Principal } from "@/server/authz";
import type { ActionSession } from "@/server/actions/define-action";
import { getDb } from "@/server/db/client";
import { UserError, type ErrorCode } from "@/server/errors";
import { evidenceMaxBytes, formatBytes, ingestUpload } from "@/server/storage/ingest";
import { contentDisposition } from "@/server/storage/filename";
import { getStorage } from "@/server/storage/storage";
import { targetOf } from "@/server/lke/context";
import type { z } from "zod";
import {
  attachEvidence,
  attachPencananganDocument,
  attachRencanaAksiEvidence,
  canOnOwner,
  checkUploadTarget,
  evidenceOwner,
  pencananganUploadSchema,
  pencananganUploadTarget,
  rencanaAksiUploadSchema,
  rencanaAksiUploadTarget,
  uploadTargetSchema,
  type UploadTarget,
} from "./owners";

const json = (status: number, body: object) => Response.json(body, { status });
const fail = (status: number, error: string, code?: ErrorCode) => json(status, { ok: false, error, ...(code ? { code } : {}) });

/** The HTTP status of a refusal, from its code. */
const httpStatusOf = (code: ErrorCode) =>
  code === "FORBIDDEN" || code === "SEPARATION_OF_DUTIES" ? 403 : code === "NOT_FOUND" ? 404 : code === "INVALID" ? 400 : code === "UNAUTHENTICATED" ? 401 : code === "TOO_LARGE" ? 413 : code === "UNSUPPORTED" ? 415 : 409;

/** The kinds of owner a file can be uploaded to, each with its permission and its checks. */
const UPLOAD_KINDS = [
  {
    schema: pencananganUploadSchema,
    permission: "pencanangan:manage",
    check: (t: z.infer<typeof pencananganUploadSchema>, _user: Principal) => pencananganUploadTarget(getDb(), t.pencanangan),
    attach: attachPencananganDocument,
  },
  {
    schema: rencanaAksiUploadSchema,
    permission: "monev:write",
    check: (t: z.infer<typeof rencanaAksiUploadSchema>, _user: Principal) => rencanaAksiUploadTarget(getDb(), t.rencanaAksi),
    attach: attachRencanaAksiEvidence,
  },
  {
    schema: uploadTargetSchema,
    permission: "answer:write",
    check: async (t: UploadTarget, user: Principal) => targetOf((await checkUploadTarget(getDb(), user, t)).a),
    attach: attachEvidence,
  },
] as const;

export async function uploadEvidence(req: Request, session: ActionSession): Promise<Response> {
  const { user } = session;
  if (!user) return fail(401, "Silakan masuk terlebih dahulu.");
  const params = Object.fromEntries(new URL(req.url).searchParams);
  const kind = UPLOAD_KINDS.find((k) => k.schema.safeParse(params).success);
  if (!kind) return fail(400, "Tujuan unggahan tidak sah.");
  const target = kind.schema.parse(params);

  try {
    const owner = await kind.check(target as never, user);
    if (!can(user, kind.permission, owner)) return fail(403, "Anda tidak berwenang mengunggah berkas untuk tujuan ini.", "FORBIDDEN");
  } catch (e) {
    if (e instanceof UserError) return fail(httpStatusOf(e.code), e.message, e.code);
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
    if (e instanceof UserError) return fail(httpStatusOf(e.code), e.message, e.code);
    throw e;
  }
  const result = await (kind.attach as typeof attachEvidence).run({ target, file }, session);
  if (!result.ok) {
    // Nothing refers to the bytes: remove them.
    await getStorage().discard(file.storageKey).catch(() => {});
    return fail(httpStatusOf(result.code), result.error, result.code);
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
