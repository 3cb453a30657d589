/**
 * Reads a filled Lampiran III workbook back into answers. Agencies' copies differ (extra columns,
 * shifted rows, trailing spaces, line breaks, typos), so nothing is read by fixed position: the sheet
 * and columns are found by their header texts, questions by their hierarchy codes checked against the
 * catalogue text (falling back to the closest text), counts by the labels of the "Jumlah" rows.
 * File-level failures throw LkeImportError (one Indonesian line); per-row trouble becomes a problem.
 */
import ExcelJS from "exceljs";
import { CATALOGUES, DEFAULT_CATALOGUE_ID } from "@/domain/catalogue/registry";
import type { Catalogue, CatalogueQuestion, SubAreaKind } from "@/domain/catalogue/types";
import type { AnswerValue, HasilInput, ZeroBaseRule } from "@/domain/scoring/types";
import { ZERO_BASE_RULES } from "@/domain/scoring/types";
import {
  LKE_SHEET,
  META,
  SUMMARY_SHEET,
  UPLOADED_FILES_HEADING,
  normalizeText,
  romanIndex,
  similarity,
} from "./layout";

export class LkeImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LkeImportError";
  }
}

export interface ImportProblem {
  /** Row of "LKE ZI" (1-based), null for the whole file. */
  row: number | null;
  questionId: string | null;
  message: string;
}

export interface ImportedQuestion {
  questionId: string;
  row: number;
  /** The answer read; null = empty or unreadable (see problems). */
  value: AnswerValue | null;
  catatan: string;
  /** The "Bukti Dukung" text, without the list of files the app itself exported. */
  evidenceText: string;
  /** The http(s) links of the evidence cells (hyperlinks and URLs typed in the link column). */
  evidenceLinks: string[];
}

export interface ImportedLke {
  catalogueId: string;
  zeroBase: ZeroBaseRule | null;
  sheetName: string;
  /** Answered questions only, in catalogue order. */
  answers: Record<string, AnswerValue>;
  hasil: HasilInput;
  /** Every catalogue question found in the sheet. */
  questions: ImportedQuestion[];
  problems: ImportProblem[];
}

export interface ImportOptions {
  /** Read against this catalogue (the assessment's); default: the one the file names, else the closest. */
  catalogueId?: string;
  catalogues?: ReadonlyMap<string, Catalogue>;
}

/* ── Cell values ── */

type Cell = ExcelJS.Cell;

function plain(value: ExcelJS.CellValue): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value !== "object" || value instanceof Date) return value;
  if ("richText" in value) return value.richText.map((t) => t.text).join("");
  if ("hyperlink" in value) return value.text;
  if ("result" in value || "formula" in value || "sharedFormula" in value)
    return plain((value as { result?: ExcelJS.CellValue }).result ?? null);
  if ("error" in value) return null;
  return null;
}

/** The value shown: a formula's cached result (read from the cell, since exceljs's value drops a 0 result). */
function shown(cell: Cell): unknown {
  return cell.type === ExcelJS.ValueType.Formula
    ? plain((cell.result as ExcelJS.CellValue) ?? null)
    : plain(cell.value);
}

function textOf(cell: Cell): string {
  const v = shown(cell);
  if (v === null) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).trim();
}

function numberOf(cell: Cell): number | null {
  const v = shown(cell);
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string") {
    const t = v.trim().replace(/\s+/g, "").replace(",", ".");
    if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  }
  return null;
}

function formulaOf(cell: Cell): string | null {
  const v = cell.value;
  if (v && typeof v === "object" && !(v instanceof Date)) {
    if ("formula" in v && typeof v.formula === "string") return v.formula;
    if ("sharedFormula" in v) return String(v.sharedFormula);
  }
  return null;
}

function hyperlinkOf(cell: Cell): string | null {
  const v = cell.value;
  if (v && typeof v === "object" && "hyperlink" in v && typeof v.hyperlink === "string") return v.hyperlink;
  return null;
}

/** Most links a question keeps from a workbook; longer lists are someone's folder listing. */
export const MAX_EVIDENCE_LINKS = 20;
const URL_PATTERN = /https?:\/\/[^\s<>"]+/gi;

/**
 * The links of a question's evidence cells: a cell's hyperlink and the URLs typed in the link column.
 * Only absolute http(s) links count: the app's own file links (relative) belong to files already stored.
 */
function evidenceLinksOf(bukti: Cell | null, link: Cell | null): string[] {
  const found: string[] = [];
  for (const cell of [bukti, link]) {
    if (!cell) continue;
    const h = hyperlinkOf(cell);
    if (h) found.push(...(h.match(URL_PATTERN) ?? []));
  }
  if (link) found.push(...(textOf(link).match(URL_PATTERN) ?? []));
  const links = [...new Set(found.map((u) => u.replace(/[.,;)]+$/, "")))].filter((u) => u.length <= 1000);
  return links.slice(0, MAX_EVIDENCE_LINKS);
}

/** The "Bukti Dukung" text up to the list of uploaded files our own export appends. */
function evidenceTextOf(cell: Cell | null): string {
  if (!cell) return "";
  const lines = textOf(cell).split(/\r?\n/);
  const cut = lines.findIndex((l) => normalizeText(l) === normalizeText(UPLOADED_FILES_HEADING));
  return (cut === -1 ? lines : lines.slice(0, cut)).join("\n").trim();
}

/* ── Sheet and columns ── */

interface Columns {
  header: number;
  penilaian: number;
  bobot: number;
  pilihan: number | null;
  jawaban: number;
  catatan: number | null;
  bukti: number | null;
  link: number | null;
}

function findColumns(ws: ExcelJS.Worksheet): Columns | null {
  const last = Math.min(ws.rowCount, 15);
  for (let r = 1; r <= last; r++) {
    const row = ws.getRow(r);
    const byText = new Map<string, number>();
    const texts: [number, string][] = [];
    row.eachCell((cell, col) => {
      const t = normalizeText(textOf(cell));
      if (!t) return;
      texts.push([col, t]);
      if (!byText.has(t)) byText.set(t, col);
    });
    const jawaban = byText.get("jawaban");
    const bobot = byText.get("bobot");
    if (!jawaban || !bobot) continue;
    const find = (test: (t: string) => boolean) => texts.find(([, t]) => test(t))?.[0] ?? null;
    const catatan = find((t) => t.startsWith("catatan"));
    const bukti = find((t) => t.includes("bukti") && !t.includes("link")) ?? (catatan ? catatan + 1 : null);
    const link = find((t) => t.includes("link") || t.includes("tautan") || t === "url") ?? (bukti ? bukti + 1 : null);
    return {
      header: r,
      penilaian: byText.get("penilaian") ?? 2,
      bobot,
      pilihan: byText.get("pilihan jawaban") ?? null,
      jawaban,
      catatan,
      bukti,
      link,
    };
  }
  return null;
}

function findSheet(wb: ExcelJS.Workbook): { ws: ExcelJS.Worksheet; cols: Columns } {
  const sheets = [...wb.worksheets].sort((a, b) => score(b) - score(a));
  function score(ws: ExcelJS.Worksheet) {
    const n = normalizeText(ws.name);
    return n === normalizeText(LKE_SHEET) ? 2 : n.includes("lke") ? 1 : 0;
  }
  for (const ws of sheets) {
    const cols = findColumns(ws);
    if (cols) return { ws, cols };
  }
  throw new LkeImportError(
    `Berkas ini bukan LKE Zona Integritas: tidak ada lembar dengan judul kolom "Bobot" dan "Jawaban" (lembar "${LKE_SHEET}").`,
  );
}

function readMeta(wb: ExcelJS.Workbook): Record<string, string> {
  const ws = wb.getWorksheet(SUMMARY_SHEET);
  const out: Record<string, string> = {};
  if (!ws) return out;
  const labels = new Map(Object.entries(META).map(([k, v]) => [normalizeText(v), k]));
  for (let r = 1; r <= Math.min(ws.rowCount, 20); r++) {
    const row = ws.getRow(r);
    for (let c = 1; c <= 4; c++) {
      const key = labels.get(normalizeText(textOf(row.getCell(c))));
      if (key) out[key] = textOf(row.getCell(c + 1));
    }
  }
  return out;
}

/* ── Rows ── */

type RowKind =
  | { kind: "komponen"; hasil: boolean }
  | { kind: "half"; half: SubAreaKind | null; index: number }
  | { kind: "area"; index: number; text: string }
  | { kind: "indicator"; index: number; text: string }
  | { kind: "item"; index: number | null; text: string }
  | { kind: "count"; text: string }
  | { kind: "other" };

function classify(row: ExcelJS.Row, cols: Columns, hasilMode: boolean): RowKind {
  const parts: { offset: number; text: string }[] = [];
  for (let c = cols.penilaian; c < cols.bobot; c++) {
    const t = textOf(row.getCell(c));
    if (t) parts.push({ offset: c - cols.penilaian, text: t });
  }
  if (parts.length === 0) return { kind: "other" };
  const first = parts[0];
  const rest = parts
    .slice(1)
    .map((p) => p.text)
    .join(" ");
  const code = first.text.replace(/\s+/g, "");
  const pilihan = cols.pilihan ? normalizeText(textOf(row.getCell(cols.pilihan))) : "";
  const body = rest || first.text;
  if (pilihan === "jumlah" || /^-\s*\S/.test(body) || (code === "-" && normalizeText(rest).startsWith("jumlah"))) {
    return { kind: "count", text: body.replace(/^-\s*/, "") };
  }
  if (/^[A-Z]\.?$/.test(code) && first.offset === 0)
    return { kind: "komponen", hasil: code.startsWith("B") || normalizeText(rest).includes("hasil") };
  if (first.offset === 0) {
    const n = normalizeText(first.text);
    if (n.includes("komponen hasil")) return { kind: "komponen", hasil: true };
    if (n.includes("komponen pengungkit")) return { kind: "komponen", hasil: false };
    return { kind: "other" };
  }
  if (/^[IVX]+\.?$/.test(code)) {
    const n = normalizeText(rest);
    const half: SubAreaKind | null = n.includes("reform") ? "REFORM" : n.includes("pemenuhan") ? "PEMENUHAN" : null;
    return { kind: "half", half, index: romanIndex(code) ?? 0 };
  }
  if (/^\d+\.?$/.test(code)) return { kind: "area", index: Number.parseInt(code, 10) - 1, text: rest };
  if (!hasilMode && /^[ivx]+\.?$/.test(code) && first.offset <= 3)
    return { kind: "indicator", index: romanIndex(code) ?? 0, text: rest };
  if (/^[a-z]\.?$/.test(code)) return { kind: "item", index: code.charCodeAt(0) - 97, text: rest };
  if (code === "-" && rest) return { kind: "item", index: null, text: rest };
  return { kind: "other" };
}

interface QuestionRows {
  question: CatalogueQuestion;
  row: number;
  countRows: { row: number; text: string }[];
  indicatorKey: string;
}

const QUESTION_MATCH = 0.55;
const COUNT_MATCH = 0.35;

/** Pairs count rows with a question's inputs: best label similarity first, each used once. */
function matchCounts(
  q: CatalogueQuestion,
  rows: { row: number; text: string }[],
  minimum: number,
  wanted: Set<string>,
) {
  const pairs: { key: string; row: number; score: number }[] = [];
  for (const r of rows) {
    for (const input of q.inputs) {
      if (!wanted.has(input.key)) continue;
      const tail = input.label.includes(" - ") ? input.label.slice(input.label.lastIndexOf(" - ") + 3) : input.label;
      pairs.push({
        key: input.key,
        row: r.row,
        score: Math.max(similarity(r.text, input.label), similarity(r.text, tail) - 0.05),
      });
    }
  }
  pairs.sort((a, b) => b.score - a.score);
  const usedRows = new Set<number>();
  const out = new Map<string, number>();
  for (const p of pairs) {
    if (p.score < minimum || out.has(p.key) || usedRows.has(p.row)) continue;
    out.set(p.key, p.row);
    usedRows.add(p.row);
  }
  return out;
}

/** The inputs a percentage formula uses (PRC3A also records sanctions, which do not count). */
function formulaKeys(q: CatalogueQuestion): Set<string> {
  const f = q.formula;
  if (!f) return new Set();
  if (f.kind === "ratio") return new Set([f.numerator, ...f.denominator]);
  if (f.kind === "reduction") return new Set([f.previous, f.current]);
  return new Set([f.due, f.done]);
}

function readOption(labels: readonly string[], text: string): string | null {
  const t = text.trim().replace(/\.$/, "").toLowerCase();
  return labels.find((l) => l.toLowerCase() === t) ?? null;
}

/** Reads one workbook against one catalogue. */
function readAgainst(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, cols: Columns, catalogue: Catalogue) {
  const problems: ImportProblem[] = [];
  const found: QuestionRows[] = [];
  const hasilRows: Partial<Record<"ipak" | "ipkp" | "capaianKinerja", number>> = {};
  const matched = new Set<string>();
  let simTotal = 0;

  let hasilMode = false;
  let half: SubAreaKind = "PEMENUHAN";
  let hasilHalf = 0;
  let areaIndex = -1;
  let indicatorIndex = -1;
  let itemCounter = 0;
  let current: QuestionRows | null = null;

  const subArea = () => catalogue.areas[areaIndex]?.subAreas.find((s) => s.kind === half);
  const last = ws.rowCount;
  for (let r = cols.header + 1; r <= last; r++) {
    const row = ws.getRow(r);
    const k = classify(row, cols, hasilMode);
    switch (k.kind) {
      case "komponen":
        hasilMode = k.hasil;
        current = null;
        break;
      case "half":
        if (hasilMode) hasilHalf = k.index;
        else half = k.half ?? (k.index === 1 ? "REFORM" : "PEMENUHAN");
        current = null;
        break;
      case "area": {
        if (hasilMode) {
          current = null;
          break;
        }
        // The number says which area; a name that clearly fits another area wins (renumbered copies).
        let index = k.index;
        const byName = catalogue.areas
          .map((a, i) => ({ i, s: similarity(a.name, k.text) }))
          .sort((a, b) => b.s - a.s)[0];
        if (k.text && byName && byName.s > 0.6 && byName.i !== index) index = byName.i;
        areaIndex = index;
        indicatorIndex = -1;
        current = null;
        break;
      }
      case "indicator":
        indicatorIndex = k.index;
        itemCounter = 0;
        current = null;
        break;
      case "item": {
        if (hasilMode) {
          const n = normalizeText(k.text);
          const field =
            n.includes("korupsi") || n.includes("ipak")
              ? "ipak"
              : n.includes("capaian") || n.includes("kinerja")
                ? "capaianKinerja"
                : n.includes("pelayanan") || n.includes("ipkp")
                  ? "ipkp"
                  : hasilHalf === 1
                    ? "ipkp"
                    : k.index === 1
                      ? "capaianKinerja"
                      : "ipak";
          hasilRows[field] = r;
          current = null;
          break;
        }
        const index = k.index ?? itemCounter;
        itemCounter = index + 1;
        const indicator = subArea()?.indicators[indicatorIndex];
        let question: CatalogueQuestion | undefined = indicator?.questions[index];
        let sim = question ? similarity(question.text, k.text) : 0;
        if (!question || sim < QUESTION_MATCH || matched.has(question.id)) {
          // Codes disagree with the catalogue: take the closest text not yet matched, in this sub-area first.
          const pool = [...(subArea()?.indicators.flatMap((i) => i.questions) ?? []), ...catalogue.questions];
          let best: { q: CatalogueQuestion; s: number } | null = null;
          for (const q of pool) {
            if (matched.has(q.id)) continue;
            const s = similarity(q.text, k.text);
            if (!best || s > best.s) best = { q, s };
          }
          question = best && best.s >= QUESTION_MATCH ? best.q : undefined;
          sim = best?.s ?? 0;
        }
        if (!question) {
          problems.push({
            row: r,
            questionId: null,
            message: `Baris ${r}: pertanyaan "${k.text.slice(0, 60)}" tidak cocok dengan katalog`,
          });
          current = null;
          break;
        }
        matched.add(question.id);
        simTotal += sim;
        current = { question, row: r, countRows: [], indicatorKey: `${half}:${areaIndex}:${indicatorIndex}` };
        found.push(current);
        break;
      }
      case "count":
        // A count row whose K is a formula is a subtotal the template computes (LHKPN "harus melaporkan").
        if (current && !formulaOf(row.getCell(cols.jawaban))) current.countRows.push({ row: r, text: k.text });
        break;
      default:
        break;
    }
  }

  const K = (r: number) => ws.getRow(r).getCell(cols.jawaban);
  const questions: ImportedQuestion[] = [];
  const answers: Record<string, AnswerValue> = {};
  for (const item of found) {
    const q = item.question;
    const cell = K(item.row);
    let value: AnswerValue | null = null;
    const problem = (message: string) =>
      problems.push({ row: item.row, questionId: q.id, message: `Baris ${item.row} (${q.id}): ${message}` });
    if (q.answerType !== "PERSENTASE") {
      const text = textOf(cell);
      if (text) {
        value = readOption(
          q.options.map((o) => o.label),
          text,
        );
        if (!value) problem(`pilihan "${text}" tidak dikenal (pilihan: ${q.options.map((o) => o.label).join(", ")})`);
      }
    } else {
      const wanted = new Set(q.inputs.map((i) => i.key));
      const rows = matchCounts(q, item.countRows, COUNT_MATCH, wanted);
      // Inputs shared with an earlier question of the indicator sit under that question (PRA1B reuses PRA1A's).
      const missing = new Set([...wanted].filter((key) => !rows.has(key)));
      if (missing.size > 0) {
        const earlier = found
          .filter((f) => f.indicatorKey === item.indicatorKey && f.row < item.row)
          .flatMap((f) => f.countRows);
        for (const [key, r] of matchCounts(q, earlier, 0.6, missing)) rows.set(key, r);
      }
      const counts: Record<string, number> = {};
      for (const [key, r] of rows) {
        const c = K(r);
        const n = numberOf(c);
        if (n === null) {
          if (textOf(c)) problem(`jumlah "${textOf(c)}" pada baris ${r} bukan angka`);
          continue;
        }
        if (n < 0 || !Number.isInteger(n)) {
          problem(`jumlah ${n} pada baris ${r} harus bilangan bulat tidak negatif`);
          continue;
        }
        counts[key] = n;
      }
      if (Object.keys(counts).length > 0) {
        value = counts;
        const absent = q.inputs.filter((i) => !(i.key in counts) && formulaKeys(q).has(i.key));
        if (absent.length > 0) problem(`jumlah belum diisi: ${absent.map((i) => i.label).join("; ")}`);
      } else {
        const formula = formulaOf(cell);
        const direct = formula?.match(/^\s*=?\s*([0-9.]+(?:[eE][-+]?\d+)?)\s*\/\s*100\s*$/);
        const n = numberOf(cell);
        if (direct) value = Number(direct[1]);
        else if (formula === null && n !== null) value = n <= 1 ? n * 100 : n;
        if (typeof value === "number" && (value < 0 || value > 100)) {
          problem(`persentase ${value} di luar 0–100`);
          value = null;
        }
        if (value === null && item.countRows.length > 0 && formula === null && n === null && textOf(cell))
          problem("jumlah tidak ditemukan");
      }
    }
    if (value !== null) answers[q.id] = value;
    questions.push({
      questionId: q.id,
      row: item.row,
      value,
      catatan: cols.catatan ? textOf(ws.getRow(item.row).getCell(cols.catatan)) : "",
      evidenceText: evidenceTextOf(cols.bukti ? ws.getRow(item.row).getCell(cols.bukti) : null),
      evidenceLinks: evidenceLinksOf(
        cols.bukti ? ws.getRow(item.row).getCell(cols.bukti) : null,
        cols.link ? ws.getRow(item.row).getCell(cols.link) : null,
      ),
    });
  }

  const hasil: HasilInput = { ipak: null, ipkp: null, capaianKinerja: null };
  for (const field of ["ipak", "ipkp"] as const) {
    const r = hasilRows[field];
    if (!r) continue;
    const n = numberOf(K(r));
    const def = catalogue.hasil[field];
    if (n === null) {
      if (textOf(K(r)))
        problems.push({
          row: r,
          questionId: null,
          message: `Baris ${r}: indeks ${field.toUpperCase()} "${textOf(K(r))}" bukan angka`,
        });
    } else if (n < def.scaleMin || n > def.scaleMax) {
      problems.push({
        row: r,
        questionId: null,
        message: `Baris ${r}: indeks ${field.toUpperCase()} ${n} di luar ${def.scaleMin}–${def.scaleMax}`,
      });
    } else hasil[field] = n;
  }
  if (hasilRows.capaianKinerja) {
    const r = hasilRows.capaianKinerja;
    const text = textOf(K(r));
    if (text) {
      const label = readOption(
        catalogue.hasil.capaianKinerja.options.map((o) => o.label),
        text,
      );
      if (label) hasil.capaianKinerja = label;
      else
        problems.push({
          row: r,
          questionId: null,
          message: `Baris ${r}: capaian kinerja "${text}" tidak dikenal (A–E)`,
        });
    }
  }
  for (const q of catalogue.questions) {
    if (!matched.has(q.id))
      problems.push({
        row: null,
        questionId: q.id,
        message: `Pertanyaan ${q.id} tidak ditemukan di lembar "${ws.name}"`,
      });
  }
  questions.sort(
    (a, b) =>
      catalogue.questions.indexOf(catalogue.questionById.get(a.questionId)!) -
      catalogue.questions.indexOf(catalogue.questionById.get(b.questionId)!),
  );
  const ordered: Record<string, AnswerValue> = {};
  for (const q of catalogue.questions) if (q.id in answers) ordered[q.id] = answers[q.id];
  void wb;
  return { answers: ordered, hasil, questions, problems, fit: simTotal + matched.size };
}

/** Loads .xlsx bytes; anything exceljs cannot open is "not an Excel workbook". */
export async function loadWorkbook(bytes: Uint8Array | Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new LkeImportError("Berkas bukan workbook Excel (.xlsx) yang dapat dibaca.");
  }
  return wb;
}

/** Reads a workbook's answers. */
export async function readLkeXlsx(bytes: Uint8Array | Buffer, options: ImportOptions = {}): Promise<ImportedLke> {
  return readLkeWorkbook(await loadWorkbook(bytes), options);
}

export function readLkeWorkbook(wb: ExcelJS.Workbook, options: ImportOptions = {}): ImportedLke {
  const catalogues = options.catalogues ?? CATALOGUES;
  const { ws, cols } = findSheet(wb);
  const meta = readMeta(wb);
  const named = options.catalogueId ?? (meta.catalogue && catalogues.has(meta.catalogue) ? meta.catalogue : null);
  let candidates: Catalogue[];
  if (named) {
    const c = catalogues.get(named);
    if (!c) throw new LkeImportError(`Katalog LKE "${named}" tidak dikenal.`);
    candidates = [c];
  } else {
    // The default first, so that an equal fit keeps it.
    candidates = [...catalogues.values()].sort(
      (a, b) => Number(b.id === DEFAULT_CATALOGUE_ID) - Number(a.id === DEFAULT_CATALOGUE_ID),
    );
  }
  let best: { catalogue: Catalogue; read: ReturnType<typeof readAgainst> } | null = null;
  for (const catalogue of candidates) {
    const read = readAgainst(wb, ws, cols, catalogue);
    if (!best || read.fit > best.read.fit) best = { catalogue, read };
  }
  const { catalogue, read } = best!;
  if (read.questions.length === 0) {
    throw new LkeImportError(`Lembar "${ws.name}" tidak memuat satu pun pertanyaan LKE yang dikenali.`);
  }
  const zeroBase = (ZERO_BASE_RULES as readonly string[]).includes(meta.zeroBase ?? "")
    ? (meta.zeroBase as ZeroBaseRule)
    : null;
  return {
    catalogueId: catalogue.id,
    zeroBase,
    sheetName: ws.name,
    answers: read.answers,
    hasil: read.hasil,
    questions: read.questions,
    problems: read.problems,
  };
}
