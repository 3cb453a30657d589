import { describe, expect, test } from "vitest";
import fc from "fast-check";
import {
  checkReply,
  checkTransition,
  daysLeft,
  dueDateOf,
  isOverdue,
  normaliseTrackingCode,
  PENGADUAN_STATUSES,
  pengaduanStats,
  pre2aCounts,
  TRACKING_PATTERN,
  trackingCodeFrom,
  type PengaduanStatus,
} from "./pengaduan";

const REPLY = "Terima kasih, sudah kami tindak lanjuti.";

describe("complaint triage transitions", () => {
  test.each<[PengaduanStatus, PengaduanStatus, string, true | RegExp]>([
    ["DITERIMA", "DIPROSES", "", true],
    ["DITERIMA", "DITOLAK", REPLY, true],
    ["DITERIMA", "DITOLAK", "tidak", /alasan penolakan/],
    ["DITERIMA", "SELESAI", REPLY, /tidak dapat langsung menjadi selesai/],
    ["DITERIMA", "DITERIMA", REPLY, /tidak dapat langsung/],
    ["DIPROSES", "SELESAI", REPLY, true],
    ["DIPROSES", "SELESAI", "  ok  ", /tanggapan penyelesaian/],
    ["DIPROSES", "DITOLAK", REPLY, true],
    ["DIPROSES", "DITERIMA", REPLY, /tidak dapat langsung menjadi diterima/],
    ["SELESAI", "DIPROSES", REPLY, /sudah selesai/],
    ["DITOLAK", "DIPROSES", REPLY, /sudah ditolak/],
  ])("%s → %s (%j) gives %s", (from, to, body, expected) => {
    const result = checkTransition(from, to, body);
    if (expected === true) expect(result).toEqual({ ok: true });
    else {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toMatch(expected);
    }
  });

  test("closed complaints are LOCKED, illegal moves INVALID on the status field", () => {
    expect(checkTransition("SELESAI", "DITOLAK", REPLY)).toMatchObject({ ok: false, code: "LOCKED" });
    expect(checkTransition("DITERIMA", "SELESAI", REPLY)).toMatchObject({
      ok: false,
      code: "INVALID",
      field: "toStatus",
    });
    expect(checkTransition("DIPROSES", "SELESAI", "")).toMatchObject({ ok: false, code: "INVALID", field: "body" });
  });

  test("replies only while open", () => {
    expect(checkReply("DITERIMA").ok).toBe(true);
    expect(checkReply("DIPROSES").ok).toBe(true);
    expect(checkReply("SELESAI").ok).toBe(false);
    expect(checkReply("DITOLAK").ok).toBe(false);
  });

  test("no move leads out of a closed state, and every open state can still be closed", () => {
    for (const from of PENGADUAN_STATUSES) {
      const reachable = PENGADUAN_STATUSES.filter((to) => checkTransition(from, to, REPLY).ok);
      if (from === "SELESAI" || from === "DITOLAK") expect(reachable).toEqual([]);
      else expect(reachable).toContain("DITOLAK");
    }
  });
});

describe("due dates and overdue", () => {
  test.each([
    ["2026-12-02", 14, "2026-12-16"],
    ["2026-12-25", 14, "2027-01-08"],
    ["2028-02-20", 10, "2028-03-01"],
    ["2026-01-31", 1, "2026-02-01"],
  ])("filed %s + %i days → %s", (filed, days, due) => {
    expect(dueDateOf(filed, days)).toBe(due);
  });

  test.each<[PengaduanStatus, string, string, boolean, number | null]>([
    ["DITERIMA", "2026-12-16", "2026-12-15", false, 1],
    ["DITERIMA", "2026-12-16", "2026-12-16", false, 0],
    ["DIPROSES", "2026-12-16", "2026-12-17", true, -1],
    ["DITERIMA", "2026-12-16", "2027-01-16", true, -31],
    ["SELESAI", "2026-12-16", "2027-01-16", false, null],
    ["DITOLAK", "2026-12-16", "2027-01-16", false, null],
  ])("%s due %s on %s: overdue %s, days left %s", (status, due, today, overdue, left) => {
    expect(isOverdue(status, due, today)).toBe(overdue);
    expect(daysLeft(status, due, today)).toBe(left);
  });
});

describe("PRE2A counts", () => {
  test("refused complaints are not due; open ones are in progress", () => {
    expect(pre2aCounts(["DITERIMA", "DIPROSES", "SELESAI", "SELESAI", "DITOLAK"])).toEqual({
      pengaduanHarusDitindaklanjuti: 4,
      pengaduanDiproses: 2,
      pengaduanSelesai: 2,
    });
    expect(pre2aCounts([])).toEqual({ pengaduanHarusDitindaklanjuti: 0, pengaduanDiproses: 0, pengaduanSelesai: 0 });
  });

  test("in progress + done never exceeds those due (the catalogue's count check never fires)", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PENGADUAN_STATUSES)), (statuses) => {
        const c = pre2aCounts(statuses);
        expect(c.pengaduanDiproses + c.pengaduanSelesai).toBe(c.pengaduanHarusDitindaklanjuti);
      }),
    );
  });

  test("public statistics", () => {
    const stats = pengaduanStats(
      [
        { status: "DITERIMA", dueDate: "2026-11-01" },
        { status: "DIPROSES", dueDate: "2026-12-30" },
        { status: "SELESAI", dueDate: "2026-10-01" },
        { status: "DITOLAK", dueDate: "2026-10-01" },
      ],
      "2026-12-02",
    );
    expect(stats).toEqual({
      total: 4,
      byStatus: { DITERIMA: 1, DIPROSES: 1, SELESAI: 1, DITOLAK: 1 },
      overdue: 1,
      settledPct: (100 * 1) / 3,
    });
    expect(pengaduanStats([{ status: "DITOLAK", dueDate: "2026-10-01" }], "2026-12-02").settledPct).toBeNull();
  });
});

describe("tracking codes", () => {
  test("generated codes match the pattern and survive normalisation", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 12, maxLength: 12 }), (random) => {
        const code = trackingCodeFrom(random);
        expect(code).toMatch(TRACKING_PATTERN);
        expect(normaliseTrackingCode(code.toLowerCase().replace(/-/g, " "))).toBe(code);
      }),
    );
  });

  test.each([
    ["adu-abcd-efgh-jkmn", "ADU-ABCD-EFGH-JKMN"],
    ["ABCDEFGHJKMN", "ADU-ABCD-EFGH-JKMN"],
    ["ADU-ABCD-EFGH-JKM", null],
    ["ADU-ABCD-EFGH-JKM0", null],
    ["", null],
  ])("%j → %j", (raw, expected) => {
    expect(normaliseTrackingCode(raw)).toBe(expected);
  });
});
