import { describe, expect, test } from "vitest";
import { surveyFindings } from "./findings";
import { computeSurveyIndex } from "./index";

const els = [
  { code: "K1", label: "Informasi" },
  { code: "K2", label: "Persyaratan" },
  { code: "K3", label: "Prosedur" },
  { code: "K4", label: "Waktu" },
];

describe("survey findings", () => {
  test("lowest elements first, unanswered ones left out, ties by code", () => {
    const f = surveyFindings(els, [3.5, 2.25, null, 2.25], [], 2);
    expect(f.lowest.map((e) => [e.code, e.mean])).toEqual([
      ["K2", 2.25],
      ["K4", 2.25],
    ]);
    expect(f.trend).toBeNull();
    expect(surveyFindings(els, [3, 3, null, 3], []).lowest).toEqual([]);
  });

  test("rounds below their minimum, and the trend from the first to the last answered round on 0–4", () => {
    const r1 = computeSurveyIndex(
      [
        [2, 2],
        [3, 3],
      ],
      [1, 4],
      { minRespondents: 2 },
    );
    const empty = computeSurveyIndex([], [1, 4], { minRespondents: 2 });
    const r3 = computeSurveyIndex([[6, 6]], [1, 6], { minRespondents: 2 });
    const f = surveyFindings(
      els,
      [],
      [
        { title: "Triwulan I", result: r1 },
        { title: "Triwulan II", result: empty },
        { title: "Triwulan III", result: r3 },
      ],
    );
    expect(f.lowest).toEqual([]);
    expect(f.belowMinimum).toEqual(["Triwulan II", "Triwulan III"]);
    expect(f.trend).toEqual({ from: "Triwulan I", to: "Triwulan III", first: 2.5, last: 4, change: 1.5 });
  });
});
