/**
 * What a signed PortalRB evidence link opens without an account: the unit's evidence list for that
 * LKE, and its files. Nothing else is reachable through the link, and every file read is audited.
 */
import { Readable } from "node:stream";
import { writeAudit } from "@/server/audit";
import { getDb } from "@/server/db/client";
import { assessmentEvidence } from "@/server/queries/evidence-folder";
import { contentDisposition } from "@/server/storage/filename";
import { getStorage } from "@/server/storage/storage";
import { verifyEvidenceLink } from "./evidence-link";

export async function publicEvidenceList(token: string) {
  const check = verifyEvidenceLink(token);
  if (!check.ok) return { ok: false as const, reason: check.reason };
  const data = await assessmentEvidence(check.assessmentId);
  if (!data) return { ok: false as const, reason: "invalid" as const };
  return { ok: true as const, expiresAt: check.expiresAt, ...data };
}

/** Who opened the list through a PortalRB link, and when (the reader has no account; the address is kept). */
export async function auditPublicList(list: { assessment: { id: string; instansiId: string } }, ip: string) {
  await getDb().$transaction((tx) =>
    writeAudit(tx, { id: null, instansiId: list.assessment.instansiId }, ip, {
      action: "evidence.publicList",
      entity: "Assessment",
      entityId: list.assessment.id,
      after: { via: "portalrb-link" },
    }),
  );
}

const notFound = (message: string, status = 404) =>
  new Response(message, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });

export async function downloadPublicEvidence(token: string, evidenceId: string, ip: string): Promise<Response> {
  const list = await publicEvidenceList(token);
  if (!list.ok)
    return notFound(
      list.reason === "expired" ? "Tautan bukti dukung sudah kedaluwarsa." : "Tautan bukti dukung tidak valid.",
      403,
    );
  const file = list.files.find((f) => f.id === evidenceId);
  if (!file) return notFound("Berkas tidak ditemukan.");
  const stream = await getStorage().get(file.storageKey);
  await getDb().$transaction((tx) =>
    writeAudit(tx, { id: null, instansiId: list.assessment.instansiId }, ip, {
      action: "evidence.publicDownload",
      entity: "Evidence",
      entityId: file.id,
      after: { via: "portalrb-link" },
    }),
  );
  return new Response(Readable.toWeb(stream) as ReadableStream, {
    headers: {
      "Content-Type": file.mimeType,
      "Content-Length": String(file.size),
      // Always a download: the link is public, so nothing it serves runs in the app's origin.
      "Content-Disposition": contentDisposition(file.originalName, "attachment"),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cache-Control": "private, no-store",
    },
  });
}
