import { MAX_ATTACHMENTS } from "@/server/actions/pengaduan.validation";
import { evidenceMaxBytes, formatBytes } from "@/server/storage/ingest";
import type { PublicFile } from "./public";

/** Room for the text fields and multipart framing on top of the attachments. */
const TEXT_ALLOWANCE = 256 * 1024;

export type LimitedForm =
  { ok: true; fields: Record<string, string>; files: PublicFile[] } | { ok: false; status: number; error: string };

/** The largest complaint body accepted: every attachment at the upload limit, plus the text fields. */
export function pengaduanBodyLimit(): number {
  return MAX_ATTACHMENTS * evidenceMaxBytes() + TEXT_ALLOWANCE;
}

/**
 * Reads a multipart body no larger than the attachments' limit allows: an announced size over it is
 * refused before reading, and a chunked body is cut off as soon as it passes it.
 */
export async function readLimitedForm(req: Request): Promise<LimitedForm> {
  const limit = pengaduanBodyLimit();
  const tooLarge = {
    ok: false as const,
    status: 413,
    error: `Kiriman terlalu besar: lampiran maksimal ${MAX_ATTACHMENTS} berkas @ ${formatBytes(evidenceMaxBytes())}.`,
  };
  const declared = Number(req.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > limit) return tooLarge;
  const type = req.headers.get("content-type") ?? "";
  if (!req.body || !/^multipart\/form-data/i.test(type))
    return { ok: false, status: 400, error: "Kirim formulir pengaduan sebagai multipart/form-data." };

  let seen = 0;
  let over = false;
  const limited = req.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > limit) {
          over = true;
          controller.error(new Error("too large"));
          return;
        }
        controller.enqueue(chunk);
      },
    }),
  );
  let data: FormData;
  try {
    data = await new Response(limited, { headers: { "content-type": type } }).formData();
  } catch {
    return over ? tooLarge : { ok: false, status: 400, error: "Formulir tidak terbaca. Silakan kirim ulang." };
  }
  const fields: Record<string, string> = {};
  const files: PublicFile[] = [];
  for (const [key, value] of data.entries()) {
    if (typeof value === "string") fields[key] = value;
    else if (key === "lampiran" && value.size > 0)
      files.push({ name: value.name, size: value.size, stream: () => value.stream() });
  }
  return { ok: true, fields, files };
}
