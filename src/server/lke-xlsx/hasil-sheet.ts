/**
 * Reads a sheet of survey and performance results, one row per unit (unit name or code, IPAK, IPKP,
 * capaian kinerja), the way agencies receive them. Columns are found by their header texts; cells may hold
 * "3,71" as text. Per-row problems are collected, not thrown; only a file that is no such sheet throws.
 */
import ExcelJS from "exceljs";
import { LkeImportError, loadWorkbook } from "./import";
import { normalizeText } from "./layout";

export interface HasilSheetRow {
  row: number;
  unit: string;
  ipak: number | null;
  ipkp: number | null;
  capaianKinerja: string | null;
  problems: string[];
}

const cellText = (cell: ExcelJS.Cell): string => {
  const v = cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value;
  if (v === null || v === undefined) return "";
  if (typeof v === "object" && "richText" in v)
    return v.richText
      .map((t) => t.text)
      .join("")
      .trim();
  if (typeof v === "object" && "text" in v) return String(v.text).trim();
  return String(v).trim();
};

function indexOf(text: string): number | null | "bad" {
  if (!text) return null;
  const t = text.replace(/\s+/g, "").replace(",", ".");
  return /^\d+(\.\d+)?$/.test(t) ? Number(t) : "bad";
}

export async function readHasilSheet(
  bytes: Uint8Array | Buffer,
): Promise<{ sheetName: string; rows: HasilSheetRow[] }> {
  const wb = await loadWorkbook(bytes);
  for (const ws of wb.worksheets) {
    for (let r = 1; r <= Math.min(ws.rowCount, 10); r++) {
      const cols: Partial<Record<"unit" | "ipak" | "ipkp" | "capaian", number>> = {};
      ws.getRow(r).eachCell((cell, c) => {
        const t = normalizeText(cellText(cell));
        if (!cols.ipak && t.includes("ipak")) cols.ipak = c;
        else if (!cols.ipkp && t.includes("ipkp")) cols.ipkp = c;
        else if (!cols.capaian && t.includes("capaian")) cols.capaian = c;
        else if (!cols.unit && (t.includes("unit") || t === "kode" || t.startsWith("nama"))) cols.unit = c;
      });
      if (!cols.unit || !(cols.ipak || cols.ipkp || cols.capaian)) continue;
      const rows: HasilSheetRow[] = [];
      for (let rr = r + 1; rr <= ws.rowCount; rr++) {
        const row = ws.getRow(rr);
        const unit = cellText(row.getCell(cols.unit));
        const raw = {
          ipak: cols.ipak ? cellText(row.getCell(cols.ipak)) : "",
          ipkp: cols.ipkp ? cellText(row.getCell(cols.ipkp)) : "",
          capaian: cols.capaian ? cellText(row.getCell(cols.capaian)) : "",
        };
        if (!unit && !raw.ipak && !raw.ipkp && !raw.capaian) continue;
        const problems: string[] = [];
        if (!unit) problems.push("nama atau kode unit kosong");
        const ipak = indexOf(raw.ipak);
        const ipkp = indexOf(raw.ipkp);
        if (ipak === "bad") problems.push(`IPAK "${raw.ipak}" bukan angka`);
        if (ipkp === "bad") problems.push(`IPKP "${raw.ipkp}" bukan angka`);
        const capaian = raw.capaian.toUpperCase().replace(/\.$/, "") || null;
        if (capaian && !/^[A-E]$/.test(capaian)) problems.push(`capaian kinerja "${raw.capaian}" bukan A–E`);
        rows.push({
          row: rr,
          unit,
          ipak: typeof ipak === "number" ? ipak : null,
          ipkp: typeof ipkp === "number" ? ipkp : null,
          capaianKinerja: capaian && /^[A-E]$/.test(capaian) ? capaian : null,
          problems,
        });
      }
      return { sheetName: ws.name, rows };
    }
  }
  throw new LkeImportError(
    'Berkas ini bukan daftar nilai hasil: tidak ada judul kolom "Unit" dengan "IPAK", "IPKP" atau "Capaian kinerja".',
  );
}
