import { describe, expect, test } from "vitest";
import { getCatalogue } from "./catalogue/registry";
import { areaFolder, folderName, questionNumbers, roman, uniquePaths } from "./evidence-folders";

const lke = getCatalogue("lke-2026");

describe("evidence folder layout", () => {
  test.each([
    [1, "i"],
    [4, "iv"],
    [6, "vi"],
    [9, "ix"],
    [14, "xiv"],
  ])("roman(%i) = %s", (n, r) => expect(roman(n)).toBe(r));

  test("questions are numbered area.indicator.letter, reform with R, all distinct", () => {
    const numbers = questionNumbers(lke);
    expect(numbers.get("PPA1A")).toBe("1.i.a");
    expect(numbers.get("PPA1B")).toBe("1.i.b");
    expect(numbers.get("PPA4D")).toBe("1.iv.d");
    expect(numbers.get("PRA1A")).toBe("1.R.i.a");
    expect(numbers.get("PPF5C")).toBe("6.v.c");
    expect(new Set(numbers.values()).size).toBe(lke.questions.length);
  });

  test("area folders in capitals with Roman numerals; names safe on every file system", () => {
    expect(areaFolder(lke, "PENGUNGKIT.A")).toBe("AREA I - MANAJEMEN PERUBAHAN");
    expect(areaFolder(lke, "PENGUNGKIT.F")).toBe("AREA VI - PENINGKATAN KUALITAS PELAYANAN PUBLIK");
    expect(folderName('SOP/SK: "tim"?  ')).toBe("SOP SK tim");
    expect(Array.from(folderName("x".repeat(200))).length).toBe(80);
  });

  test("duplicate file names in one folder get a number, case-insensitively", () => {
    expect(uniquePaths(["a/sk.pdf", "a/SK.pdf", "b/sk.pdf", "a/sk.pdf", "a/noext"])).toEqual([
      "a/sk.pdf",
      "a/SK (2).pdf",
      "b/sk.pdf",
      "a/sk (3).pdf",
      "a/noext",
    ]);
  });
});
