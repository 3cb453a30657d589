/**
 * The Lampiran III "LKE ZI" layout shared by the exporter and the importer: sheet and header names, the
 * fixed columns of the official workbook, and the text normalisation used to match a workbook's rows to
 * the catalogue (agencies' copies carry trailing spaces, line breaks and typos).
 */

export const LKE_SHEET = "LKE ZI";
export const SUMMARY_SHEET = "Utama";
export const NOTES_SHEET = "Ctt Eval";

/** Header texts of row 2 of "LKE ZI", by column letter. */
export const HEADERS = {
  A: "No",
  B: "Penilaian",
  H: "Bobot",
  I: "Penjelasan",
  J: "Pilihan Jawaban",
  K: "Jawaban",
  L: "Nilai",
  M: "%",
  O: "Catatan/Keterangan/Penjelasan",
  P: "Bukti Dukung",
  Q: "Link Bukti Dukung",
} as const;

/**
 * The line above the app's own uploaded files in the "Bukti Dukung" cell: the importer keeps only the text
 * before it (the files are stored already), so an exported workbook imports back with the same evidence text.
 */
export const UPLOADED_FILES_HEADING = "Berkas unggahan di aplikasi:";

/** Headers of the TPI layer, beside the unit's columns when both layers are exported. */
export const TPI_HEADERS = { R: "Jawaban TPI", S: "Nilai TPI", T: "% TPI", U: "Catatan TPI" } as const;

/** The "Pilihan Jawaban" text per catalogue answer type. */
export const ANSWER_TYPE_TEXT = {
  YA_TIDAK: "Ya/Tidak",
  ABC: "A/B/C",
  ABCD: "A/B/C/D",
  ABCDE: "A/B/C/D/E",
  PERSENTASE: "%",
} as const;

/** Labels of the metadata rows on "Utama" (read back by the importer when present). */
export const META = {
  unit: "Unit kerja",
  instansi: "Instansi",
  periode: "Periode",
  catalogue: "Katalog LKE",
  zeroBase: "Aturan basis nol",
  layer: "Lapisan",
} as const;

/** K of a percentage question whose zero base is left out of the average (periode rule EXCLUDE). */
export const EXCLUDED_TEXT = "tidak dihitung";
export const UNANSWERED_TEXT = "Blm Diisi";

/** Lower case, punctuation and line breaks to single spaces. */
export function normalizeText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9%]+/g, " ")
    .trim();
}

function trigrams(text: string): Map<string, number> {
  const padded = `  ${normalizeText(text)} `;
  const grams = new Map<string, number>();
  for (let i = 0; i + 3 <= padded.length; i++) {
    const g = padded.slice(i, i + 3);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  return grams;
}

/** Dice coefficient of character trigrams, 0–1: robust to typos, spacing and small rewordings. */
export function similarity(a: string, b: string): number {
  const ga = trigrams(a);
  const gb = trigrams(b);
  let both = 0;
  let total = 0;
  for (const [g, n] of ga) {
    both += Math.min(n, gb.get(g) ?? 0);
    total += n;
  }
  for (const n of gb.values()) total += n;
  return total === 0 ? 0 : (2 * both) / total;
}

const ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"];

export function romanNumeral(index: number): string {
  return ROMAN[index] ?? String(index + 1);
}

/** "iv." / "IV" → 3; null when not a roman numeral. */
export function romanIndex(code: string): number | null {
  const i = ROMAN.indexOf(code.toLowerCase().replace(/\.$/, ""));
  return i < 0 ? null : i;
}

export function letterCode(index: number): string {
  return String.fromCharCode(97 + index);
}

/** Column letter (1 = A). */
export function columnLetter(index: number): string {
  let s = "";
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
