import { describe, expect, test } from "vitest";
import { nipProblem } from "./nip";

describe("nipProblem", () => {
  test.each([
    ["198203152006042003", null],
    ["19820315200604200", "NIP harus 18 digit angka"],
    ["19820315200604200X", "NIP harus 18 digit angka"],
    ["198202302006042003", "8 digit pertama NIP harus tanggal lahir yang sah (TTTTBBHH)"],
    ["198203152006132003", "Digit 9–14 NIP harus bulan pengangkatan yang sah (TTTTBB)"],
    ["198203151990042003", "Digit 9–14 NIP harus bulan pengangkatan yang sah (TTTTBB)"],
    ["198203152006043003", "Digit ke-15 NIP (jenis kelamin) harus 1 atau 2"],
  ])("%s → %s", (nip, expected) => {
    expect(nipProblem(nip)).toBe(expected);
  });
});
