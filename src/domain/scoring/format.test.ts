import { describe, expect, test } from "vitest";
import {
  formatIndex,
  formatPercent,
  formatQuestionScore,
  formatScore,
  formatScoreAgainst,
  formatScoreBelow,
} from "./format";

test.each<[number, string]>([
  [75.25, "75,25"],
  [75, "75,00"],
  [0, "0,00"],
  [-0, "0,00"],
  [100, "100,00"],
  [72.1, "72,10"],
  [41.611111111111114, "41,61"],
  [14.875, "14,88"],
  [15.749999999999998, "15,75"],
  [1234.5, "1234,50"],
])("formatScore(%d) = %s", (n, expected) => {
  expect(formatScore(n)).toBe(expected);
});

test.each<[number, string]>([
  [74.996, "74,99"],
  [72.1, "72,10"],
  [5.783333, "5,78"],
  [0, "0,00"],
])("formatScoreBelow(%d) = %s", (n, expected) => {
  expect(formatScoreBelow(n)).toBe(expected);
});

test.each<[number, string]>([
  [62.5, "62,5%"],
  [100, "100%"],
  [75, "75%"],
  [(2 / 3) * 100, "66,67%"],
])("formatPercent(%d) = %s", (n, expected) => {
  expect(formatPercent(n)).toBe(expected);
});

test("question scores and indices", () => {
  expect(formatQuestionScore(2 / 3)).toBe("0,67");
  expect(formatQuestionScore(1 / 3)).toBe("0,33");
  expect(formatIndex(3.6)).toBe("3,60");
});

test("formatScore agrees with Intl.NumberFormat('id-ID') on many values", () => {
  const intl = new Intl.NumberFormat("id-ID", {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
    useGrouping: false,
  });
  const values = [-12.345, -0.004, 0.005, 0.015, 1.005, 2.675, 15.749999999999998, 99.995, 100];
  for (let i = 0; i <= 10000; i++) values.push(i / 100, i / 300, i * 0.0137, (i * 7) / 3);
  for (const v of values) {
    // formatScore first snaps to two decimals (Math.round(v × 100) / 100); compare Intl on that value.
    const snapped = Math.round(v * 100) / 100;
    expect(formatScore(v)).toBe(intl.format(snapped === 0 ? 0 : snapped));
  }
});

describe("formatScoreAgainst: never shows a failing value as reaching its threshold", () => {
  test.each([
    [39.996, [40, 48], "39,99"], // engine: below 40 → not "40,00"
    [74.999, [75, 85], "74,99"],
    [40 - 1e-12, [40, 48], "40,00"], // engine: meets 40 (float drift inside the tolerance)
    [40.004, [40, 48], "40,00"],
    [84.995, [75, 85], "84,99"],
    [76.4961, [75, 85], "76,50"], // far from both thresholds: ordinary rounding
    [0.125, [], "0,13"],
  ])("%d next to %j reads %s", (value, thresholds, text) => {
    expect(formatScoreAgainst(value, thresholds)).toBe(text);
  });
});
