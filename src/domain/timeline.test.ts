import { describe, expect, test } from "vitest";
import { defaultPmpziDeadline, defaultStageWindows, dueFor, fillWindowOpen, isOverdue, stageAt, validateStageWindows } from "./timeline";

const w = defaultStageWindows(2026);
const pmpzi = defaultPmpziDeadline(2026);

describe("timeline", () => {
  test("default windows follow the Jan–Dec convention, February in a leap year included", () => {
    expect(defaultStageWindows(2028)[0]).toEqual({ stage: "PENGUSULAN", start: "2028-01-01", end: "2028-02-29" });
    expect(w.map((x) => `${x.stage}:${x.start}..${x.end}`)).toEqual([
      "PENGUSULAN:2026-01-01..2026-02-28",
      "PEMBINAAN:2026-03-01..2026-06-30",
      "PENILAIAN:2026-07-01..2026-08-31",
      "EVALUASI:2026-09-01..2026-11-30",
      "PENETAPAN:2026-12-01..2026-12-31",
    ]);
    expect(pmpzi).toBe("2026-05-31");
  });

  test.each([
    ["2026-01-01", "PENGUSULAN"],
    ["2026-06-30", "PEMBINAAN"],
    ["2026-07-01", "PENILAIAN"],
    ["2026-11-23", "EVALUASI"],
    ["2026-12-31", "PENETAPAN"],
    ["2027-01-01", null],
  ])("%s is in %s", (date, stage) => {
    expect(stageAt(w, date)).toBe(stage);
  });

  test("windows must be in order and not overlap", () => {
    expect(validateStageWindows(w)).toEqual({});
    const bad = w.map((x) => (x.stage === "PENILAIAN" ? { ...x, start: "2026-06-15" } : x));
    expect(validateStageWindows(bad)).toEqual({ PENILAIAN: "Penilaian harus dimulai setelah Pembinaan selesai" });
    const reversed = w.map((x) => (x.stage === "PENETAPAN" ? { ...x, start: "2026-12-31", end: "2026-12-01" } : x));
    expect(validateStageWindows(reversed)).toEqual({ PENETAPAN: "Tanggal mulai Penetapan harus sebelum tanggal selesai" });
  });

  test("the fill window runs from Pengusulan to the end of Pembinaan, or to a reopening date", () => {
    expect(fillWindowOpen(w, "2026-01-01", null)).toBe(true);
    expect(fillWindowOpen(w, "2026-06-30", null)).toBe(true);
    expect(fillWindowOpen(w, "2026-07-01", null)).toBe(false);
    expect(fillWindowOpen(w, "2026-11-23", "2026-12-31")).toBe(true);
    expect(fillWindowOpen(w, "2026-11-23", "2026-11-22")).toBe(false);
  });

  test("who must act by when, and when it is overdue", () => {
    expect(dueFor("DRAFT", w, pmpzi)).toEqual({ date: "2026-06-30", label: "Unit mengajukan LKE ke TPI" });
    expect(dueFor("IN_REVIEW", w, pmpzi)?.date).toBe("2026-05-31");
    expect(dueFor("APPROVED", w, pmpzi)).toBeNull();
    expect(isOverdue("DRAFT", w, pmpzi, "2026-06-30")).toBe(false);
    expect(isOverdue("DRAFT", w, pmpzi, "2026-07-01")).toBe(true);
    expect(isOverdue("FINALIZED", w, pmpzi, "2026-06-01")).toBe(true);
    expect(isOverdue("APPROVED", w, pmpzi, "2026-12-31")).toBe(false);
  });
});
