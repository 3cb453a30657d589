import { describe, expect, test } from "vitest";
import { contentDisposition, MAX_FILE_NAME_LENGTH, safeFileName, withExtension } from "./filename";

const length = (s: string) => Array.from(s).length;

describe("safeFileName", () => {
  test.each<[string, string, string]>([
    ["keeps an ordinary name", "Laporan Monev TW III.pdf", "Laporan Monev TW III.pdf"],
    [
      "keeps Indonesian and accented letters",
      "Surat Keputusan Bupati – Évaluasi.docx",
      "Surat Keputusan Bupati – Évaluasi.docx",
    ],
    ["drops a relative path", "../../x.pdf", "x.pdf"],
    ["drops an absolute path", "/etc/passwd", "passwd"],
    ["drops a Windows path", "C:\\Users\\operator\\..\\SK Tim.pdf", "SK Tim.pdf"],
    ["drops mixed separators", "..\\../..\\evil.docx", "evil.docx"],
    ["removes NUL and other C0 controls", "sk\u0000tim\u0007.pdf", "sktim.pdf"],
    ["removes CR/LF", "sk\r\ntim.pdf", "sktim.pdf"],
    ["removes DEL and C1 controls", "a\u007fb\u0085c\u009f.pdf", "abc.pdf"],
    ["removes the right-to-left override", "laporan\u202Efdp.exe", "laporanfdp.exe"],
    ["removes bidi isolates and embeddings", "\u2066a\u2067b\u2068c\u2069\u202Ad\u202C.pdf", "abcd.pdf"],
    ["collapses whitespace", "  SK \t  Tim   Kerja .pdf ", "SK Tim Kerja .pdf"],
    ["removes leading dots (hidden files)", "...htaccess", "htaccess"],
    ["removes trailing dots", "laporan.pdf...", "laporan.pdf"],
    ["falls back when nothing is left", "../..", "berkas"],
    ["falls back on an empty name", "", "berkas"],
    ["falls back on only controls", "\u0000\u0001\u202E", "berkas"],
    ["falls back on a trailing separator", "dokumen/", "berkas"],
    ["replaces a lone surrogate", "a\ud800b.pdf", "a\ufffdb.pdf"],
    ["normalises to NFC", "Évaluasi.pdf".normalize("NFD"), "Évaluasi.pdf"],
  ])("%s", (_, input, expected) => {
    expect(safeFileName(input)).toBe(expected);
  });

  test("caps a 1000-character name at 150 characters and keeps the extension", () => {
    const result = safeFileName(`${"a".repeat(1000)}.pdf`);
    expect(length(result)).toBe(MAX_FILE_NAME_LENGTH);
    expect(result).toBe(`${"a".repeat(146)}.pdf`);
  });

  test("caps a long name without an extension", () => {
    expect(safeFileName("b".repeat(1000))).toBe("b".repeat(150));
  });

  test("counts characters, not UTF-16 units, and never splits a pair", () => {
    const result = safeFileName(`${"📄".repeat(400)}.docx`);
    expect(length(result)).toBe(150);
    expect(result.endsWith(".docx")).toBe(true);
    expect(result).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });

  test("does not take a 1000-character tail after a dot for an extension", () => {
    const result = safeFileName(`laporan.${"x".repeat(1000)}`);
    expect(length(result)).toBe(150);
    expect(result.startsWith("laporan.")).toBe(true);
  });

  test("is idempotent", () => {
    for (const name of ["../../x.pdf", `${"a".repeat(1000)}.pdf`, " .a\u202E b. ", "x\\y/z.png"]) {
      expect(safeFileName(safeFileName(name))).toBe(safeFileName(name));
    }
  });
});

describe("withExtension", () => {
  const known = ["pdf", "png", "jpg", "jpeg", "docx", "doc", "xls"];
  test.each<[string, string, string[], string]>([
    ["keeps a matching extension", "Laporan.PDF", ["pdf"], "Laporan.PDF"],
    ["keeps another extension of the same type", "foto.jpeg", ["jpg", "jpeg"], "foto.jpeg"],
    ["replaces the extension of another accepted type", "foto.jpeg", ["png"], "foto.png"],
    ["appends after a foreign extension", "setup.exe", ["pdf"], "setup.exe.pdf"],
    ["appends when there is none", "Laporan v1.2", ["pdf"], "Laporan v1.2.pdf"],
    ["appends to the fallback name", "../", ["pdf"], "berkas.pdf"],
  ])("%s", (_, name, accepted, expected) => {
    expect(withExtension(name, accepted, known)).toBe(expected);
  });

  test("stays within 150 characters when appending", () => {
    const result = withExtension(`${"a".repeat(149)}.exe`, ["pdf"], known);
    expect(length(result)).toBe(150);
    expect(result.endsWith(".pdf")).toBe(true);
  });
});

describe("contentDisposition", () => {
  test("gives an ASCII fallback and the UTF-8 name", () => {
    expect(contentDisposition("Évaluasi TW III.pdf")).toBe(
      `attachment; filename="Evaluasi TW III.pdf"; filename*=UTF-8''%C3%89valuasi%20TW%20III.pdf`,
    );
  });

  test("inline when asked", () => {
    expect(contentDisposition("a.pdf", "inline")).toBe(`inline; filename="a.pdf"; filename*=UTF-8''a.pdf`);
  });

  test.each([
    ["quote injection", 'a.pdf"; filename="evil.exe'],
    ["header injection", "a.pdf\r\nSet-Cookie: session=stolen"],
    ["bare LF", "a.pdf\nX-Evil: 1"],
    ["backslash escape", 'a\\"b.pdf'],
    ["RTL override", "laporan\u202Efdp.exe"],
    ["path", "../../etc/passwd"],
    ["RFC 5987 delimiters", "a'b(c)*.pdf"],
    ["lone surrogate", "a\udc00.pdf"],
    ["long", `${"x".repeat(1000)}.pdf`],
  ])("neutralises %s", (_, name) => {
    const header = contentDisposition(name);
    expect(header).not.toMatch(/[\r\n\u0000-\u001f\u007f-\uffff]/);
    const match = /^attachment; filename="([^"\\]*)"; filename\*=UTF-8''([A-Za-z0-9!#$&+\-.^_`|~%]+)$/.exec(header);
    expect(match).not.toBeNull();
    // The encoded name decodes to the sanitised name and no more.
    expect(decodeURIComponent(match![2])).toBe(safeFileName(name));
    expect(match![1]).not.toContain("/");
  });
});
