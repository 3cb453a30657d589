/**
 * The HTTP side of evidence files, with the session passed in (the routes resolve it from the
 * request; tests pass one). Upload: permission and editability are checked before any byte is
 * read, the bytes are checked while streaming, and the record is written through the action chain.
 */
import { Readable } from "node:stream";
import { can, type Principal } from "@/server/authz";
import type { ActionSession } from "@/server/actions/define-action";
import { getDb } from "@/server/db/client";
import { auditRefusal } from "@/server/audit";
import { UserError, type ErrorCode } from "@/server/errors";
import { evidenceMaxBytes, formatBytes, ingestUpload } from "@/server/storage/ingest";
import { contentDisposition } from "@/server/storage/filename";
import { getStorage } from "@/server/storage/storage";
import { loadAssessment, targetOf } from "@/server/lke/context";
import type { Target } from "@/server/authz";
import { unitQuotaBytes } from "@/server/config";
import type { z } from "zod";
import {
  attachEvidence,
  attachPencananganDocument,
  attachRencanaAksiEvidence,
  canOnOwner,
  checkUploadTarget,
  evidenceBytesUsed,
  evidenceOwner,
  pencananganUploadSchema,
  pencananganUploadTarget,
  rencanaAksiOwner,
  rencanaAksiUploadSchema,
  rencanaAksiUploadTarget,
  uploadTargetSchema,
  type UploadTarget,
} from "./owners";

const json = (status: number, body: object) => Response.json(body, { status });
const fail = (status: number, error: string, code?: ErrorCode) =>
  json(status, { ok: false, error, ...(code ? { code } : {}) });

/** The HTTP status of a refusal, from its code. */
const httpStatusOf = (code: ErrorCode) =>
  code === "FORBIDDEN" || code === "SEPARATION_OF_DUTIES"
    ? 403
    : code === "NOT_FOUND"
      ? 404
      : code === "INVALID"
        ? 400
        : code === "UNAUTHENTICATED"
          ? 401
          : code === "TOO_LARGE"
            ? 413
            : code === "UNSUPPORTED"
              ? 415
              : 409;

/**
 * The kinds of owner a file can be uploaded to: `owner` finds whose it is (null when it does not
 * exist) without saying anything about its state; `check` tells whether it can take a file now.
 */
const UPLOAD_KINDS = [
  {
    schema: pencananganUploadSchema,
    permission: "pencanangan:manage",
    owner: (t: z.infer<typeof pencananganUploadSchema>) => orNull(pencananganUploadTarget(getDb(), t.pencanangan)),
    check: async (_t: z.infer<typeof pencananganUploadSchema>, _user: Principal) => {},
    attach: attachPencananganDocument,
  },
  {
    schema: rencanaAksiUploadSchema,
    permission: "monev:write",
    owner: (t: z.infer<typeof rencanaAksiUploadSchema>) => rencanaAksiOwner(getDb(), t.rencanaAksi),
    check: async (t: z.infer<typeof rencanaAksiUploadSchema>, _user: Principal) =>
      void (await rencanaAksiUploadTarget(getDb(), t.rencanaAksi)),
    attach: attachRencanaAksiEvidence,
  },
  {
    schema: uploadTargetSchema,
    permission: "answer:write",
    owner: (t: UploadTarget) => orNull(loadAssessment(getDb(), t.assessmentId).then(targetOf)),
    check: async (t: UploadTarget, user: Principal) => void (await checkUploadTarget(getDb(), user, t)),
    attach: attachEvidence,
  },
] as const;

async function orNull<T>(p: Promise<T>): Promise<T | null> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof UserError) return null;
    throw e;
  }
}

const NOT_ALLOWED = "Anda tidak berwenang mengunggah berkas untuk tujuan ini.";

/**
 * A browser sends Origin with every upload; one from another site (a page there posting into a
 * signed-in user's session) is refused, and so is a request without one.
 */
export function sameOrigin(req: Request): boolean {
  const origin = req.headers.get("origin");
  if (!origin) return false;
  const own = [new URL(req.url).origin];
  const host = req.headers.get("host");
  if (host) own.push(`${new URL(req.url).protocol}//${host}`);
  if (process.env.NEXTAUTH_URL) own.push(new URL(process.env.NEXTAUTH_URL).origin);
  return own.includes(origin);
}

const stringParams = (params: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(params).filter((e): e is [string, string] => typeof e[1] === "string" && e[1].length <= 64),
  );

export async function uploadEvidence(req: Request, session: ActionSession): Promise<Response> {
  const { user } = session;
  if (!user) return fail(401, "Silakan masuk terlebih dahulu.");
  if (!sameOrigin(req)) return fail(403, "Unggahan hanya diterima dari halaman aplikasi ini.");
  const params = Object.fromEntries(new URL(req.url).searchParams);
  const kind = UPLOAD_KINDS.find((k) => k.schema.safeParse(params).success);
  if (!kind) return fail(400, "Tujuan unggahan tidak sah.");
  const target = kind.schema.parse(params);

  // Permission first, the same answer whether the target is someone else's or does not exist: its
  // state (submitted, closed…) is told only to those who may upload to it.
  const owner = await kind.owner(target as never);
  if (!owner || !can(user, kind.permission, owner)) {
    await auditRefusal(user, session.ip, "evidence.upload", {
      permission: kind.permission,
      reason: NOT_ALLOWED,
      code: "FORBIDDEN",
      target: stringParams(params),
    });
    return fail(403, NOT_ALLOWED, "FORBIDDEN");
  }
  try {
    await kind.check(target as never, user);
  } catch (e) {
    if (e instanceof UserError) return fail(httpStatusOf(e.code), e.message, e.code);
    throw e;
  }

  const max = evidenceMaxBytes();
  const declared = Number(req.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > max)
    return fail(413, `Berkas terlalu besar: maksimal ${formatBytes(max)}.`);
  const quota = await quotaLeft(owner);
  if (Number.isFinite(declared) && declared > quota.left) return fail(413, quota.message);
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
  // A chunked body has no announced size: the quota is checked again on what arrived.
  const after = await quotaLeft(owner);
  if (file.size > after.left) {
    await getStorage()
      .discard(file.storageKey)
      .catch(() => {});
    return fail(413, after.message, "TOO_LARGE");
  }
  const result = await (kind.attach as typeof attachEvidence).run({ target, file }, session);
  if (!result.ok) {
    // Nothing refers to the bytes: remove them.
    await getStorage()
      .discard(file.storageKey)
      .catch(() => {});
    return fail(httpStatusOf(result.code), result.error, result.code);
  }
  return json(200, { ok: true, ...result.data });
}

async function quotaLeft(owner: Target) {
  const quota = unitQuotaBytes();
  const used = await evidenceBytesUsed(getDb(), owner);
  return {
    left: quota - used,
    message:
      `Kuota penyimpanan bukti dukung ${owner.unitId ? "unit ini" : "instansi"} penuh: terpakai ${formatBytes(used)} ` +
      `dari ${formatBytes(quota)}. Hapus berkas yang tidak diperlukan atau hubungi admin Bagian Organisasi.`,
  };
}

// Images (types checked from the bytes) may show in the browser; everything else, PDFs included (a PDF
// can carry scripts and forms), is a download.
const INLINE = new Set(["image/jpeg", "image/png", "image/webp", "image/gif"]);

export async function downloadEvidence(
  id: string,
  session: Pick<ActionSession, "user"> & { ip?: string | null },
): Promise<Response> {
  const { user } = session;
  if (!user) return fail(401, "Silakan masuk terlebih dahulu.");
  const db = getDb();
  const evidence = await db.evidence.findFirst({ where: { id, deletedAt: null } });
  const owner = evidence && (await evidenceOwner(db, evidence));
  if (!evidence || !owner) return fail(404, "Berkas tidak ditemukan.");
  if (!canOnOwner(user, owner, owner.read)) {
    await auditRefusal(user, session.ip ?? null, "evidence.download", {
      reason: "Anda tidak berwenang mengunduh berkas ini.",
      code: "FORBIDDEN",
      target: { evidenceId: evidence.id },
    });
    return fail(403, "Anda tidak berwenang mengunduh berkas ini.");
  }

  const stream = await getStorage().get(evidence.storageKey);
  // Who read which file, and when: evidence is what an LKE's score stands on.
  await db.auditLog.create({
    data: {
      instansiId: user.instansiId,
      actorId: user.id,
      action: "evidence.download",
      entity: "Evidence",
      entityId: evidence.id,
      ip: session.ip ?? null,
    },
  });
  const inline = INLINE.has(evidence.mimeType);
  return new Response(Readable.toWeb(stream) as ReadableStream, {
    headers: {
      "Content-Type": evidence.mimeType,
      "Content-Length": String(evidence.size),
      "Content-Disposition": contentDisposition(evidence.originalName, inline ? "inline" : "attachment"),
      "X-Content-Type-Options": "nosniff",
      // Sandboxed should a browser render it anyway: no script, no form, no same-origin access.
      "Content-Security-Policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
      "Cache-Control": "private, no-store",
    },
  });
}
