/**
 * How a unit keeps its evidence on disk, and so how the ZIP download lays it out:
 * "AREA I - MANAJEMEN PERUBAHAN/1.i.a <question>/file.pdf" — area in Roman numerals, then the question
 * as area number, indicator in lower-case Roman numerals and question letter (reform questions carry
 * an "R": "1.R.i.a"), then the files. Komponen hasil evidence goes under "HASIL/<IPAK|IPKP|Capaian kinerja>".
 */
import type { Catalogue, CatalogueQuestion } from "./catalogue/types";

const ROMAN: [number, string][] = [
  [10, "x"],
  [9, "ix"],
  [5, "v"],
  [4, "iv"],
  [1, "i"],
];

export function roman(n: number): string {
  let out = "";
  for (const [v, s] of ROMAN) {
    while (n >= v) {
      out += s;
      n -= v;
    }
  }
  return out;
}

/** Folder-safe text: no path separators or characters Windows refuses, single spaces, at most `max` characters. */
export function folderName(text: string, max = 80): string {
  const cleaned = text
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[. ]+$/, "");
  const chars = Array.from(cleaned);
  return (chars.length > max ? chars.slice(0, max).join("").trim() : cleaned) || "-";
}

/** "1.i.a" / "1.R.i.a" for every pengungkit question, from its place in the catalogue. */
export function questionNumbers(catalogue: Catalogue): Map<string, string> {
  const out = new Map<string, string>();
  catalogue.areas.forEach((area, ai) => {
    for (const sub of area.subAreas) {
      sub.indicators.forEach((ind, ii) => {
        ind.questions.forEach((q, qi) => {
          out.set(
            q.id,
            `${ai + 1}.${sub.kind === "REFORM" ? "R." : ""}${roman(ii + 1)}.${String.fromCharCode(97 + qi)}`,
          );
        });
      });
    }
  });
  return out;
}

export function areaFolder(catalogue: Catalogue, areaId: string): string {
  const i = catalogue.areas.findIndex((a) => a.id === areaId);
  return folderName(`AREA ${roman(i + 1).toUpperCase()} - ${catalogue.areas[i].name.toUpperCase()}`);
}

export function questionFolder(number: string, question: Pick<CatalogueQuestion, "text">): string {
  return folderName(`${number} ${question.text}`);
}

export const HASIL_FOLDERS = { IPAK: "IPAK", IPKP: "IPKP", CAPAIAN_KINERJA: "Capaian kinerja" } as const;

/** Makes each path unique within the archive: "file.pdf", "file (2).pdf", … */
export function uniquePaths(paths: readonly string[]): string[] {
  const seen = new Set<string>();
  return paths.map((p) => {
    let candidate = p;
    const dot = p.lastIndexOf(".");
    const slash = p.lastIndexOf("/");
    const [stem, ext] = dot > slash + 1 ? [p.slice(0, dot), p.slice(dot)] : [p, ""];
    for (let n = 2; seen.has(candidate.toLowerCase()); n++) candidate = `${stem} (${n})${ext}`;
    seen.add(candidate.toLowerCase());
    return candidate;
  });
}
