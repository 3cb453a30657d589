import { open } from "node:fs/promises";

/**
 * What a Compound File (the OLE container behind .doc/.xls/.ppt, but also .msi installers, Outlook
 * .msg and password-protected .docx/.xlsx) holds, told by the names of its streams.
 */
export type CompoundFileKind = "doc" | "xls" | "ppt" | "encrypted" | "macros";

// Stream names that identify the application (MS-DOC, MS-XLS, MS-PPT, MS-OFFCRYPTO).
const STREAMS: Record<string, CompoundFileKind> = {
  worddocument: "doc",
  workbook: "xls",
  book: "xls",
  "powerpoint document": "ppt",
  encryptedpackage: "encrypted",
};

// Where Office 97–2003 keeps a VBA project (MS-OVBA): the "Macros" storage of a Word document, the
// "_VBA_PROJECT_CUR" storage of a workbook, and inside them "VBA" and "_VBA_PROJECT".
const MACRO_ENTRIES = new Set(["macros", "_vba_project_cur", "vba", "_vba_project"]);

// PowerPoint keeps its VBA project compressed inside the "PowerPoint Document" stream, announced by a
// VbaInfoContainer record (MS-PPT 2.4.9): recVer 0xF, recInstance 0, recType 0x03FF.
const PPT_VBA_RECORD = Buffer.from([0x0f, 0x00, 0xff, 0x03]);

const HEADER_BYTES = 512;
const ENTRY_BYTES = 128;
const STORAGE_OBJECT = 1;
const STREAM_OBJECT = 2;
const CHUNK_BYTES = ENTRY_BYTES * 512;

/** What the stream or storage entry at `offset` tells, when that 128-byte block looks like one. */
function entryKind(buf: Buffer, offset: number): CompoundFileKind | undefined {
  const nameBytes = buf.readUInt16LE(offset + 0x40);
  const type = buf[offset + 0x42];
  if ((type !== STREAM_OBJECT && type !== STORAGE_OBJECT) || nameBytes < 4 || nameBytes > 64 || nameBytes % 2)
    return undefined;
  const name = buf.toString("utf16le", offset, offset + nameBytes - 2).toLowerCase();
  if (MACRO_ENTRIES.has(name)) return "macros";
  return type === STREAM_OBJECT ? STREAMS[name] : undefined;
}

/**
 * Reads every 128-byte block after the header as a possible directory entry (directory sectors are
 * sector-aligned, so entries always sit on such a boundary) and lists the known streams found, in
 * file order (a workbook may embed a document, so there can be several), and "macros" when it holds a
 * VBA project. Scanning the whole file
 * avoids following the sector chains of a file we do not trust yet.
 */
export async function compoundFileKinds(file: string): Promise<CompoundFileKind[]> {
  const kinds = new Set<CompoundFileKind>();
  const handle = await open(file, "r");
  try {
    const buf = Buffer.alloc(CHUNK_BYTES);
    let tail = Buffer.alloc(0);
    let pptVba = false;
    for (let position = HEADER_BYTES; ; position += CHUNK_BYTES) {
      const { bytesRead } = await handle.read(buf, 0, CHUNK_BYTES, position);
      for (let offset = 0; offset + ENTRY_BYTES <= bytesRead; offset += ENTRY_BYTES) {
        const kind = entryKind(buf, offset);
        if (kind) kinds.add(kind);
      }
      // A record header may straddle two chunks: search the carried-over tail too.
      const window = Buffer.concat([tail, buf.subarray(0, bytesRead)]);
      if (window.includes(PPT_VBA_RECORD)) pptVba = true;
      tail = Buffer.from(window.subarray(Math.max(0, window.length - (PPT_VBA_RECORD.length - 1))));
      if (bytesRead < CHUNK_BYTES) {
        if (pptVba && kinds.has("ppt")) kinds.add("macros");
        return [...kinds];
      }
    }
  } finally {
    await handle.close();
  }
}
