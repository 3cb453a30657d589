import { describe, expect, test } from "vitest";
import { daysBetween, readinessOf, scoreLayerFor, yearFraction } from "./readiness";
import { ASSESSMENT_STATUSES } from "./review";

describe("readiness", () => {
  test.each([
    ["DRAFT", "SELF"],
    ["SUBMITTED", "SELF"],
    ["IN_REVIEW", "SELF"],
    ["RETURNED", "SELF"],
    ["FINALIZED", "TPI"],
    ["APPROVED", "TPI"],
  ] as const)("%s is read from the %s layer", (status, layer) => {
    expect(scoreLayerFor(status)).toBe(layer);
  });

  test("every status has a layer", () => {
    for (const s of ASSESSMENT_STATUSES) expect(["SELF", "TPI"]).toContain(scoreLayerFor(s));
  });

  test.each([
    [false, false, "BELUM"],
    [true, false, "WBK"],
    [true, true, "WBBM"],
    [false, true, "WBBM"],
  ] as const)("wbk %s, wbbm %s → %s", (wbkEligible, wbbmEligible, expected) => {
    expect(readinessOf({ wbkEligible, wbbmEligible })).toBe(expected);
  });

  test("days between calendar dates, across month ends and leap days", () => {
    expect(daysBetween("2026-06-30", "2026-10-15")).toBe(107);
    expect(daysBetween("2026-10-15", "2026-10-15")).toBe(0);
    expect(daysBetween("2026-10-15", "2026-10-14")).toBe(-1);
    expect(daysBetween("2028-02-28", "2028-03-01")).toBe(2);
  });

  test("year fraction runs from 0 on 1 January to just under 1 on 31 December", () => {
    expect(yearFraction("2026-01-01", 2026)).toBe(0);
    expect(yearFraction("2026-07-02", 2026)).toBeCloseTo(182 / 365, 10);
    expect(yearFraction("2026-12-31", 2026)).toBeCloseTo(364 / 365, 10);
    expect(yearFraction("2025-12-31", 2026)).toBe(0);
    expect(yearFraction("2027-03-01", 2026)).toBe(1);
  });
});
