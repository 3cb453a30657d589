import { open } from "node:fs/promises";

/**
 * What a Compound File (the OLE container behind .doc/.xls/.ppt, but also .msi installers, Outlook
 * .msg and password-protected .docx/.xlsx) holds, told by the names of its streams.
 */
export type CompoundFileKind = "doc" | "xls" | "ppt" | "encrypted";

// Stream names that identify the application (MS-DOC, MS-XLS, MS-PPT, MS-OFFCRYPTO).
const STREAMS: Record<string, CompoundFileKind> = {
  worddocument: "doc",
  workbook: "xls",
  book: "xls",
  "powerpoint document": "ppt",
  encryptedpackage: "encrypted",
};

const HEADER_BYTES = 512;
const ENTRY_BYTES = 128;
const STREAM_OBJECT = 2;
const CHUNK_BYTES = ENTRY_BYTES * 512;

/** The stream name of the directory entry at `offset`, when that 128-byte block looks like one. */
function streamName(buf: Buffer, offset: number): string | undefined {
  const nameBytes = buf.readUInt16LE(offset + 0x40);
  if (buf[offset + 0x42] !== STREAM_OBJECT || nameBytes < 4 || nameBytes > 64 || nameBytes % 2) return undefined;
  return buf.toString("utf16le", offset, offset + nameBytes - 2).toLowerCase();
}

/**
 * Reads every 128-byte block after the header as a possible directory entry (directory sectors are
 * sector-aligned, so entries always sit on such a boundary) and lists the known streams found, in
 * file order (a workbook may embed a document, so there can be several). Scanning the whole file
 * avoids following the sector chains of a file we do not trust yet.
 */
export async function compoundFileKinds(file: string): Promise<CompoundFileKind[]> {
  const kinds = new Set<CompoundFileKind>();
  const handle = await open(file, "r");
  try {
    const buf = Buffer.alloc(CHUNK_BYTES);
    for (let position = HEADER_BYTES; ; position += CHUNK_BYTES) {
      const { bytesRead } = await handle.read(buf, 0, CHUNK_BYTES, position);
      for (let offset = 0; offset + ENTRY_BYTES <= bytesRead; offset += ENTRY_BYTES) {
        const name = streamName(buf, offset);
        const kind = name === undefined ? undefined : STREAMS[name];
        if (kind) kinds.add(kind);
      }
      if (bytesRead < CHUNK_BYTES) return [...kinds];
    }
  } finally {
    await handle.close();
  }
}
