import { describe, expect, test } from "vitest";
import {
  defaultPmpziDeadline,
  defaultStageWindows,
  fillWindowOpen,
  lateness,
  stageAt,
  validateSchedule,
  validateStageWindows,
  type ChainStatus,
} from "./timeline";

const w = defaultStageWindows(2026);
const pmpzi = defaultPmpziDeadline(2026);

describe("timeline", () => {
  test("default windows follow the Jan–Dec convention, February in a leap year included", () => {
    expect(defaultStageWindows(2028)[0]).toEqual({ stage: "PENGUSULAN", start: "2028-01-01", end: "2028-02-29" });
    expect(w.map((x) => `${x.stage}:${x.start}..${x.end}`)).toEqual([
      "PENGUSULAN:2026-01-01..2026-02-28",
      "PEMBINAAN:2026-03-01..2026-04-30",
      "PENILAIAN:2026-05-01..2026-08-31",
      "EVALUASI:2026-09-01..2026-11-30",
      "PENETAPAN:2026-12-01..2026-12-31",
    ]);
    expect(pmpzi).toBe("2026-05-31");
  });

  test.each([
    ["2026-01-01", "PENGUSULAN"],
    ["2026-04-30", "PEMBINAAN"],
    ["2026-05-01", "PENILAIAN"],
    ["2026-11-23", "EVALUASI"],
    ["2026-12-31", "PENETAPAN"],
    ["2027-01-01", null],
  ])("%s is in %s", (date, stage) => {
    expect(stageAt(w, date)).toBe(stage);
  });

  test("windows must be in order and not overlap", () => {
    expect(validateStageWindows(w)).toEqual({});
    const bad = w.map((x) => (x.stage === "PENILAIAN" ? { ...x, start: "2026-04-15" } : x));
    expect(validateStageWindows(bad)).toEqual({ PENILAIAN: "Penilaian harus dimulai setelah Pembinaan selesai" });
    const reversed = w.map((x) => (x.stage === "PENETAPAN" ? { ...x, start: "2026-12-31", end: "2026-12-01" } : x));
    expect(validateStageWindows(reversed)).toEqual({
      PENETAPAN: "Tanggal mulai Penetapan harus sebelum tanggal selesai",
    });
  });

  test("the fill window runs from Pengusulan to the end of Pembinaan, or to a reopening date", () => {
    expect(fillWindowOpen(w, "2026-01-01", null)).toBe(true);
    expect(fillWindowOpen(w, "2026-04-30", null)).toBe(true);
    expect(fillWindowOpen(w, "2026-05-01", null)).toBe(false);
    expect(fillWindowOpen(w, "2026-11-23", "2026-12-31")).toBe(true);
    expect(fillWindowOpen(w, "2026-11-23", "2026-11-22")).toBe(false);
  });

  test("who must act by when, and when it is late", () => {
    const schedule = { windows: w, pmpziDeadline: pmpzi, reopenedUntil: null };
    expect(lateness("DRAFT", schedule, "2026-04-01").due).toEqual({
      date: "2026-04-30",
      label: "Unit mengajukan LKE ke TPI",
    });
    expect(lateness("IN_REVIEW", schedule, "2026-04-01").due?.date).toBe("2026-05-31");
    expect(lateness("APPROVED", schedule, "2026-12-31")).toEqual({
      due: null,
      late: false,
      daysLate: null,
      daysLeft: null,
    });
    expect(lateness("DRAFT", schedule, "2026-04-30")).toMatchObject({ late: false, daysLeft: 0 });
    expect(lateness("DRAFT", schedule, "2026-05-01")).toMatchObject({ late: true, daysLate: 1 });
    expect(lateness("FINALIZED", schedule, "2026-06-01")).toMatchObject({ late: true, daysLate: 1 });
  });

  test.each<[ChainStatus, string | null, string, boolean]>([
    // A unit reopened until 31 December is not late before then, whatever the stage windows say.
    ["DRAFT", "2026-12-31", "2026-10-15", false],
    ["RETURNED", "2026-12-31", "2026-10-15", false],
    ["DRAFT", "2026-12-31", "2027-01-01", true],
    // An extension that ends before the regular deadline does not shorten it.
    ["DRAFT", "2026-03-15", "2026-04-20", false],
    ["DRAFT", null, "2026-10-15", true],
    // The TPI and pimpinan are not late while the unit's reopened window is still running.
    ["SUBMITTED", "2026-12-31", "2026-10-15", false],
    ["FINALIZED", "2026-12-31", "2026-10-15", false],
    ["FINALIZED", null, "2026-10-15", true],
    ["APPROVED", null, "2026-10-15", false],
  ])("%s reopened until %s, today %s → late %s", (status, reopenedUntil, today, late) => {
    expect(lateness(status, { windows: w, pmpziDeadline: pmpzi, reopenedUntil }, today).late).toBe(late);
  });

  test("the default schedule puts the unit's deadline before the TPI's", () => {
    const windows = defaultStageWindows(2026);
    expect(validateSchedule(windows, defaultPmpziDeadline(2026))).toEqual({ stages: {}, pmpziDeadline: null });
    expect(
      lateness("DRAFT", { windows, pmpziDeadline: defaultPmpziDeadline(2026), reopenedUntil: null }, "2026-01-01").due!
        .date < defaultPmpziDeadline(2026),
    ).toBe(true);
    expect(validateSchedule(windows, "2026-04-15").pmpziDeadline).toBe(
      "Batas PMPZI tidak boleh sebelum batas pengajuan unit (akhir Pembinaan, 2026-04-30)",
    );
  });
});
