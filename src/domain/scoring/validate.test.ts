import { describe, expect, test } from "vitest";
import { LKE_2021, LKE_2026 } from "./test-fixtures";
import { formatValidationError, parseScoringRequest, validateAnswer, validateHasil } from "./validate";

describe("parseScoringRequest", () => {
  test("a full request: the catalogue object, typed answers, hasil and predicate", () => {
    const result = parseScoringRequest({
      catalogue: "lke-2026",
      answers: {
        PPA1A: "Ya",
        PPA1B: "B",
        PRA1A: 62.5,
        PRA1B: { perubahanDibuat: 6, perubahanTerintegrasi: 3 },
        PPA2A: null,
      },
      hasil: { ipak: 3.71, ipkp: 3.4, capaianKinerja: "B" },
      previousPredicate: "WBK",
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.catalogue).toBe(LKE_2026);
    expect(result.value.answers).toEqual({
      PPA1A: "Ya",
      PPA1B: "B",
      PRA1A: 62.5,
      PRA1B: { perubahanDibuat: 6, perubahanTerintegrasi: 3 },
      PPA2A: null,
    });
    expect(result.value.hasil).toEqual({ ipak: 3.71, ipkp: 3.4, capaianKinerja: "B" });
    expect(result.value.previousPredicate).toBe("WBK");
  });

  test("defaults: PermenPANRB 90/2021, no answers, no hasil, no predicate, zero base scores 0", () => {
    const result = parseScoringRequest({});
    expect(result).toEqual({
      ok: true,
      value: {
        catalogue: LKE_2021,
        answers: {},
        hasil: { ipak: null, ipkp: null, capaianKinerja: null },
        previousPredicate: null,
        zeroBase: "ZERO",
      },
    });
  });

  test("zeroBase is read and checked", () => {
    const result = parseScoringRequest({ zeroBase: "EXCLUDE" });
    expect(result.ok && result.value.zeroBase).toBe("EXCLUDE");
    expect(parseScoringRequest({ zeroBase: "HALF" })).toMatchObject({
      ok: false,
      field: "zeroBase",
      message: 'harus "ZERO", "ONE" atau "EXCLUDE"',
    });
  });

  test.each<[string, unknown, string, string]>([
    ["not an object", [1, 2], "input", "harus berupa objek JSON"],
    ["null", null, "input", "harus berupa objek JSON"],
    ["unknown top-level field", { answer: {} }, "answer", "kolom tidak dikenal"],
    ["catalogue not a string", { catalogue: 2021 }, "catalogue", "harus berupa id katalog (teks)"],
    [
      "unknown catalogue",
      { catalogue: "lke-1999" },
      "catalogue",
      'katalog "lke-1999" tidak dikenal (pilihan: permenpanrb-90-2021, lke-2026)',
    ],
    ["answers not an object", { answers: ["Ya"] }, "answers", "harus berupa objek jawaban per id pertanyaan"],
    [
      "unknown question",
      { answers: { PPZ9Z: "Ya" } },
      "answers.PPZ9Z",
      "pertanyaan tidak dikenal di katalog permenpanrb-90-2021",
    ],
    ["wrong label", { answers: { PPA1B: "F" } }, "answers.PPA1B", 'label "F" tidak dikenal (pilihan: A, B, C)'],
    ["lower-case Ya", { answers: { PPA1A: "ya" } }, "answers.PPA1A", 'label "ya" tidak dikenal (pilihan: Ya, Tidak)'],
    [
      "number for an option question",
      { answers: { PPA1A: 1 } },
      "answers.PPA1A",
      "harus berupa label pilihan, diterima 1 (pilihan: Ya, Tidak)",
    ],
    ["percentage above 100", { answers: { PRA1A: 120 } }, "answers.PRA1A", "persentase 120 di luar rentang 0–100"],
    ["percentage below 0", { answers: { PRA1A: -1 } }, "answers.PRA1A", "persentase -1 di luar rentang 0–100"],
    [
      "label for a percentage question",
      { answers: { PRA1A: "A" } },
      "answers.PRA1A",
      'harus berupa persentase 0–100 atau objek jumlah, diterima "A" (input: agenPerubahan, perubahanDibuat)',
    ],
    [
      "unknown count key",
      { answers: { PRA1A: { agen: 3 } } },
      "answers.PRA1A.agen",
      "input tidak dikenal (input: agenPerubahan, perubahanDibuat)",
    ],
    [
      "negative count",
      { answers: { PRA1A: { agenPerubahan: -2 } } },
      "answers.PRA1A.agenPerubahan",
      "Jumlah tidak boleh negatif: -2",
    ],
    [
      "fractional count",
      { answers: { PRA1A: { agenPerubahan: 2.5 } } },
      "answers.PRA1A.agenPerubahan",
      "Jumlah harus bilangan bulat: 2.5",
    ],
    [
      "string count",
      { answers: { PRA1A: { agenPerubahan: "2" } } },
      "answers.PRA1A.agenPerubahan",
      'Jumlah harus berupa angka: "2"',
    ],
    ["hasil not an object", { hasil: 3.6 }, "hasil", "harus berupa objek { ipak, ipkp, capaianKinerja }"],
    ["unknown hasil field", { hasil: { ipk: 3 } }, "hasil.ipk", "kolom tidak dikenal"],
    ["IPAK above 4", { hasil: { ipak: 4.01 } }, "hasil.ipak", "indeks 4.01 di luar rentang 1–4"],
    ["IPKP below 1", { hasil: { ipkp: 0.9 } }, "hasil.ipkp", "indeks 0.9 di luar rentang 1–4"],
    ["IPAK as text", { hasil: { ipak: "3,6" } }, "hasil.ipak", 'indeks harus berupa angka 1–4, diterima "3,6"'],
    [
      "capaian label",
      { hasil: { capaianKinerja: "F" } },
      "hasil.capaianKinerja",
      'label "F" tidak dikenal (pilihan: A, B, C, D, E)',
    ],
    ["unknown predicate", { previousPredicate: "WBX" }, "previousPredicate", 'harus null, "WBK" atau "WBBM"'],
  ])("%s → %s", (_name, json, field, message) => {
    expect(parseScoringRequest(json)).toEqual({ ok: false, field, message });
  });

  test("boundary values are accepted", () => {
    const result = parseScoringRequest({
      answers: { PRA1A: 0, PRA1B: 100, PRC3A: {} },
      hasil: { ipak: 1, ipkp: 4, capaianKinerja: null },
    });
    expect(result.ok).toBe(true);
  });

  test("other catalogues can be supplied", () => {
    const catalogues = new Map([["x", LKE_2026]]);
    expect(parseScoringRequest({ catalogue: "x" }, { catalogues })).toMatchObject({
      ok: true,
      value: { catalogue: LKE_2026 },
    });
    expect(parseScoringRequest({}, { catalogues, defaultCatalogueId: "x" })).toMatchObject({
      ok: true,
      value: { catalogue: LKE_2026 },
    });
  });
});

describe("single-answer validation (server actions)", () => {
  test.each<[string, unknown, unknown]>([
    ["PPA1A", "Ya", "Ya"],
    ["PPA1A", null, null],
    ["PPA1A", undefined, null],
    ["PRA1A", 62.5, 62.5],
    ["PRA1A", { agenPerubahan: 8 }, { agenPerubahan: 8 }],
  ])("%s = %j is valid", (id, value, expected) => {
    expect(validateAnswer(LKE_2021, id, value)).toEqual({ ok: true, value: expected });
  });

  test("the returned counts are a copy", () => {
    const counts = { agenPerubahan: 8 };
    const result = validateAnswer(LKE_2021, "PRA1A", counts);
    expect(result.ok && result.value).not.toBe(counts);
  });

  test("errors name the field", () => {
    expect(validateAnswer(LKE_2021, "PPB2A", "D")).toEqual({
      ok: false,
      field: "answers.PPB2A",
      message: 'label "D" tidak dikenal (pilihan: A, B, C)',
    });
    expect(validateHasil(LKE_2021, { ipak: 5 })).toEqual({
      ok: false,
      field: "hasil.ipak",
      message: "indeks 5 di luar rentang 1–4",
    });
  });

  test("formatValidationError gives one line", () => {
    expect(
      formatValidationError({ field: "answers.PPA1B", message: 'label "F" tidak dikenal (pilihan: A, B, C)' }),
    ).toBe('answers.PPA1B: label "F" tidak dikenal (pilihan: A, B, C)');
    expect(formatValidationError({ field: "input", message: "a\nb" })).toBe("input: a b");
  });
});
