import { describe, expect, test } from "vitest";
import { isRencanaAksiLate, monevCounts, type MonevItem } from "./monev";

describe("rencana aksi late flag", () => {
  test.each<[MonevItem, string, boolean]>([
    [{ targetDate: "2026-03-31", status: "BELUM" }, "2026-10-15", true],
    [{ targetDate: "2026-03-31", status: "PROSES" }, "2026-10-15", true],
    [{ targetDate: "2026-03-31", status: "SELESAI" }, "2026-10-15", false],
    [{ targetDate: "2026-10-15", status: "BELUM" }, "2026-10-15", false],
    [{ targetDate: "2026-10-14", status: "BELUM" }, "2026-10-15", true],
    [{ targetDate: "2026-12-31", status: "PROSES" }, "2026-10-15", false],
  ])("%j on %s → %s", (item, today, late) => {
    expect(isRencanaAksiLate(item, today)).toBe(late);
  });

  test("counts per unit", () => {
    const items: MonevItem[] = [
      { targetDate: "2026-02-28", status: "SELESAI" },
      { targetDate: "2026-04-30", status: "PROSES" },
      { targetDate: "2026-06-30", status: "BELUM" },
      { targetDate: "2026-12-30", status: "BELUM" },
    ];
    expect(monevCounts(items, "2026-10-15")).toEqual({ total: 4, selesai: 1, terlambat: 2 });
    expect(monevCounts([], "2026-10-15")).toEqual({ total: 0, selesai: 0, terlambat: 0 });
  });
});
