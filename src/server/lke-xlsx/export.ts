/**
 * Writes a unit's LKE as the Lampiran III workbook: "LKE ZI" (hierarchy rows with weights, the answer,
 * live formulas in Nilai and %, a row per count under each percentage question, catatan and evidence,
 * the TPI layer beside the unit's), "Utama" (summary) and "Ctt Eval" (per sub-area values). Every
 * formula carries the engine's number as its cached result, so the file reads right before Excel
 * recalculates; the formulas themselves follow the official template, so a changed answer moves the score.
 */
import ExcelJS from "exceljs";
import type { Catalogue, CatalogueQuestion, CatalogueOption, PercentageFormula } from "@/domain/catalogue/types";
import { scoreAssessment, zeroBaseScore } from "@/domain/scoring/score";
import type { Answers, HasilInput, Scorecard, ZeroBaseRule } from "@/domain/scoring/types";
import {
  ANSWER_TYPE_TEXT,
  EXCLUDED_TEXT,
  HEADERS,
  LKE_SHEET,
  META,
  NOTES_SHEET,
  SUMMARY_SHEET,
  TPI_HEADERS,
  UNANSWERED_TEXT,
  UPLOADED_FILES_HEADING,
  letterCode,
  romanNumeral,
} from "./layout";

export interface EvidenceItem {
  name: string;
  url?: string | null;
}

/** One layer of answers (the unit's or the TPI's). */
export interface LayerData {
  answers: Answers;
  hasil?: HasilInput | null;
  catatan?: Readonly<Record<string, string | null | undefined>>;
  evidence?: Readonly<Record<string, readonly EvidenceItem[]>>;
  /** Evidence named in text and links (what an imported workbook said), per question. */
  evidenceNote?: Readonly<Record<string, { text: string; links: readonly string[] }>>;
}

export interface ExportInput {
  catalogue: Catalogue;
  zeroBase?: ZeroBaseRule;
  /** Shown on "Utama". */
  meta?: { unit?: string; instansi?: string; periode?: string };
  self?: LayerData | null;
  tpi?: LayerData | null;
}

interface LayerColumns {
  answer: string;
  value: string;
  pct: string;
  note: string;
  data: LayerData;
  card: Scorecard;
  name: string;
}

type Cached = number | string;
const f = (formula: string, result: Cached): ExcelJS.CellFormulaValue =>
  ({ formula, result }) as ExcelJS.CellFormulaValue;
const num = (x: number) => String(x);

/** Nested IFs from an option label to its value, as the template's answer rows do; anything else is 0. */
function optionFormula(cell: string, options: readonly CatalogueOption[]): string {
  let expr = "0";
  for (const o of [...options].reverse()) expr = `IF(TRIM(${cell})="${o.label}",${num(o.score)},${expr})`;
  return expr;
}

/** K of a percentage question: the fraction from the count rows, per the catalogue's formula and the periode's zero-base rule. */
function percentageFormula(
  q: CatalogueQuestion,
  catalogue: Catalogue,
  zeroBase: ZeroBaseRule,
  cellOf: (key: string) => string,
): string {
  const formula = q.formula as PercentageFormula;
  const settings = catalogue.settings;
  const zero = zeroBase === "EXCLUDE" ? `"${EXCLUDED_TEXT}"` : num(zeroBaseScore(zeroBase, settings));
  const capped = (x: string) => `IF(${x}>1,1,${x})`;
  let expr: string;
  switch (formula.kind) {
    case "ratio": {
      const den = `SUM(${formula.denominator.map(cellOf).join(",")})`;
      expr = `IF(${den}=0,${zero},${capped(`${cellOf(formula.numerator)}/${den}`)})`;
      break;
    }
    case "reduction": {
      const prev = cellOf(formula.previous);
      const cur = cellOf(formula.current);
      expr =
        settings.percentageFormulas.PRC3A.choice === "reduction"
          ? `IF(${prev}=0,IF(${cur}=0,1,0),MAX(0,${capped(`(${prev}-${cur})/${prev}`)}))`
          : `IF(${prev}=0,${num(settings.zeroDenominator.score)},${capped(`${cur}/${prev}`)})`;
      break;
    }
    case "complaints": {
      const done = cellOf(formula.done);
      const base =
        settings.percentageFormulas.PRE2A.choice === "done-over-due"
          ? cellOf(formula.due)
          : `(${cellOf(formula.inProgress)}+${done})`;
      expr = `IF(${base}=0,${zero},${capped(`${done}/${base}`)})`;
      break;
    }
  }
  // No count entered at all = unanswered (the template's "Blm Diisi").
  return `IF(COUNT(${q.inputs.map((i) => cellOf(i.key)).join(",")})=0,"",${expr})`;
}

const criteriaText = (options: readonly CatalogueOption[]) =>
  options.map((o) => `${o.label}: ${o.criteria}`).join("\n");

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};

/**
 * Sets a cell. exceljs drops a formula's falsy cached result (0, "") when a value is assigned, and a
 * file without them reads as empty until recalculated, so the result is put back on the cell model.
 */
function setCell(cell: ExcelJS.Cell, value: ExcelJS.CellValue) {
  cell.value = value;
  if (value && typeof value === "object" && "formula" in value) {
    (cell as unknown as { _value: { model: { result?: unknown } } })._value.model.result = value.result;
  }
}

function addRow(sheet: ExcelJS.Worksheet, values: ExcelJS.CellValue[]): ExcelJS.Row {
  const row = sheet.addRow([]);
  values.forEach((v, i) => setCell(row.getCell(i + 1), v));
  return row;
}

/** Builds the workbook (exceljs object). */
export function buildLkeWorkbook(input: ExportInput): ExcelJS.Workbook {
  const { catalogue } = input;
  const zeroBase = input.zeroBase ?? "ZERO";
  const primary = input.self ?? input.tpi;
  if (!primary) throw new Error("Tidak ada lapisan jawaban untuk diekspor");
  const card = (d: LayerData) =>
    scoreAssessment({ catalogue, answers: d.answers, hasil: d.hasil ?? undefined, zeroBase });
  const layers: LayerColumns[] = [
    {
      answer: "K",
      value: "L",
      pct: "M",
      note: "O",
      data: primary,
      card: card(primary),
      name: input.self ? "Unit kerja" : "TPI",
    },
  ];
  if (input.self && input.tpi)
    layers.push({ answer: "R", value: "S", pct: "T", note: "U", data: input.tpi, card: card(input.tpi), name: "TPI" });

  const wb = new ExcelJS.Workbook();
  wb.creator = "Zona Integritas";
  // "Utama" comes first, as in the official file; it is filled once the row numbers of "LKE ZI" are known.
  const mainSheet = wb.addWorksheet(SUMMARY_SHEET);
  const subAreaRow = new Map<string, number>();
  const ws = wb.addWorksheet(LKE_SHEET, { views: [{ state: "frozen", ySplit: 2 }] });
  ws.columns = [
    { key: "A", width: 5 },
    { key: "B", width: 5 },
    { key: "C", width: 5 },
    { key: "D", width: 5 },
    { key: "E", width: 5 },
    { key: "F", width: 5 },
    { key: "G", width: 60 },
    { key: "H", width: 8 },
    { key: "I", width: 50 },
    { key: "J", width: 12 },
    { key: "K", width: 10 },
    { key: "L", width: 9 },
    { key: "M", width: 9 },
    { key: "N", width: 3 },
    { key: "O", width: 40 },
    { key: "P", width: 40 },
    { key: "Q", width: 30 },
    ...(layers.length > 1
      ? [
          { key: "R", width: 10 },
          { key: "S", width: 9 },
          { key: "T", width: 9 },
          { key: "U", width: 40 },
        ]
      : []),
  ];
  ws.getCell("A1").value = `LEMBAR KERJA EVALUASI ZONA INTEGRITAS${input.meta?.unit ? ` — ${input.meta.unit}` : ""}`;
  ws.getCell("A1").font = { bold: true, size: 12 };
  const headers: Record<string, string> = { ...HEADERS, ...(layers.length > 1 ? TPI_HEADERS : {}) };
  for (const [col, text] of Object.entries(headers)) {
    const cell = ws.getCell(`${col}2`);
    cell.value = text;
    cell.font = { bold: true };
    cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
    cell.border = THIN;
  }

  let r = 2;
  let no = 0;
  const next = () => ++r;
  const set = (row: number, col: string, value: ExcelJS.CellValue) => setCell(ws.getCell(`${col}${row}`), value);
  /** A weighted row: H, and per layer L (given) and M = L/H. */
  const weighted = (row: number, weight: number, value: (l: LayerColumns) => { formula: string; result: number }) => {
    set(row, "H", weight);
    for (const l of layers) {
      const v = value(l);
      set(row, l.value, f(v.formula, v.result));
      set(row, l.pct, f(`IF(H${row}=0,0,${l.value}${row}/H${row})`, weight === 0 ? 0 : v.result / weight));
    }
    ws.getRow(row).font = { bold: true };
  };

  // ── Komponen pengungkit ──
  const pengungkitRow = next();
  set(pengungkitRow, "B", "A.");
  set(pengungkitRow, "C", "KOMPONEN PENGUNGKIT");
  const halfRows: number[] = [];
  (["PEMENUHAN", "REFORM"] as const).forEach((kind, halfIndex) => {
    const halfRow = next();
    halfRows.push(halfRow);
    set(halfRow, "C", `${halfIndex === 0 ? "I" : "II"}.`);
    set(halfRow, "D", kind);
    const areaRows: number[] = [];
    catalogue.areas.forEach((area, areaIndex) => {
      const sub = area.subAreas.find((s) => s.kind === kind);
      if (!sub) return;
      const areaRow = next();
      areaRows.push(areaRow);
      set(areaRow, "D", `${areaIndex + 1}.`);
      set(areaRow, "E", area.name);
      const indicatorRows: number[] = [];
      sub.indicators.forEach((indicator, indicatorIndex) => {
        const indRow = next();
        indicatorRows.push(indRow);
        set(indRow, "E", `${romanNumeral(indicatorIndex)}.`);
        set(indRow, "F", indicator.name);
        const first = indRow + 1;
        indicator.questions.forEach((q, qi) => writeQuestion(q, qi));
        const last = r;
        weighted(indRow, indicator.weight, (l) => ({
          formula:
            zeroBase === "EXCLUDE"
              ? `IFERROR(AVERAGE(${l.value}${first}:${l.value}${last}),1)*H${indRow}`
              : `AVERAGE(${l.value}${first}:${l.value}${last})*H${indRow}`,
          result: l.card.indicators[indicator.id].score,
        }));
      });
      subAreaRow.set(sub.id, areaRow);
      weighted(areaRow, sub.weight, (l) => ({
        formula: `SUM(${indicatorRows.map((x) => `${l.value}${x}`).join(",")})`,
        result: l.card.subAreas[sub.id].score,
      }));
    });
    const halfWeight = kind === "PEMENUHAN" ? catalogue.weights.pemenuhan : catalogue.weights.reform;
    weighted(halfRow, halfWeight, (l) => ({
      formula: `SUM(${areaRows.map((x) => `${l.value}${x}`).join(",")})`,
      result: kind === "PEMENUHAN" ? l.card.pemenuhan : l.card.reform,
    }));
  });
  weighted(pengungkitRow, catalogue.weights.pengungkit, (l) => ({
    formula: `SUM(${halfRows.map((x) => `${l.value}${x}`).join(",")})`,
    result: l.card.pengungkit,
  }));

  function writeQuestion(q: CatalogueQuestion, qi: number) {
    const row = next();
    set(row, "A", ++no);
    set(row, "F", `${letterCode(qi)}.`);
    set(row, "G", q.text);
    set(row, "J", ANSWER_TYPE_TEXT[q.answerType]);
    if (q.options.length > 0) set(row, "I", criteriaText(q.options));
    const countRows = new Map(q.inputs.map((input, i) => [input.key, row + 1 + i]));
    for (const l of layers) {
      const value = l.data.answers[q.id];
      const result = l.card.questions[q.id];
      const K = `${l.answer}${row}`;
      if (q.answerType === "PERSENTASE") {
        if (typeof value === "number") {
          set(row, l.answer, f(`${num(value)}/100`, value / 100));
        } else {
          const answered = value !== null && value !== undefined;
          const cached: Cached = !answered ? "" : result.excluded ? EXCLUDED_TEXT : result.score;
          set(
            row,
            l.answer,
            f(
              percentageFormula(q, catalogue, zeroBase, (key) => `${l.answer}${countRows.get(key)}`),
              cached,
            ),
          );
        }
        const valueFormula =
          zeroBase === "EXCLUDE"
            ? `IF(ISNUMBER(${K}),${K},IF(${K}="${EXCLUDED_TEXT}","",0))`
            : `IF(ISNUMBER(${K}),${K},0)`;
        set(row, l.value, f(valueFormula, result.excluded ? "" : result.score));
      } else {
        if (typeof value === "string") set(row, l.answer, value);
        set(row, l.value, f(optionFormula(K, q.options), result.score));
      }
      ws.getCell(`${l.value}${row}`).numFmt = "0.00";
      set(row, l.pct, f(`IF(${K}="","${UNANSWERED_TEXT}","")`, result.answered ? "" : UNANSWERED_TEXT));
      const note = l.data.catatan?.[q.id];
      if (note) set(row, l.note, note);
    }
    const evidence = primary!.evidence?.[q.id] ?? [];
    const evidenceNote = primary!.evidenceNote?.[q.id];
    const evidenceLines = [
      ...(evidenceNote?.text ? [evidenceNote.text] : []),
      ...(evidence.length > 0 ? [UPLOADED_FILES_HEADING, ...evidence.map((e, i) => `${i + 1}. ${e.name}`)] : []),
    ];
    if (evidenceLines.length > 0) set(row, "P", evidenceLines.join("\n"));
    const links = [...(evidenceNote?.links ?? []), ...evidence.map((e) => e.url).filter((u): u is string => !!u)];
    if (links.length === 1) set(row, "Q", { text: links[0], hyperlink: links[0] });
    else if (links.length > 1) set(row, "Q", links.join("\n"));
    for (const c of ["G", "I", "O", "P", "Q"]) ws.getCell(`${c}${row}`).alignment = { wrapText: true, vertical: "top" };
    // The count rows: "- Jumlah …", answered in K; the values written are the layer's counts (absent keys stay blank).
    q.inputs.forEach((input) => {
      const cr = next();
      set(cr, "F", "-");
      set(cr, "G", `- ${input.label}`);
      set(cr, "J", "Jumlah");
      for (const l of layers) {
        const value = l.data.answers[q.id];
        if (value === null || value === undefined || typeof value !== "object") continue;
        const counts = value as Record<string, number>;
        // An answer with no count at all still must read back as answered: all zeros score the same.
        const n = Object.keys(counts).length === 0 ? 0 : counts[input.key];
        if (typeof n === "number") set(cr, l.answer, n);
      }
    });
  }

  // ── Komponen hasil ──
  const h = catalogue.hasil;
  const hasilRow = next();
  set(hasilRow, "B", "B.");
  set(hasilRow, "C", "KOMPONEN HASIL");
  const surveyRow = (code: string, field: "ipak" | "ipkp") => {
    const row = next();
    set(row, "D", code);
    set(row, "E", h[field].name);
    set(row, "J", `Nilai\n(${h[field].scaleMin}-${h[field].scaleMax})`);
    weighted(row, h[field].weight, (l) => {
      const v = l.data.hasil?.[field];
      if (typeof v === "number") set(row, l.answer, v);
      return {
        formula: `IF(ISNUMBER(${l.answer}${row}),${l.answer}${row}/${num(h[field].scaleMax)}*H${row},0)`,
        result: l.card[field],
      };
    });
    return row;
  };
  const bersihRow = next();
  set(bersihRow, "C", "I.");
  set(bersihRow, "D", h.birokrasiBersih.name.toUpperCase());
  const ipakRow = surveyRow("a.", "ipak");
  const capaianRow = next();
  set(capaianRow, "D", "b.");
  set(capaianRow, "E", h.capaianKinerja.name);
  set(capaianRow, "I", criteriaText(h.capaianKinerja.options));
  set(capaianRow, "J", "A/B/C/D/E");
  weighted(capaianRow, h.capaianKinerja.weight, (l) => {
    const v = l.data.hasil?.capaianKinerja;
    if (v) set(capaianRow, l.answer, v);
    return {
      formula: `(${optionFormula(`${l.answer}${capaianRow}`, h.capaianKinerja.options)})*H${capaianRow}`,
      result: l.card.capaianKinerja,
    };
  });
  weighted(bersihRow, h.birokrasiBersih.weight, (l) => ({
    formula: `SUM(${l.value}${ipakRow},${l.value}${capaianRow})`,
    result: l.card.birokrasiBersih,
  }));
  const primaRow = next();
  set(primaRow, "C", "II.");
  set(primaRow, "D", h.pelayananPrima.name.toUpperCase());
  const ipkpRow = surveyRow("a.", "ipkp");
  weighted(primaRow, h.pelayananPrima.weight, (l) => ({ formula: `SUM(${l.value}${ipkpRow})`, result: l.card.ipkp }));
  weighted(hasilRow, catalogue.weights.hasil, (l) => ({
    formula: `SUM(${l.value}${bersihRow},${l.value}${primaRow})`,
    result: l.card.hasil,
  }));

  // ── Totals ──
  const totalRow = (label: string, formula: (l: LayerColumns) => string, result: (l: LayerColumns) => number) => {
    const row = next();
    set(row, "B", label);
    for (const l of layers) set(row, l.value, f(formula(l), result(l)));
    ws.getRow(row).font = { bold: true };
    return row;
  };
  const tp = totalRow(
    "TOTAL PENGUNGKIT",
    (l) => `${l.value}${pengungkitRow}`,
    (l) => l.card.pengungkit,
  );
  const th = totalRow(
    "TOTAL HASIL",
    (l) => `${l.value}${hasilRow}`,
    (l) => l.card.hasil,
  );
  const totalCell = totalRow(
    "NILAI EVALUASI ZONA INTEGRITAS",
    (l) => `SUM(${l.value}${tp},${l.value}${th})`,
    (l) => l.card.total,
  );
  for (let row = 3; row <= r; row++) {
    for (const l of layers) {
      ws.getCell(`${l.value}${row}`).numFmt = "0.00";
      ws.getCell(`${l.pct}${row}`).numFmt = "0.00%";
    }
  }

  writeSummary(wb, input, layers, { totalCell, hasilRow, catalogue, zeroBase });
  return wb;

  function writeSummary(
    book: ExcelJS.Workbook,
    inp: ExportInput,
    ls: LayerColumns[],
    ctx: { totalCell: number; hasilRow: number; catalogue: Catalogue; zeroBase: ZeroBaseRule },
  ) {
    // "Ctt Eval": one row per sub-area (area × half), its value pulled from "LKE ZI".
    const notes = book.addWorksheet(NOTES_SHEET);
    notes.columns = [
      { width: 5 },
      { width: 40 },
      { width: 12 },
      { width: 8 },
      { width: 10 },
      { width: 10 },
      { width: 50 },
    ];
    notes.addRow(["No", "Komponen", "Bagian", "Bobot", `Nilai ${ls[0].name}`, "%", "Catatan"]).font = { bold: true };
    let i = 0;
    for (const kind of ["PEMENUHAN", "REFORM"] as const) {
      for (const area of ctx.catalogue.areas) {
        for (const sub of area.subAreas.filter((s) => s.kind === kind)) {
          const src = subAreaRow.get(sub.id)!;
          const value = ls[0].card.subAreas[sub.id].score;
          addRow(notes, [
            ++i,
            area.name,
            kind,
            sub.weight,
            f(`'${LKE_SHEET}'!L${src}`, value),
            f(`'${LKE_SHEET}'!M${src}`, sub.weight ? value / sub.weight : 0),
            "",
          ]);
        }
      }
    }
    notes.getColumn(5).numFmt = "0.00";
    notes.getColumn(6).numFmt = "0.00%";

    // "Utama": per area pemenuhan / reform and %, hasil and total, with Catatan and Rekomendasi columns.
    const main = mainSheet;
    main.columns = [
      { width: 5 },
      { width: 40 },
      { width: 10 },
      { width: 12 },
      { width: 10 },
      { width: 12 },
      { width: 10 },
      { width: 10 },
      { width: 30 },
      { width: 30 },
    ];
    main.addRow(["REKAPITULASI LEMBAR KERJA EVALUASI ZONA INTEGRITAS"]).font = { bold: true, size: 12 };
    const metaRows: [string, string][] = [
      [META.unit, inp.meta?.unit ?? ""],
      [META.instansi, inp.meta?.instansi ?? ""],
      [META.periode, inp.meta?.periode ?? ""],
      [META.catalogue, ctx.catalogue.id],
      [META.zeroBase, ctx.zeroBase],
      [META.layer, ls.map((l) => l.name).join(" + ")],
    ];
    for (const [label, value] of metaRows) main.addRow(["", label, value]);
    main.addRow([]);
    main.addRow(["No", "Area", "Bobot", "Pemenuhan", "%", "Reform", "%", "Nilai", "Catatan", "Rekomendasi"]).font = {
      bold: true,
    };
    const l0 = ls[0];
    const areaLookup = (area: Catalogue["areas"][number], kind: "PEMENUHAN" | "REFORM") => {
      const sub = area.subAreas.find((s) => s.kind === kind);
      return sub ? subAreaRow.get(sub.id) : undefined;
    };
    ctx.catalogue.areas.forEach((area, idx) => {
      const result = l0.card.areas.find((a) => a.id === area.id)!;
      const pRow = areaLookup(area, "PEMENUHAN");
      const rRow = areaLookup(area, "REFORM");
      const pw = area.subAreas.filter((s) => s.kind === "PEMENUHAN").reduce((s, x) => s + x.weight, 0);
      const rw = area.subAreas.filter((s) => s.kind === "REFORM").reduce((s, x) => s + x.weight, 0);
      const rowNumber = main.rowCount + 1;
      addRow(main, [
        idx + 1,
        area.name,
        area.weight,
        pRow ? f(`'${LKE_SHEET}'!L${pRow}`, result.pemenuhan) : 0,
        pRow ? f(`'${LKE_SHEET}'!M${pRow}`, pw ? result.pemenuhan / pw : 0) : 0,
        rRow ? f(`'${LKE_SHEET}'!L${rRow}`, result.reform) : 0,
        rRow ? f(`'${LKE_SHEET}'!M${rRow}`, rw ? result.reform / rw : 0) : 0,
        f(`D${rowNumber}+F${rowNumber}`, result.score),
        "",
        "",
      ]);
    });
    addRow(main, [
      "",
      "Komponen hasil",
      ctx.catalogue.weights.hasil,
      "",
      "",
      "",
      "",
      f(`'${LKE_SHEET}'!L${ctx.hasilRow}`, l0.card.hasil),
      "",
      "",
    ]);
    addRow(main, [
      "",
      "NILAI EVALUASI ZONA INTEGRITAS",
      ctx.catalogue.weights.total,
      "",
      "",
      "",
      "",
      f(`'${LKE_SHEET}'!L${ctx.totalCell}`, l0.card.total),
      "",
      "",
    ]).font = { bold: true };
    for (const c of [4, 6, 8]) main.getColumn(c).numFmt = "0.00";
    for (const c of [5, 7]) main.getColumn(c).numFmt = "0.00%";
  }
}

/** The workbook as .xlsx bytes. */
export async function writeLkeXlsx(input: ExportInput): Promise<Buffer> {
  const wb = buildLkeWorkbook(input);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
