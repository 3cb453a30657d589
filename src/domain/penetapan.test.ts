import { describe, expect, test } from "vitest";
import { checkPenetapan, predicateHeldBefore, WBBM_NEEDS_WBK, type PenetapanRecord } from "./penetapan";

const h = (...rows: [number, PenetapanRecord["result"]][]): PenetapanRecord[] =>
  rows.map(([year, result]) => ({ year, result }));

describe("predicateHeldBefore", () => {
  test.each<[string, PenetapanRecord[], number, "WBK" | "WBBM" | null]>([
    ["no history", [], 2026, null],
    ["only TIDAK", h([2024, "TIDAK"], [2025, "TIDAK"]), 2026, null],
    ["WBK last year", h([2025, "WBK"]), 2026, "WBK"],
    ["WBK the same year does not count", h([2026, "WBK"]), 2026, null],
    ["WBK a later year does not count", h([2027, "WBK"]), 2026, null],
    ["WBBM outranks WBK", h([2023, "WBK"], [2024, "WBBM"], [2025, "TIDAK"]), 2026, "WBBM"],
  ])("%s", (_, history, year, expected) => {
    expect(predicateHeldBefore(history, year)).toBe(expected);
  });
});

describe("checkPenetapan", () => {
  test.each<[string, PenetapanRecord[], PenetapanRecord, true | RegExp]>([
    ["WBK without history", [], { year: 2025, result: "WBK" }, true],
    ["TIDAK without history", [], { year: 2025, result: "TIDAK" }, true],
    [
      "WBBM without any WBK",
      [],
      { year: 2025, result: "WBBM" },
      /hanya dapat dicatat bagi unit yang telah memperoleh predikat WBK/,
    ],
    ["WBBM after only TIDAK", h([2024, "TIDAK"]), { year: 2025, result: "WBBM" }, /WBK pada tahun sebelumnya/],
    ["WBBM after WBK the year before", h([2024, "WBK"]), { year: 2025, result: "WBBM" }, true],
    ["WBBM after WBK two years before", h([2023, "WBK"], [2024, "TIDAK"]), { year: 2025, result: "WBBM" }, true],
    ["WBBM again after WBBM", h([2023, "WBK"], [2024, "WBBM"]), { year: 2025, result: "WBBM" }, true],
    [
      "WBBM replacing a WBK of the same year, none earlier",
      h([2025, "WBK"]),
      { year: 2025, result: "WBBM" },
      /WBK pada tahun sebelumnya/,
    ],
    [
      "WBBM when WBK is only recorded later",
      h([2026, "WBK"]),
      { year: 2025, result: "WBBM" },
      /WBK pada tahun sebelumnya/,
    ],
    ["the current year is allowed", [], { year: 2026, result: "WBK" }, true],
    ["next year is refused", [], { year: 2027, result: "WBK" }, /tidak boleh melewati tahun berjalan \(2026\)/],
    [
      "removing the WBK a later WBBM rests on",
      h([2024, "WBK"], [2025, "WBBM"]),
      { year: 2024, result: "TIDAK" },
      /WBBM tahun 2025 bergantung .* tahun 2024/,
    ],
    [
      "removing one of two WBKs under a WBBM",
      h([2023, "WBK"], [2024, "WBK"], [2025, "WBBM"]),
      { year: 2024, result: "TIDAK" },
      true,
    ],
    [
      "upgrading the base WBK to WBBM keeps the later WBBM valid",
      h([2023, "WBK"], [2024, "WBK"], [2025, "WBBM"]),
      { year: 2024, result: "WBBM" },
      true,
    ],
    [
      "editing a later year does not touch earlier ones",
      h([2024, "WBK"], [2025, "WBBM"]),
      { year: 2026, result: "TIDAK" },
      true,
    ],
  ])("%s", (_, history, change, expected) => {
    const result = checkPenetapan(history, change, 2026);
    if (expected === true) expect(result).toEqual({ ok: true });
    else {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).toMatch(expected);
    }
  });

  test("the refusals name the field the form should mark", () => {
    expect(checkPenetapan([], { year: 2030, result: "WBK" }, 2026)).toMatchObject({ field: "year" });
    expect(checkPenetapan([], { year: 2025, result: "WBBM" }, 2026)).toMatchObject({
      ok: false,
      field: "result",
      reason: WBBM_NEEDS_WBK,
    });
    expect(checkPenetapan(h([2024, "WBK"], [2025, "WBBM"]), { year: 2024, result: "TIDAK" }, 2026)).toMatchObject({
      field: "result",
      fieldMessage: "Menjadi dasar predikat WBBM tahun 2025",
    });
  });
});
