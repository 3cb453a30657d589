/**
 * Predicate thresholds (domain reference §5.1), each exactly at, just below and just above its
 * boundary, for WBK and WBBM. The expected thresholds are written from the domain reference; the
 * engine reads them from the catalogue data.
 */
import { describe, expect, test } from "vitest";
import type { PredicateCode } from "../catalogue/types";
import { evaluatePredicate, meetsThreshold, SCORE_EPSILON, scoreAssessment } from "./score";
import { BEST_HASIL, LKE_2021, bestAnswers } from "./test-fixtures";
import type { AnswerValue, HasilInput, VerdictFigures } from "./types";

const AREA_WEIGHTS: Record<string, number> = {
  "PENGUNGKIT.A": 8,
  "PENGUNGKIT.B": 7,
  "PENGUNGKIT.C": 10,
  "PENGUNGKIT.D": 10,
  "PENGUNGKIT.E": 15,
  "PENGUNGKIT.F": 10,
};

/** Everything at its maximum. */
function maxFigures(): VerdictFigures {
  return {
    total: 100,
    pengungkit: 60,
    birokrasiBersih: 22.5,
    ipak: 17.5,
    capaianKinerja: 5,
    ipkp: 17.5,
    areas: Object.entries(AREA_WEIGHTS).map(([id, w]) => ({ id, score: w, pemenuhan: w / 2, reform: w / 2 })),
  };
}

type Setter = (f: VerdictFigures, v: number) => VerdictFigures;
const set =
  (key: "total" | "pengungkit" | "birokrasiBersih" | "ipak" | "capaianKinerja" | "ipkp"): Setter =>
  (f, v) => ({ ...f, [key]: v });
const setArea =
  (id: string): Setter =>
  (f, v) => ({
    ...f,
    areas: f.areas.map((a) => (a.id === id ? { ...a, score: v, pemenuhan: v / 2, reform: v / 2 } : a)),
  });

// [predicate, code, threshold, setter]
const FIGURE_CASES: [PredicateCode, string, number, Setter][] = [
  ["WBK", "total", 75, set("total")],
  ["WBBM", "total", 85, set("total")],
  ["WBK", "pengungkit", 40, set("pengungkit")],
  ["WBBM", "pengungkit", 48, set("pengungkit")],
  ["WBK", "birokrasiBersih", 18.25, set("birokrasiBersih")],
  ["WBBM", "birokrasiBersih", 19.5, set("birokrasiBersih")],
  ["WBK", "ipak", 15.75, set("ipak")],
  ["WBBM", "ipak", 15.75, set("ipak")],
  ["WBK", "capaianKinerja", 2.5, set("capaianKinerja")],
  ["WBBM", "capaianKinerja", 3.75, set("capaianKinerja")],
  ["WBK", "ipkp", 14, set("ipkp")],
  ["WBBM", "ipkp", 15.75, set("ipkp")],
  // Areas: 60 % (WBK) and 75 % (WBBM) of the area weight.
  ...Object.entries(AREA_WEIGHTS).flatMap(([id, w]): [PredicateCode, string, number, Setter][] => [
    ["WBK", `area:${id}`, w * 0.6, setArea(id)],
    ["WBBM", `area:${id}`, w * 0.75, setArea(id)],
  ]),
];

const POSITIONS: [string, number, boolean][] = [
  ["exactly at", 0, true],
  ["just below (−0.01)", -0.01, false],
  ["just above (+0.01)", +0.01, true],
  ["below by float noise only (−1e-12)", -1e-12, true],
  ["below beyond the tolerance (−1e-6)", -1e-6, false],
];

describe("thresholds on the figures", () => {
  test.each(
    FIGURE_CASES.flatMap(([p, code, threshold, setter]) =>
      POSITIONS.map(([pos, delta, meets]) => ({ p, code, threshold, setter, pos, delta, meets })),
    ),
  )("$p $code $threshold: $pos → met: $meets", ({ p, code, threshold, setter, delta, meets }) => {
    const verdict = evaluatePredicate(LKE_2021, p, setter(maxFigures(), threshold + delta), "WBK");
    const codes = verdict.unmet.map((u) => u.code);
    expect(codes.includes(code as never)).toBe(!meets);
    // Nothing else fails: the figures are otherwise at their maximum.
    expect(codes.filter((c) => c !== code)).toEqual([]);
    expect(verdict.eligible).toBe(meets);
    if (!meets) {
      const unmet = verdict.unmet[0];
      expect(unmet).toMatchObject({
        kind: "score",
        code,
        required: expect.closeTo(threshold, 12),
        actual: threshold + delta,
      });
      if (unmet.kind === "score") expect(unmet.gap).toBeCloseTo(-delta, 12);
    }
  });

  test("the catalogue holds exactly these thresholds", () => {
    expect(LKE_2021.thresholds.WBK).toMatchObject({
      total: 75,
      pengungkit: 40,
      birokrasiBersih: 18.25,
      ipak: 15.75,
      capaianKinerja: 2.5,
      ipkp: 14,
    });
    expect(LKE_2021.thresholds.WBBM).toMatchObject({
      total: 85,
      pengungkit: 48,
      birokrasiBersih: 19.5,
      ipak: 15.75,
      capaianKinerja: 3.75,
      ipkp: 15.75,
    });
    expect(LKE_2021.areas.map((a) => [a.id, a.weight, a.minPct.WBK, a.minPct.WBBM])).toEqual(
      Object.entries(AREA_WEIGHTS).map(([id, w]) => [id, w, 60, 75]),
    );
  });

  test("meetsThreshold uses a 1e-9 tolerance", () => {
    expect(SCORE_EPSILON).toBe(1e-9);
    expect(meetsThreshold(15.749999999999998, 15.75)).toBe(true);
    expect(meetsThreshold(75 - 2e-9, 75)).toBe(false);
    expect(meetsThreshold(75, 75)).toBe(true);
  });

  test("labels name the condition, the actual value and the threshold in Indonesian", () => {
    const figures: VerdictFigures = {
      total: 72.1,
      pengungkit: 38.5,
      birokrasiBersih: 17,
      ipak: 14,
      capaianKinerja: 1.25,
      ipkp: 13.125,
      areas: [{ id: "PENGUNGKIT.C", score: 5.5, pemenuhan: 3, reform: 2.5 }],
    };
    const verdict = evaluatePredicate(LKE_2021, "WBK", figures, null);
    expect(verdict.unmet.map((u) => [u.code, u.label])).toEqual([
      ["total", "Nilai total 72,10 di bawah 75,00"],
      ["pengungkit", "Nilai komponen pengungkit 38,50 di bawah 40,00"],
      ["area:PENGUNGKIT.C", "Area Penataan Sistem Manajemen SDM Aparatur 5,50 di bawah 6,00 (60% dari bobot 10,00)"],
      ["birokrasiBersih", "Nilai birokrasi yang bersih dan akuntabel 17,00 di bawah 18,25"],
      ["ipak", "Nilai IPAK 14,00 di bawah 15,75 (indeks minimal 3,60)"],
      ["capaianKinerja", "Nilai capaian kinerja 1,25 di bawah 2,50"],
      ["ipkp", "Nilai IPKP 13,13 di bawah 14,00 (indeks minimal 3,20)"],
    ]);
    // A value that rounds to the threshold is cut instead, so it never reads "75,00 di bawah 75,00".
    const close = evaluatePredicate(LKE_2021, "WBK", { ...maxFigures(), total: 74.996 }, null);
    expect(close.unmet[0].label).toBe("Nilai total 74,99 di bawah 75,00");
  });
});

describe("WBBM needs a predicate already held (thresholds.requiresPredicate)", () => {
  test.each<[PredicateCode, PredicateCode | null, boolean]>([
    ["WBBM", null, false],
    ["WBBM", "WBK", true],
    ["WBBM", "WBBM", true],
    ["WBK", null, true],
    ["WBK", "WBK", true],
  ])("%s with previous predicate %s → met: %s", (p, previous, meets) => {
    const verdict = evaluatePredicate(LKE_2021, p, maxFigures(), previous);
    expect(verdict.eligible).toBe(meets);
    if (!meets) {
      expect(verdict.unmet).toEqual([
        {
          kind: "predicate",
          code: "previousPredicate",
          actual: null,
          required: ["WBK", "WBBM"],
          label: "Predikat WBBM mensyaratkan predikat WBK atau WBBM yang sudah diraih (saat ini: belum ada)",
        },
      ]);
    }
  });

  test("through the scorecard: a perfect unit without WBK is WBK-eligible only", () => {
    const s = scoreAssessment({
      catalogue: LKE_2021,
      answers: bestAnswers(LKE_2021),
      hasil: BEST_HASIL,
      previousPredicate: null,
    });
    expect(s.wbk.eligible).toBe(true);
    expect(s.wbbm.unmet.map((u) => u.code)).toEqual(["previousPredicate"]);
    const held = scoreAssessment({
      catalogue: LKE_2021,
      answers: bestAnswers(LKE_2021),
      hasil: BEST_HASIL,
      previousPredicate: "WBK",
    });
    expect(held.wbbm.eligible).toBe(true);
  });
});

/* -------------------------------------------------------------------------------------------------- */
/* The same boundaries reached through real answers, where floating point could bite.                  */

/** Pemenuhan all at best (30 points), every reform question unanswered. */
const pemenuhanOnly = (): Record<string, AnswerValue | null> =>
  Object.fromEntries(Object.entries(bestAnswers(LKE_2021)).map(([id, v]) => [id, id.startsWith("PP") ? v : null]));

interface AnswerCase {
  p: PredicateCode;
  code: string;
  pos: "at" | "below" | "above";
  answers: Record<string, AnswerValue | null>;
  hasil: HasilInput;
  /** Hand-computed value of the figure. */
  expected: number;
}

const hasilCase = (p: PredicateCode, code: string, cases: [AnswerCase["pos"], HasilInput, number][]): AnswerCase[] =>
  cases.map(([pos, hasil, expected]) => ({
    p,
    code,
    pos,
    answers: bestAnswers(LKE_2021),
    hasil: { ...BEST_HASIL, ...hasil },
    expected,
  }));

// Pengungkit WBK 40 = pemenuhan 30 + reform 10: PRE2 3 + PRE1 2.5 + PRF2 2.5 + PRD1 2 × p/100.
const reform10 = { PRE2A: 100, PRE1A: "A", PRF2A: "A", PRD1A: 100 };
// Pengungkit WBBM 48 = 30 + 18: the above + PRE3 2 + PRC3 2 + PRF1 2.5 + PRC1 1.5.
const reform18 = { ...reform10, PRE3A: 100, PRE3B: 100, PRC3A: 100, PRF1A: "A", PRF1B: 100, PRC1A: "A" };
// Total WBK 75 with hasil 40 = pengungkit 35 = 30 + reform 5: PRE2 3 + PRD1 2.
const reform5 = { PRE2A: 100, PRD1A: 100 };
// Total WBBM 85 with hasil 40 = pengungkit 45 = 30 + reform 15: 3 + 2.5 + 2.5 + 2 + 2 + 2 + PRA2 1.
const reform15 = { ...reform10, PRC3A: 100, PRE3A: 100, PRE3B: 100, PRA2A: "A" };
// Just below: PRD1A 99.5 % loses 2 × 0.005 = 0.01; just above: PRA1A 1 % adds 2 × 0.01 / 2 = 0.01.
// (WBBM pengungkit: PRC3A 99.5 % loses 0.01.)
const sums = (
  p: PredicateCode,
  code: string,
  reform: Record<string, AnswerValue>,
  at: number,
  belowKey: string,
): AnswerCase[] =>
  [
    ["at", {}, at],
    ["below", { [belowKey]: 99.5 }, at - 0.01],
    ["above", { PRA1A: 1 }, at + 0.01],
  ].map(([pos, tweak, expected]) => ({
    p,
    code,
    pos: pos as AnswerCase["pos"],
    answers: { ...pemenuhanOnly(), ...reform, ...(tweak as object) },
    hasil: BEST_HASIL,
    expected: expected as number,
  }));

// Area C (weight 10): pemenuhan 5 at best; PRC1 (1.5, A–C), PRC2 (1.5), PRC3 (2 × p/100).
const areaC = (p: PredicateCode, prc1a: string | null, cases: [AnswerCase["pos"], number, number][]): AnswerCase[] =>
  cases.map(([pos, prc3a, expected]) => ({
    p,
    code: "area:PENGUNGKIT.C",
    pos,
    answers: { ...bestAnswers(LKE_2021), PRC1A: prc1a, PRC2A: null, PRC3A: prc3a },
    hasil: BEST_HASIL,
    expected,
  }));

const ANSWER_CASES: AnswerCase[] = [
  // IPAK: index 3.6 → 3.6 / 4 × 17.5 = 15.75 (both predicates).
  ...(["WBK", "WBBM"] as const).flatMap((p) =>
    hasilCase(p, "ipak", [
      ["at", { ipak: 3.6 }, 15.75],
      ["below", { ipak: 3.59 }, 15.70625],
      ["above", { ipak: 3.61 }, 15.79375],
    ]),
  ),
  // IPKP: WBK 3.2 → 14; WBBM 3.6 → 15.75.
  ...hasilCase("WBK", "ipkp", [
    ["at", { ipkp: 3.2 }, 14],
    ["below", { ipkp: 3.19 }, 13.95625],
    ["above", { ipkp: 3.21 }, 14.04375],
  ]),
  ...hasilCase("WBBM", "ipkp", [
    ["at", { ipkp: 3.6 }, 15.75],
    ["below", { ipkp: 3.59 }, 15.70625],
    ["above", { ipkp: 3.61 }, 15.79375],
  ]),
  // Capaian kinerja (5 × A–E score): WBK 2.5 = C; WBBM 3.75 = B. The options are the nearest steps.
  ...hasilCase("WBK", "capaianKinerja", [
    ["at", { capaianKinerja: "C" }, 2.5],
    ["below", { capaianKinerja: "D" }, 1.25],
    ["above", { capaianKinerja: "B" }, 3.75],
  ]),
  ...hasilCase("WBBM", "capaianKinerja", [
    ["at", { capaianKinerja: "B" }, 3.75],
    ["below", { capaianKinerja: "C" }, 2.5],
    ["above", { capaianKinerja: "A" }, 5],
  ]),
  // Birokrasi bersih = IPAK + capaian: WBK 15.75 + 2.5 = 18.25; WBBM 15.75 + 3.75 = 19.5.
  ...hasilCase("WBK", "birokrasiBersih", [
    ["at", { ipak: 3.6, capaianKinerja: "C" }, 18.25],
    ["below", { ipak: 3.59, capaianKinerja: "C" }, 18.20625],
    ["above", { ipak: 3.61, capaianKinerja: "C" }, 18.29375],
  ]),
  ...hasilCase("WBBM", "birokrasiBersih", [
    ["at", { ipak: 3.6, capaianKinerja: "B" }, 19.5],
    ["below", { ipak: 3.59, capaianKinerja: "B" }, 19.45625],
    ["above", { ipak: 3.61, capaianKinerja: "B" }, 19.54375],
  ]),
  // Area C WBK 6.0 = 5 + 2 × 50 %; WBBM 7.5 = 5 + 1.5 (PRC1A A) + 2 × 50 %.
  ...areaC("WBK", null, [
    ["at", 50, 6],
    ["below", 49.5, 5.99],
    ["above", 50.5, 6.01],
  ]),
  ...areaC("WBBM", "A", [
    ["at", 50, 7.5],
    ["below", 49.5, 7.49],
    ["above", 50.5, 7.51],
  ]),
  ...sums("WBK", "pengungkit", reform10, 40, "PRD1A"),
  ...sums("WBBM", "pengungkit", reform18, 48, "PRC3A"),
  ...sums("WBK", "total", reform5, 75, "PRD1A"),
  ...sums("WBBM", "total", reform15, 85, "PRD1A"),
];

describe("thresholds reached through answers", () => {
  test.each(ANSWER_CASES)("$p $code $pos ($expected)", ({ p, code, pos, answers, hasil, expected }) => {
    const s = scoreAssessment({ catalogue: LKE_2021, answers, hasil, previousPredicate: "WBK" });
    const actual = code.startsWith("area:") ? s.areas.find((a) => `area:${a.id}` === code)!.score : s[code as "total"];
    expect(actual).toBeCloseTo(expected, 9);
    const verdict = p === "WBK" ? s.wbk : s.wbbm;
    expect(verdict.unmet.map((u) => u.code).includes(code as never)).toBe(pos === "below");
  });
});

describe("floating-point drift at a boundary", () => {
  // Area F (weight 10) lands exactly on its WBK minimum of 6.00 in exact arithmetic (A–D = 1/0.67/0.33/0):
  //   PPF1 (1): D(A–E) ¼, B(A–D) 0.67, A(A–D) 1, Ya 1        → 2.92/4   = 0.73
  //   PPF2 (1): E 0, C 0.33, B 0.67, D 0, B 0.67, D(A–E) ¼    → 1.92/6   = 0.32
  //   PPF3 (1): B(A–E) ¾, C(A–C) 0, C(A–C) 0                 → 0.75/3   = 0.25
  //   PPF4 (1): C(A–E) ½, C(A–C) 0, D(A–D) 0                 → 0.5/3    = 1/6
  //   PPF5 (1): D(A–D) 0, Tidak 0, A(A–C) 1                  → 1/3
  //   pemenuhan = 1.8; PRF1 (2.5): A 1 and 36 % → 2.5 × 1.36/2 = 1.7; PRF2 (2.5): A 1 → 2.5
  //   reform = 4.2; area = 6 exactly.
  // In binary floating point the sum comes out a hair below 6; it must still count as meeting 6.00.
  const answers = {
    ...bestAnswers(LKE_2021),
    PPF1A: "D",
    PPF1B: "B",
    PPF1C: "A",
    PPF1D: "Ya",
    PPF2A: "E",
    PPF2B: "C",
    PPF2C: "B",
    PPF2D: "D",
    PPF2E: "B",
    PPF2F: "D",
    PPF3A: "B",
    PPF3B: "C",
    PPF3C: "C",
    PPF4A: "C",
    PPF4B: "C",
    PPF4C: "D",
    PPF5A: "D",
    PPF5B: "Tidak",
    PPF5C: "A",
    PRF1A: "A",
    PRF1B: 36,
    PRF2A: "A",
  };

  test("area F at exactly 60 % is met although the float sum is below 6", () => {
    const s = scoreAssessment({ catalogue: LKE_2021, answers, hasil: BEST_HASIL });
    const areaF = s.areas.find((a) => a.id === "PENGUNGKIT.F")!;
    expect(areaF.score).toBeCloseTo(6, 12);
    expect(areaF.score < 6).toBe(true); // the drift this guards against
    expect(s.wbk.unmet.map((u) => u.code)).not.toContain("area:PENGUNGKIT.F");
    expect(s.wbk.eligible).toBe(true);
  });
});
