/** Download of one evidence file, only for users who may read what it belongs to. */
import { Readable } from "node:stream";
import { NextResponse } from "next/server";
import { getCurrentUser } from "@/server/auth/current-user";
import { getDb } from "@/server/db/client";
import { canOnOwner, evidenceOwner } from "@/server/lke/evidence";
import { contentDisposition } from "@/server/storage/filename";
import { getStorage } from "@/server/storage/storage";

export const dynamic = "force-dynamic";

// Types that browsers may show inline; everything else is downloaded.
const INLINE = new Set(["application/pdf", "image/jpeg", "image/png", "image/webp", "image/gif"]);

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ error: "Silakan masuk terlebih dahulu." }, { status: 401 });
  const { id } = await params;
  const db = getDb();
  const evidence = await db.evidence.findFirst({ where: { id, deletedAt: null } });
  const owner = evidence && (await evidenceOwner(db, evidence));
  if (!evidence || !owner) return NextResponse.json({ error: "Berkas tidak ditemukan." }, { status: 404 });
  if (!canOnOwner(user, owner, owner.read)) return NextResponse.json({ error: "Anda tidak berwenang mengunduh berkas ini." }, { status: 403 });

  const stream = await getStorage().get(evidence.storageKey);
  const inline = INLINE.has(evidence.mimeType);
  return new Response(Readable.toWeb(stream) as ReadableStream, {
    headers: {
      "Content-Type": evidence.mimeType,
      "Content-Length": String(evidence.size),
      "Content-Disposition": contentDisposition(evidence.originalName, inline ? "inline" : "attachment"),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'",
      "Cache-Control": "private, no-store",
    },
  });
}
