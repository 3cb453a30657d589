import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { text } from "node:stream/consumers";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { UserError } from "@/server/errors";
import * as files from "../../../tests/fixtures/evidence-files";
import { DEFAULT_EVIDENCE_MAX_BYTES, evidenceMaxBytes, formatBytes, ingestUpload } from "./ingest";
import { LocalStorage, type EvidenceStorage } from "./storage";

const OOXML = "application/vnd.openxmlformats-officedocument";
const HINT = "Unggah PDF, gambar (JPG/PNG/WebP/GIF) atau dokumen Office.";

let dir: string;
let storage: LocalStorage;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "zi-evidence-"));
  vi.stubEnv("DATA_DIR", dir);
  vi.stubEnv("EVIDENCE_MAX_BYTES", "");
  storage = new LocalStorage(path.join(dir, "evidence"));
});

afterEach(async () => {
  vi.unstubAllEnvs();
  await rm(dir, { recursive: true, force: true });
});

/** Every file under DATA_DIR/<sub>, relative paths. */
async function filesUnder(sub: string): Promise<string[]> {
  return readdir(path.join(dir, sub), { recursive: true, withFileTypes: true }).then(
    (entries) =>
      entries.filter((e) => e.isFile()).map((e) => path.relative(path.join(dir, sub), path.join(e.parentPath, e.name))),
    () => [],
  );
}

async function expectNothingLeft() {
  expect(await filesUnder("evidence")).toEqual([]);
  expect(await filesUnder("tmp")).toEqual([]);
}

const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");

/** A Node stream of `total` bytes in `chunk`-byte pieces that records how many bytes were pulled. */
function countingNodeStream(first: Buffer, total: number, chunk: number) {
  const counter = { pulled: 0 };
  async function* gen() {
    for (let sent = 0; sent < total; sent += chunk) {
      const piece = Buffer.alloc(Math.min(chunk, total - sent), 0x25);
      if (sent === 0) first.copy(piece, 0, 0, Math.min(first.length, piece.length));
      counter.pulled += piece.length;
      yield piece;
    }
  }
  return { stream: Readable.from(gen(), { objectMode: false, highWaterMark: chunk }), counter };
}

/** The same as a web ReadableStream pulled one chunk at a time; records pulls and cancellation. */
function countingWebStream(first: Buffer, total: number, chunk: number) {
  const counter = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (counter.pulled >= total) return controller.close();
        const piece = Buffer.alloc(Math.min(chunk, total - counter.pulled), 0x25);
        if (counter.pulled === 0) first.copy(piece, 0, 0, Math.min(first.length, piece.length));
        counter.pulled += piece.length;
        controller.enqueue(new Uint8Array(piece));
      },
      cancel() {
        counter.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, counter };
}

describe("ingestUpload — accepted files", () => {
  test("stores a PDF with its sha256, size and type", async () => {
    const bytes = files.pdf("Notulen rapat pembangunan ZI");
    const result = await ingestUpload(Readable.from([bytes]), { originalName: "Notulen Rapat.pdf" }, storage);

    expect(result).toEqual({
      storageKey: expect.stringMatching(/^c[a-z0-9]+$/),
      originalName: "Notulen Rapat.pdf",
      size: bytes.length,
      sha256: sha256(bytes),
      mimeType: "application/pdf",
    });
    expect(await readFile(path.join(dir, "evidence", result.storageKey))).toEqual(bytes);
    expect(await text(await storage.get(result.storageKey))).toBe(bytes.toString("latin1"));
    expect(await filesUnder("tmp")).toEqual([]);
  });

  test("reads a web ReadableStream (a File's stream) too", async () => {
    const bytes = files.png(16, 16);
    const result = await ingestUpload(
      new Blob([new Uint8Array(bytes)]).stream(),
      { originalName: "foto kegiatan.png", declaredSize: bytes.length },
      storage,
    );
    expect(result).toMatchObject({
      size: bytes.length,
      sha256: sha256(bytes),
      mimeType: "image/png",
      originalName: "foto kegiatan.png",
    });
    expect(await readFile(path.join(dir, "evidence", result.storageKey))).toEqual(bytes);
  });

  test.each<[string, () => Buffer, string, string, string]>([
    ["PNG", () => files.png(), "foto.png", "image/png", "foto.png"],
    ["JPEG", files.jpeg, "foto.JPG", "image/jpeg", "foto.JPG"],
    ["WebP", files.webp, "foto.webp", "image/webp", "foto.webp"],
    ["GIF", files.gif, "animasi.gif", "image/gif", "animasi.gif"],
    ["DOCX", () => files.docx(), "SK Tim.docx", `${OOXML}.wordprocessingml.document`, "SK Tim.docx"],
    [
      "DOCX whose [Content_Types].xml comes after the first sniffed bytes",
      () => files.docx({ contentTypesLast: true, padding: 20_000 }),
      "SK Tim.docx",
      `${OOXML}.wordprocessingml.document`,
      "SK Tim.docx",
    ],
    ["XLSX", files.xlsx, "Rekap.xlsx", `${OOXML}.spreadsheetml.sheet`, "Rekap.xlsx"],
    ["PPTX", files.pptx, "Paparan.pptx", `${OOXML}.presentationml.presentation`, "Paparan.pptx"],
    ["ODT", () => files.odf("text"), "Laporan.odt", "application/vnd.oasis.opendocument.text", "Laporan.odt"],
    ["ODS", () => files.odf("spreadsheet"), "Rekap.ods", "application/vnd.oasis.opendocument.spreadsheet", "Rekap.ods"],
    [
      "ODP",
      () => files.odf("presentation"),
      "Paparan.odp",
      "application/vnd.oasis.opendocument.presentation",
      "Paparan.odp",
    ],
    [
      "DOC (Word 97–2003)",
      () => files.compoundFile(["1Table", "WordDocument"]),
      "SK.doc",
      "application/msword",
      "SK.doc",
    ],
    [
      "XLS (Excel 97–2003)",
      () => files.compoundFile(["Workbook"]),
      "Rekap.xls",
      "application/vnd.ms-excel",
      "Rekap.xls",
    ],
    [
      "PPT (PowerPoint 97–2003)",
      () => files.compoundFile(["Current User", "PowerPoint Document"]),
      "Paparan.ppt",
      "application/vnd.ms-powerpoint",
      "Paparan.ppt",
    ],
    [
      "XLS embedding a document, named .xls",
      () => files.compoundFile(["WordDocument", "Workbook"]),
      "Rekap.xls",
      "application/vnd.ms-excel",
      "Rekap.xls",
    ],
    // The name never decides the type; it is corrected to match the bytes.
    ["PDF named .docx", () => files.pdf(), "laporan.docx", "application/pdf", "laporan.pdf"],
    ["PNG named .jpg", () => files.png(), "foto.jpg", "image/png", "foto.png"],
    ["PDF named .exe", () => files.pdf(), "setup.exe", "application/pdf", "setup.exe.pdf"],
    ["PDF with a hostile name", () => files.pdf(), "../../\u202Eevil\r\n.pdf", "application/pdf", "evil.pdf"],
  ])("accepts %s", async (_, make, name, mime, storedName) => {
    const bytes = make();
    const result = await ingestUpload(Readable.from([bytes]), { originalName: name }, storage);
    expect(result.mimeType).toBe(mime);
    expect(result.originalName).toBe(storedName);
    expect(result.size).toBe(bytes.length);
    expect(result.sha256).toBe(sha256(bytes));
    expect(await filesUnder("evidence")).toEqual([result.storageKey]);
    expect(await filesUnder("tmp")).toEqual([]);
  });

  test("puts the key under the given prefix", async () => {
    const result = await ingestUpload(
      Readable.from([files.pdf()]),
      { originalName: "a.pdf", keyPrefix: "cinstansi01" },
      storage,
    );
    expect(result.storageKey).toMatch(/^cinstansi01\/c[a-z0-9]+$/);
    expect(await storage.exists(result.storageKey)).toBe(true);
  });

  test("gives every upload its own key", async () => {
    const a = await ingestUpload(Readable.from([files.pdf()]), { originalName: "a.pdf" }, storage);
    const b = await ingestUpload(Readable.from([files.pdf()]), { originalName: "a.pdf" }, storage);
    expect(a.storageKey).not.toBe(b.storageKey);
    expect((await filesUnder("evidence")).sort()).toEqual([a.storageKey, b.storageKey].sort());
  });
});

describe("ingestUpload — refused files leave nothing behind", () => {
  test.each<[string, () => Buffer, string, string]>([
    ["an .exe renamed .pdf", files.exe, "laporan.pdf", `Jenis berkas tidak diterima: EXE. ${HINT}`],
    ["HTML", files.html, "laporan.pdf", `Jenis berkas tidak diterima: isi berkas tidak dikenali. ${HINT}`],
    ["SVG", files.svg, "logo.svg", `Jenis berkas tidak diterima: isi berkas tidak dikenali. ${HINT}`],
    [
      "a ZIP archive that is not an Office file",
      files.plainZip,
      "bukti.docx",
      `Jenis berkas tidak diterima: ZIP. ${HINT}`,
    ],
    ["a Word document with macros", files.docm, "SK.docx", `Jenis berkas tidak diterima: DOCM (berisi makro). ${HINT}`],
    [
      "plain text",
      () => Buffer.from("hanya teks biasa\n"),
      "catatan.pdf",
      `Jenis berkas tidak diterima: isi berkas tidak dikenali. ${HINT}`,
    ],
    [
      "a gzip archive",
      () => Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
      "a.pdf",
      `Jenis berkas tidak diterima: GZ. ${HINT}`,
    ],
    [
      "a Compound File that is not Word/Excel/PowerPoint (e.g. an installer)",
      () => files.compoundFile(["\u0005SummaryInformation", "䡀㬿䏲䐸䖱"]),
      "setup.doc",
      `Jenis berkas tidak diterima: berkas OLE selain Word, Excel atau PowerPoint. ${HINT}`,
    ],
    [
      "a password-protected Office document",
      () => files.compoundFile(["EncryptionInfo", "EncryptedPackage"]),
      "Rekap.xlsx",
      "Dokumen Office yang dilindungi kata sandi tidak dapat diperiksa. Simpan tanpa kata sandi, lalu unggah kembali.",
    ],
    ["an empty file", () => Buffer.alloc(0), "kosong.pdf", `Berkas kosong. ${HINT}`],
    [
      "a Word 97–2003 document with a VBA project",
      () => files.compoundFile(["1Table", "WordDocument", "Macros/", "VBA/", "_VBA_PROJECT"]),
      "SK.doc",
      `Jenis berkas tidak diterima: DOC (berisi makro). ${HINT}`,
    ],
    [
      "an Excel 97–2003 workbook with a VBA project",
      () => files.compoundFile(["Workbook", "_VBA_PROJECT_CUR/", "VBA/"]),
      "Rekap.xls",
      `Jenis berkas tidak diterima: XLS (berisi makro). ${HINT}`,
    ],
    [
      "a PowerPoint 97–2003 file with a VBA project",
      () =>
        files.compoundFile(
          ["Current User", "PowerPoint Document"],
          Buffer.concat([Buffer.alloc(600, 0x20), files.PPT_VBA_RECORD]),
        ),
      "Paparan.ppt",
      `Jenis berkas tidak diterima: PPT (berisi makro). ${HINT}`,
    ],
  ])("refuses %s", async (_, make, name, message) => {
    const attempt = ingestUpload(Readable.from([make()]), { originalName: name }, storage);
    await expect(attempt).rejects.toThrow(UserError);
    await expect(attempt).rejects.toThrow(message);
    await expectNothingLeft();
  });

  test("stops reading a refused type after its first bytes", async () => {
    const total = 2 * 1024 * 1024;
    const { stream, counter } = countingWebStream(files.exe(), total, 1024);
    await expect(ingestUpload(stream, { originalName: "laporan.pdf" }, storage)).rejects.toThrow("EXE");
    expect(counter.pulled).toBeLessThan(16 * 1024);
    expect(counter.cancelled).toBe(true);
    await expectNothingLeft();
  });
});

describe("ingestUpload — size limit", () => {
  const limit = 64 * 1024;

  test("refuses limit + 1 bytes while streaming, without reading the rest (Node stream)", async () => {
    const total = 100 * limit;
    const { stream, counter } = countingNodeStream(files.pdf(), total, 1024);
    const attempt = ingestUpload(stream, { originalName: "besar.pdf", maxBytes: limit }, storage);
    await expect(attempt).rejects.toThrow(
      new UserError("Berkas terlalu besar: maksimal 64 KB.", undefined, undefined, "TOO_LARGE"),
    );
    expect(counter.pulled).toBeGreaterThan(limit);
    expect(counter.pulled).toBeLessThan(2 * limit);
    expect(stream.destroyed).toBe(true);
    await expectNothingLeft();
  });

  test("refuses limit + 1 bytes while streaming, without reading the rest (web stream)", async () => {
    const { stream, counter } = countingWebStream(files.pdf(), 100 * limit, 1000);
    await expect(ingestUpload(stream, { originalName: "besar.pdf", maxBytes: limit }, storage)).rejects.toThrow(
      "Berkas terlalu besar",
    );
    expect(counter.pulled).toBeLessThanOrEqual(limit + 1000);
    expect(counter.cancelled).toBe(true);
    await expectNothingLeft();
  });

  test("refuses exactly limit + 1 bytes", async () => {
    const { stream } = countingNodeStream(files.pdf(), limit + 1, 4096);
    await expect(ingestUpload(stream, { originalName: "besar.pdf", maxBytes: limit }, storage)).rejects.toThrow(
      "Berkas terlalu besar",
    );
    await expectNothingLeft();
  });

  test("accepts exactly the limit", async () => {
    const { stream, counter } = countingNodeStream(files.pdf(), limit, 4096);
    const result = await ingestUpload(stream, { originalName: "pas.pdf", maxBytes: limit }, storage);
    expect(counter.pulled).toBe(limit);
    expect(result.size).toBe(limit);
    expect((await readFile(path.join(dir, "evidence", result.storageKey))).length).toBe(limit);
  });

  test("refuses an announced size over the limit without reading anything", async () => {
    const { stream, counter } = countingWebStream(files.pdf(), 20 * 1024 * 1024, 65536);
    const attempt = ingestUpload(stream, { originalName: "besar.pdf", declaredSize: 20 * 1024 * 1024 }, storage);
    await expect(attempt).rejects.toThrow(
      new UserError("Berkas terlalu besar: maksimal 10 MB.", undefined, undefined, "TOO_LARGE"),
    );
    expect(counter.pulled).toBe(0);
    expect(counter.cancelled).toBe(true);
    await expectNothingLeft();
  });

  test("the default limit comes from EVIDENCE_MAX_BYTES", async () => {
    vi.stubEnv("EVIDENCE_MAX_BYTES", String(2.5 * 1024 * 1024));
    const { stream } = countingNodeStream(files.pdf(), 3 * 1024 * 1024, 65536);
    await expect(ingestUpload(stream, { originalName: "besar.pdf" }, storage)).rejects.toThrow(
      "Berkas terlalu besar: maksimal 2,5 MB.",
    );
    await expectNothingLeft();
  });

  test("refuses bytes that do not match the announced size", async () => {
    const bytes = files.pdf();
    const attempt = ingestUpload(
      Readable.from([bytes]),
      { originalName: "a.pdf", declaredSize: bytes.length + 10 },
      storage,
    );
    await expect(attempt).rejects.toThrow("Berkas tidak terunggah utuh. Silakan unggah ulang.");
    await expectNothingLeft();
  });
});

describe("ingestUpload — failures", () => {
  test("a failing storage leaves no temporary file", async () => {
    const failing: EvidenceStorage = {
      put: async (_key, body) => {
        body.destroy();
        throw new Error("disk penuh");
      },
      get: () => Promise.reject(new Error("unused")),
      exists: async () => false,
      discard: async () => {},
    };
    await expect(ingestUpload(Readable.from([files.pdf()]), { originalName: "a.pdf" }, failing)).rejects.toThrow(
      "disk penuh",
    );
    await expectNothingLeft();
  });

  test("a broken upload stream leaves nothing behind", async () => {
    async function* broken() {
      yield files.pdf();
      throw new Error("koneksi terputus");
    }
    await expect(ingestUpload(Readable.from(broken()), { originalName: "a.pdf" }, storage)).rejects.toThrow(
      "koneksi terputus",
    );
    await expectNothingLeft();
  });
});

describe("evidenceMaxBytes", () => {
  test.each<[string | undefined, number]>([
    [undefined, DEFAULT_EVIDENCE_MAX_BYTES],
    ["", 10 * 1024 * 1024],
    ["5242880", 5 * 1024 * 1024],
    [" 1000 ", 1000],
  ])("EVIDENCE_MAX_BYTES=%j → %i", (value, expected) => {
    expect(evidenceMaxBytes({ EVIDENCE_MAX_BYTES: value })).toBe(expected);
  });

  test.each(["10MB", "-1", "0", "1.5", "abc", String(2 ** 31)])("rejects EVIDENCE_MAX_BYTES=%j", (value) => {
    expect(() => evidenceMaxBytes({ EVIDENCE_MAX_BYTES: value })).toThrow(/EVIDENCE_MAX_BYTES/);
  });
});

describe("formatBytes", () => {
  test.each<[number, string]>([
    [10 * 1024 * 1024, "10 MB"],
    [2.5 * 1024 * 1024, "2,5 MB"],
    [64 * 1024, "64 KB"],
    [900, "900 byte"],
  ])("%i → %s", (bytes, expected) => {
    expect(formatBytes(bytes)).toBe(expected);
  });
});
