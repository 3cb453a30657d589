import { createHash, randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { dataDir } from "@/server/db/connect";
import { UserError } from "@/server/errors";
import {
  EMPTY_FILE_MESSAGE,
  EVIDENCE_EXTENSIONS,
  SNIFF_BYTES,
  sniffFile,
  sniffHead,
  type EvidenceType,
} from "./evidence-types";
import { withExtension } from "./filename";
import { newStorageKey } from "./keys";
import { getStorage, type EvidenceStorage } from "./storage";

export const DEFAULT_EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
// Evidence.size is a 32-bit integer column.
const LARGEST_LIMIT = 2 ** 31 - 1;

/** The upload limit in bytes: `EVIDENCE_MAX_BYTES`, default 10 MB. */
export function evidenceMaxBytes(env: Partial<Record<string, string>> = process.env): number {
  const raw = env.EVIDENCE_MAX_BYTES?.trim();
  if (!raw) return DEFAULT_EVIDENCE_MAX_BYTES;
  const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!(value >= 1 && value <= LARGEST_LIMIT)) {
    throw new Error(`EVIDENCE_MAX_BYTES harus bilangan bulat 1–${LARGEST_LIMIT} (byte), bukan ${JSON.stringify(raw)}.`);
  }
  return value;
}

/** "10 MB", "2,5 MB", "500 KB", "900 byte". */
export function formatBytes(bytes: number): string {
  const number = new Intl.NumberFormat("id-ID", { maximumFractionDigits: 1 });
  if (bytes >= 1024 * 1024) return `${number.format(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${number.format(bytes / 1024)} KB`;
  return `${bytes} byte`;
}

function tooLarge(maxBytes: number) {
  return new UserError(`Berkas terlalu besar: maksimal ${formatBytes(maxBytes)}.`, undefined, undefined, "TOO_LARGE");
}

export const INCOMPLETE_UPLOAD_MESSAGE = "Berkas tidak terunggah utuh. Silakan unggah ulang.";

export interface IngestMeta {
  /** The name the user's browser sent; only sanitised and displayed, never used as a path or to decide the type. */
  originalName: string;
  /** The size the client announced (e.g. `File.size`): refused early when over the limit, checked against the bytes. */
  declaredSize?: number;
  /** Defaults to `evidenceMaxBytes()`. */
  maxBytes?: number;
  /** Groups keys in the storage, e.g. by instansi id: `<prefix>/<id>`. */
  keyPrefix?: string;
}

export interface IngestedFile {
  storageKey: string;
  /** Sanitised, with an extension matching the detected type. */
  originalName: string;
  size: number;
  /** Lower-case hex. */
  sha256: string;
  mimeType: string;
}

type Body = ReadableStream<Uint8Array> | Readable;

async function* chunksOf(body: Body): AsyncGenerator<Uint8Array> {
  if (body instanceof Readable) {
    // Leaving this loop early (a refused upload) destroys the stream.
    for await (const chunk of body) yield typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Uint8Array);
    return;
  }
  const reader = body.getReader();
  let done = false;
  try {
    while (true) {
      const next = await reader.read();
      if (next.done) break;
      yield next.value;
    }
    done = true;
  } finally {
    if (!done) await reader.cancel().catch(() => {});
    reader.releaseLock();
  }
}

async function cancel(body: Body) {
  if (body instanceof Readable) body.destroy();
  else await body.cancel().catch(() => {});
}

interface Staged {
  size: number;
  sha256: string;
  /** The type settled by the first bytes, or "whole-file" when the complete file must be read. */
  verdict: EvidenceType | "whole-file";
}

/**
 * Passes the upload through while counting, hashing and sniffing it, and throws (which stops
 * reading the body) as soon as it is too large or its first bytes show a refused type.
 */
async function* measured(body: Body, maxBytes: number, staged: Partial<Staged>): AsyncGenerator<Uint8Array> {
  const hash = createHash("sha256");
  const head: Uint8Array[] = [];
  let size = 0;
  const judgeHead = async () => {
    staged.verdict = await sniffHead(Buffer.concat(head).subarray(0, SNIFF_BYTES));
    head.length = 0;
  };
  for await (const chunk of chunksOf(body)) {
    size += chunk.byteLength;
    if (size > maxBytes) throw tooLarge(maxBytes);
    hash.update(chunk);
    if (!staged.verdict) {
      head.push(chunk);
      if (size >= SNIFF_BYTES) await judgeHead();
    }
    yield chunk;
  }
  if (size === 0) throw new UserError(EMPTY_FILE_MESSAGE, undefined, undefined, "UNSUPPORTED");
  if (!staged.verdict) await judgeHead();
  staged.size = size;
  staged.sha256 = hash.digest("hex");
}

/**
 * Accepts one evidence upload: stages it under DATA_DIR/tmp while enforcing the size limit and
 * computing its sha256, decides its type from the bytes (PDF, images, Office documents), then puts
 * it into the storage under a new key. Refusals are `UserError`s; whatever happens, nothing is
 * left in the temporary folder, and nothing in the storage unless the file was accepted.
 */
export async function ingestUpload(
  body: Body,
  meta: IngestMeta,
  storage: EvidenceStorage = getStorage(),
): Promise<IngestedFile> {
  const maxBytes = meta.maxBytes ?? evidenceMaxBytes();
  if (meta.declaredSize !== undefined && meta.declaredSize > maxBytes) {
    await cancel(body);
    throw tooLarge(maxBytes);
  }

  const tmpDir = path.join(dataDir(), "tmp");
  await mkdir(tmpDir, { recursive: true });
  const tmp = path.join(tmpDir, `${randomUUID()}.upload`);
  try {
    const staged: Partial<Staged> = {};
    await pipeline(measured(body, maxBytes, staged), createWriteStream(tmp, { flags: "wx", mode: 0o600 }));
    const { size, sha256, verdict } = staged as Staged;
    if (meta.declaredSize !== undefined && meta.declaredSize !== size)
      throw new UserError(INCOMPLETE_UPLOAD_MESSAGE, undefined, undefined, "UNSUPPORTED");

    const type = verdict === "whole-file" ? await sniffFile(tmp, meta.originalName) : verdict;
    const storageKey = newStorageKey(meta.keyPrefix);
    await storage.put(storageKey, createReadStream(tmp), { size, contentType: type.mime });
    return {
      storageKey,
      originalName: withExtension(meta.originalName, type.extensions, EVIDENCE_EXTENSIONS),
      size,
      sha256,
      mimeType: type.mime,
    };
  } finally {
    await rm(tmp, { force: true });
  }
}
