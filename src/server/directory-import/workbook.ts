/**
 * The directory workbook an ADMIN fills to onboard OPDs and staff at once: sheet "Unit" and sheet
 * "Pengguna", one row each, found by their header names (any order, any case, extra columns ignored).
 */
import ExcelJS from "exceljs";
import { UserError } from "@/server/errors";

// Below the framework's 2 MB server-action body limit, so the refusal is ours and clear.
export const DIRECTORY_MAX_BYTES = 1536 * 1024;
export const DIRECTORY_MAX_ROWS = 2000;

export const UNIT_COLUMNS = {
  name: "Nama Unit",
  shortName: "Singkatan",
  type: "Jenis",
  parent: "Unit Induk (singkatan)",
  headName: "Nama Kepala",
  headNip: "NIP Kepala",
  proposed: "Diusulkan ZI (Ya/Tidak)",
  criteria: "Kriteria Pemilihan",
} as const;

export const USER_COLUMNS = {
  name: "Nama",
  nip: "NIP",
  email: "Email",
  roles: "Peran",
  unit: "Unit (singkatan)",
  tpiUnits: "Unit TPI (singkatan)",
} as const;

export type UnitRow = { row: number } & Record<keyof typeof UNIT_COLUMNS, string>;
export type UserRow = { row: number } & Record<keyof typeof USER_COLUMNS, string>;

/** A cell as the text its user typed: hyperlinks (emails) by their text, formulas by their result. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value.trim();
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "Ya" : "Tidak";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ("richText" in value)
    return value.richText
      .map((r) => r.text)
      .join("")
      .trim();
  if ("text" in value && typeof value.text === "string") return value.text.trim();
  if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
  return "";
}

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/\([^)]*\)/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

function findSheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  return wb.worksheets.find((ws) => norm(ws.name) === norm(name));
}

/** The header row (within the first 10) and each wanted column's number; a missing column is a problem. */
function readSheet<K extends string>(
  ws: ExcelJS.Worksheet,
  columns: Record<K, string>,
  required: NoInfer<K>[],
): ({ row: number } & Record<K, string>)[] {
  const wanted = Object.entries(columns) as [K, string][];
  for (let r = 1; r <= Math.min(10, ws.rowCount); r++) {
    const found = new Map<K, number>();
    ws.getRow(r).eachCell((cell, col) => {
      const text = norm(cellText(cell.value));
      const hit = wanted.find(([, header]) => norm(header) === text);
      if (hit) found.set(hit[0], col);
    });
    if (!required.every((k) => found.has(k))) continue;
    const rows: ({ row: number } & Record<K, string>)[] = [];
    for (let i = r + 1; i <= ws.rowCount; i++) {
      const xl = ws.getRow(i);
      const values = Object.fromEntries(
        wanted.map(([key]) => [key, found.has(key) ? cellText(xl.getCell(found.get(key)!).value) : ""]),
      ) as Record<K, string>;
      const entry = { row: i, ...values };
      if (wanted.some(([key]) => entry[key] !== "")) rows.push(entry);
    }
    return rows;
  }
  const names = required.map((k) => `"${columns[k]}"`).join(", ");
  throw new UserError(`Lembar "${ws.name}" tidak memiliki baris judul dengan kolom ${names}. Gunakan templat impor.`);
}

/** Reads the workbook; anything that is not such a workbook gets one clear refusal. */
export async function readDirectoryWorkbook(bytes: ArrayBuffer): Promise<{ units: UnitRow[]; users: UserRow[] }> {
  if (bytes.byteLength > DIRECTORY_MAX_BYTES)
    throw new UserError("Berkas terlalu besar: maksimal 1,5 MB.", undefined, undefined, "TOO_LARGE");
  const head = new Uint8Array(bytes.slice(0, 4));
  // An .xlsx is a ZIP: anything else (a renamed .exe, an old .xls, a CSV) is refused before parsing.
  if (!(head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04)) {
    throw new UserError(
      "Berkas bukan buku kerja Excel (.xlsx). Simpan ulang sebagai .xlsx dari templat impor.",
      undefined,
      undefined,
      "UNSUPPORTED",
    );
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0]);
  } catch {
    throw new UserError("Berkas .xlsx rusak atau tidak dapat dibaca.", undefined, undefined, "UNSUPPORTED");
  }
  const unitSheet = findSheet(wb, "Unit");
  const userSheet = findSheet(wb, "Pengguna");
  if (!unitSheet && !userSheet)
    throw new UserError('Buku kerja tidak memiliki lembar "Unit" maupun "Pengguna". Gunakan templat impor.');
  const units = unitSheet ? readSheet(unitSheet, UNIT_COLUMNS, ["name", "shortName"]) : [];
  const users = userSheet ? readSheet(userSheet, USER_COLUMNS, ["name", "email", "roles"]) : [];
  if (units.length + users.length === 0) throw new UserError("Buku kerja tidak berisi baris unit atau pengguna.");
  if (units.length + users.length > DIRECTORY_MAX_ROWS)
    throw new UserError(
      `Paling banyak ${DIRECTORY_MAX_ROWS} baris sekali impor; bagi berkasnya.`,
      undefined,
      undefined,
      "TOO_LARGE",
    );
  return { units, users };
}

/** The empty template (with one example row per sheet), offered on the import page. */
export async function directoryTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = (name: string, headers: string[], example: string[], textCols: number[]) => {
    const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
    ws.addRow(headers).font = { bold: true };
    ws.addRow(example);
    headers.forEach((h, i) => {
      ws.getColumn(i + 1).width = Math.max(14, h.length + 4);
      // NIPs are 18 digits: as numbers Excel would round them.
      if (textCols.includes(i)) ws.getColumn(i + 1).numFmt = "@";
    });
  };
  sheet(
    "Unit",
    Object.values(UNIT_COLUMNS),
    ["Dinas Perhubungan", "Dishub", "Dinas", "", "Nama Kepala Dinas", "", "Ya", "Pelayanan strategis"],
    [5],
  );
  sheet(
    "Pengguna",
    Object.values(USER_COLUMNS),
    ["Nama Operator", "", "operator.dishub@contoh.go.id", "Operator OPD", "Dishub", ""],
    [1],
  );
  const notes = wb.addWorksheet("Petunjuk");
  for (const line of [
    "Isi satu baris per unit di lembar Unit dan satu baris per orang di lembar Pengguna; hapus baris contoh.",
    "Jenis: Dinas, Badan, RSUD, Puskesmas, Kecamatan, Bagian, UPT, Lainnya.",
    "Unit Induk dan Unit: singkatan unit yang sudah ada atau yang ada di lembar Unit.",
    "Kriteria Pemilihan (wajib bila diusulkan ZI), dipisah koma: Pelayanan strategis, Sumber daya besar, Keberhasilan RB tinggi.",
    "Peran, dipisah koma: Admin, Pimpinan, TPI, Kepala OPD, Operator OPD. Kepala/Operator OPD memerlukan kolom Unit; TPI memerlukan Unit TPI.",
    "NIP diketik sebagai teks (18 digit). Setiap pengguna baru mendapat kata sandi sekali pakai yang ditampilkan sekali setelah impor.",
  ])
    notes.addRow([line]);
  notes.getColumn(1).width = 120;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
