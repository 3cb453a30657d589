import { describe, expect, test } from "vitest";
import {
  acceptsResponses,
  answerLabels,
  closeRoundDecision,
  defaultInstrument,
  defaultRoundTitle,
  roundNeedsRespondents,
  voidResponseDecision,
} from "./instruments";

describe("instruments", () => {
  test("defaults: SPAK 5 items, SPKP 8 elements, scale 1–4, unique codes", () => {
    for (const [kind, k] of [
      ["SPAK", 5],
      ["SPKP", 8],
    ] as const) {
      const d = defaultInstrument(kind);
      expect(d.elements).toHaveLength(k);
      expect(d.scale).toEqual([1, 4]);
      expect(new Set(d.elements.map((e) => e.code)).size).toBe(k);
    }
    expect(defaultInstrument("SPAK").elements.every((e) => e.label.startsWith("Tidak ada"))).toBe(true);
  });

  test("answer labels follow the scale", () => {
    expect(answerLabels("SPAK", [1, 4])).toEqual(["Tidak setuju", "Kurang setuju", "Setuju", "Sangat setuju"]);
    expect(answerLabels("SPKP", [1, 6])).toHaveLength(6);
  });
});

describe("round rules", () => {
  test.each([
    ["OPEN", true],
    ["CLOSED", false],
  ] as const)("%s takes answers: %s; may close: %s", (status, open) => {
    expect(acceptsResponses(status)).toBe(open);
    expect(closeRoundDecision(status).ok).toBe(open);
  });

  test("a response is voided once", () => {
    expect(voidResponseDecision(null).ok).toBe(true);
    expect(voidResponseDecision(new Date()).ok).toBe(false);
  });

  test("default title by quarter", () => {
    expect(defaultRoundTitle(new Date("2026-01-05T00:00:00Z"))).toBe("Triwulan I 2026");
    expect(defaultRoundTitle(new Date("2026-12-31T00:00:00Z"))).toBe("Triwulan IV 2026");
  });

  test.each([
    // status, closesOn, n, today, expected
    ["OPEN", "2026-03-31", 10, "2026-03-25", true],
    ["OPEN", "2026-03-31", 30, "2026-03-25", false],
    ["OPEN", "2026-03-31", 10, "2026-03-20", false],
    ["OPEN", "2026-03-31", 10, "2026-04-01", false],
    ["CLOSED", "2026-03-31", 10, "2026-03-25", false],
    ["OPEN", null, 10, "2026-03-25", false],
  ] as const)("%s round ending %s with n=%i on %s needs respondents: %s", (status, closesOn, n, today, expected) => {
    const round = { status, closesOn: closesOn ? new Date(`${closesOn}T00:00:00Z`) : null, minRespondents: 30 };
    expect(roundNeedsRespondents(round, n, new Date(`${today}T00:00:00Z`))).toBe(expected);
  });
});
