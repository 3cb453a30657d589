import ExcelJS from "exceljs";
import fc from "fast-check";
import { HyperFormula } from "hyperformula";
import { describe, expect, test } from "vitest";
import type { Catalogue } from "@/domain/catalogue/types";
import { scoreAssessment } from "@/domain/scoring/score";
import { LKE_2021, LKE_2026, answersArbitrary } from "@/domain/scoring/test-fixtures";
import type { Answers, HasilInput, ZeroBaseRule } from "@/domain/scoring/types";
import { buildLkeWorkbook, writeLkeXlsx } from "./export";
import { LkeImportError, readLkeXlsx } from "./import";
import { LKE_SHEET } from "./layout";
import { handMadeWorkbook } from "./hand-made.fixture";

const hasilArb = (c: Catalogue): fc.Arbitrary<HasilInput> =>
  fc.record({
    ipak: fc.option(fc.double({ min: c.hasil.ipak.scaleMin, max: 4, noNaN: true }), { nil: null }),
    ipkp: fc.option(fc.double({ min: c.hasil.ipkp.scaleMin, max: 4, noNaN: true }), { nil: null }),
    capaianKinerja: fc.option(fc.constantFrom("A", "B", "C", "D", "E"), { nil: null }),
  });

/** What a round trip must give back: answered questions only; a count answer with no count at all is written as zeros. */
function expected(c: Catalogue, answers: Answers) {
  const out: Record<string, unknown> = {};
  for (const q of c.questions) {
    const v = answers[q.id];
    if (v === null || v === undefined) continue;
    out[q.id] =
      typeof v === "object" && Object.keys(v).length === 0 ? Object.fromEntries(q.inputs.map((i) => [i.key, 0])) : v;
  }
  return out;
}

const CATALOGUES = [
  ["permenpanrb-90-2021", LKE_2021],
  ["lke-2026", LKE_2026],
] as const;

describe.each(CATALOGUES)("export → import (%s)", (_id, catalogue) => {
  test("random LKEs come back with identical answers and hasil, and the catalogue is recognised", async () => {
    await fc.assert(
      fc.asyncProperty(
        answersArbitrary(catalogue),
        hasilArb(catalogue),
        fc.constantFrom<ZeroBaseRule>("ZERO", "ONE", "EXCLUDE"),
        async (answers, hasil, zeroBase) => {
          const bytes = await writeLkeXlsx({
            catalogue,
            zeroBase,
            self: { answers, hasil },
            tpi: { answers: {}, hasil: null },
          });
          // Each "Nilai" formula of the file carries its cached value, 0 included (blank only for a left-out question).
          const loaded = new ExcelJS.Workbook();
          await loaded.xlsx.load(bytes as unknown as ArrayBuffer);
          loaded
            .getWorksheet(LKE_SHEET)!
            .getColumn("L")
            .eachCell((cell) => {
              if (cell.type === ExcelJS.ValueType.Formula && zeroBase !== "EXCLUDE")
                expect(typeof cell.result).toBe("number");
            });
          const back = await readLkeXlsx(bytes);
          expect(back.catalogueId).toBe(catalogue.id);
          expect(back.zeroBase).toBe(zeroBase);
          expect(back.answers).toEqual(expected(catalogue, answers));
          expect(back.hasil).toEqual(hasil);
          expect(back.problems.filter((p) => !p.message.includes("jumlah belum diisi"))).toEqual([]);
        },
      ),
      { numRuns: 12 },
    );
  }, 120_000);

  test("catatan and evidence are carried; the TPI-only export reads back as the TPI's answers", async () => {
    const q = catalogue.questions[0];
    const bytes = await writeLkeXlsx({
      catalogue,
      tpi: {
        answers: { [q.id]: q.options[1].label },
        catatan: { [q.id]: "Catatan TPI\nbaris dua" },
        evidence: { [q.id]: [{ name: "SK Tim.pdf", url: "/api/evidence/abc" }] },
        evidenceNote: { [q.id]: { text: "1. Notulen rapat\n2. Daftar hadir", links: ["https://contoh.go.id/sk"] } },
      },
    });
    const back = await readLkeXlsx(bytes, { catalogueId: catalogue.id });
    expect(back.answers).toEqual({ [q.id]: q.options[1].label });
    const row = back.questions.find((x) => x.questionId === q.id)!;
    // The app's own uploaded files (listed under their heading, linked relatively) are not read as evidence text.
    expect(row).toMatchObject({
      catatan: "Catatan TPI\nbaris dua",
      evidenceText: "1. Notulen rapat\n2. Daftar hadir",
      evidenceLinks: ["https://contoh.go.id/sk"],
    });
  });
});

/** Sheets as arrays for HyperFormula: formulas as "=…", values as they are. */
function sheetsOf(wb: ExcelJS.Workbook): Record<string, (string | number | boolean | null)[][]> {
  const out: Record<string, (string | number | boolean | null)[][]> = {};
  for (const ws of wb.worksheets) {
    const rows: (string | number | boolean | null)[][] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const row: (string | number | boolean | null)[] = [];
      for (let c = 1; c <= ws.columnCount; c++) {
        const v = ws.getRow(r).getCell(c).value;
        if (v === null || v === undefined) row.push(null);
        else if (typeof v === "object" && "formula" in v) row.push(`=${v.formula}`);
        else if (typeof v === "object" && "hyperlink" in v) row.push(v.text as string);
        else row.push(v as string | number | boolean);
      }
      rows.push(row);
    }
    out[ws.name] = rows;
  }
  return out;
}

describe.each(CATALOGUES)("an independent formula engine recalculates the export (%s)", (_id, catalogue) => {
  test("HyperFormula gives the engine's totals for both layers, and every cached result equals its recalculated value", () => {
    fc.assert(
      fc.property(
        answersArbitrary(catalogue),
        hasilArb(catalogue),
        answersArbitrary(catalogue),
        fc.constantFrom<ZeroBaseRule>("ZERO", "ONE", "EXCLUDE"),
        (rawSelf, rawHasil, rawTpi, zeroBase) => {
          const round = (x: number | null | undefined) => (typeof x === "number" ? Math.round(x * 100) / 100 : x);
          const hasil = { ...rawHasil, ipak: round(rawHasil.ipak), ipkp: round(rawHasil.ipkp) };
          // Percentages as people type them: denormal doubles (1e-320 %) are beyond what spreadsheets parse.
          const typed = (a: Answers): Answers =>
            Object.fromEntries(
              Object.entries(a).map(([k, v]) => [k, typeof v === "number" ? Math.round(v * 1000) / 1000 : v]),
            );
          const answers = typed(rawSelf);
          const tpiAnswers = typed(rawTpi);
          const wb = buildLkeWorkbook({
            catalogue,
            zeroBase,
            self: { answers, hasil },
            tpi: { answers: tpiAnswers, hasil },
          });
          const hf = HyperFormula.buildFromSheets(sheetsOf(wb), { licenseKey: "gpl-v3" });
          const sheet = hf.getSheetId(LKE_SHEET)!;
          const ws = wb.getWorksheet(LKE_SHEET)!;
          const rowOf = (label: string) => {
            for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(`B${r}`).value === label) return r;
            throw new Error(label);
          };
          const self = scoreAssessment({ catalogue, answers, hasil, zeroBase });
          const tpi = scoreAssessment({ catalogue, answers: tpiAnswers, hasil, zeroBase });
          const at = (col: number, r: number) => hf.getCellValue({ sheet, row: r - 1, col }) as number;
          expect(at(11, rowOf("NILAI EVALUASI ZONA INTEGRITAS"))).toBeCloseTo(self.total, 9);
          expect(at(11, rowOf("TOTAL PENGUNGKIT"))).toBeCloseTo(self.pengungkit, 9);
          expect(at(18, rowOf("NILAI EVALUASI ZONA INTEGRITAS"))).toBeCloseTo(tpi.total, 9);
          // Every formula's cached result (what a reader sees before recalculating) is what HyperFormula computes.
          for (const name of ["Utama", LKE_SHEET, "Ctt Eval"]) {
            const w = wb.getWorksheet(name)!;
            const id = hf.getSheetId(name)!;
            w.eachRow((row, r) =>
              row.eachCell((cell, c) => {
                const v = cell.value;
                if (!v || typeof v !== "object" || !("formula" in v)) return;
                const got = hf.getCellValue({ sheet: id, row: r - 1, col: c - 1 });
                const cached = cell.result;
                if (typeof cached === "number") expect(got as number).toBeCloseTo(cached, 9);
                else expect(got ?? "").toBe(cached ?? "");
              }),
            );
          }
        },
      ),
      { numRuns: 8 },
    );
  }, 120_000);
});

describe("a workbook laid out by hand in the official shape", () => {
  test("reads through the quirks: headers found, shifted columns and rows, typos, shared and subtotal count rows", async () => {
    const { bytes, answers, hasil } = await handMadeWorkbook();
    const back = await readLkeXlsx(bytes);
    expect(back.catalogueId).toBe("permenpanrb-90-2021");
    expect(back.answers).toEqual(answers);
    expect(back.hasil).toEqual(hasil);
    const messages = back.problems.map((p) => p.message);
    expect(messages.some((m) => m.includes('pilihan "X" tidak dikenal'))).toBe(true);
    expect(messages.some((m) => m.includes("Kegiatan tambahan daerah") && m.includes("tidak cocok"))).toBe(true);
    expect(back.questions.find((q) => q.questionId === "PPA1A")).toMatchObject({
      catatan: "SK Tim ZI",
      evidenceLinks: ["https://drive.example/sk"],
    });
  });

  test("files that are not such a workbook are refused with one message", async () => {
    await expect(readLkeXlsx(new TextEncoder().encode("MZ\x90\x00 bukan excel"))).rejects.toThrow(LkeImportError);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1").addRow(["Nama", "Nilai"]);
    const other = Buffer.from(await wb.xlsx.writeBuffer());
    await expect(readLkeXlsx(other)).rejects.toThrow(/bukan LKE Zona Integritas/);
  });
});
