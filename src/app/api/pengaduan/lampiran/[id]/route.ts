/** A complaint's attachment, for the unit and the Inspektorat only; served like evidence (sandboxed, download). */
import { Readable } from "node:stream";
import { getCurrentUser } from "@/server/auth/current-user";
import { contentDisposition } from "@/server/storage/filename";
import { getStorage } from "@/server/storage/storage";
import { pengaduanAttachment } from "@/server/queries/pengaduan";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return Response.json({ ok: false, error: "Silakan masuk terlebih dahulu." }, { status: 401 });
  const file = await pengaduanAttachment(user, (await params).id);
  if (!file) return Response.json({ ok: false, error: "Berkas tidak ditemukan." }, { status: 404 });
  const stream = await getStorage().get(file.storageKey);
  return new Response(Readable.toWeb(stream) as ReadableStream, {
    headers: {
      "Content-Type": file.mimeType,
      "Content-Length": String(file.size),
      "Content-Disposition": contentDisposition(file.originalName, "attachment"),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cache-Control": "private, no-store",
    },
  });
}
