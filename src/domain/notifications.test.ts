import { describe, expect, test } from "vitest";
import {
  composeMessage,
  dueReminders,
  EVENT_AUDIENCE,
  reminderAudience,
  rolesWithOpenStep,
  type DueReminder,
} from "./notifications";
import type { AssessmentStatus } from "./review";
import { defaultStageWindows } from "./timeline";

const windows = defaultStageWindows(2026);
const pmpzi = "2026-05-31";

describe("dueReminders", () => {
  test.each<[string, Array<Pick<DueReminder, "subject" | "offset">>]>([
    ["2026-11-23", [{ subject: "EVALUASI", offset: 7 }]],
    ["2026-11-29", [{ subject: "EVALUASI", offset: 1 }]],
    ["2026-08-24", [{ subject: "PENILAIAN", offset: 7 }]],
    ["2026-05-24", [{ subject: "PMPZI", offset: 7 }]],
    ["2026-05-30", [{ subject: "PMPZI", offset: 1 }]],
    // Pembinaan ends 30 June, but no LKE step closes with it.
    ["2026-06-23", []],
    ["2026-11-22", []],
    ["2026-11-30", []],
  ])("on %s", (today, expected) => {
    expect(dueReminders(today, windows, pmpzi).map(({ subject, offset }) => ({ subject, offset }))).toEqual(expected);
  });

  test("across a month end", () => {
    expect(dueReminders("2026-11-24", [{ stage: "EVALUASI", start: "2026-09-01", end: "2026-12-01" }], pmpzi)).toEqual([
      { kind: "STAGE_REMINDER", subject: "EVALUASI", offset: 7, date: "2026-12-01" },
    ]);
  });
});

describe("who must act", () => {
  test.each<[AssessmentStatus, string[]]>([
    ["DRAFT", ["OPERATOR_OPD", "KEPALA_OPD"]],
    ["RETURNED", ["OPERATOR_OPD", "KEPALA_OPD"]],
    ["SUBMITTED", ["TPI"]],
    ["IN_REVIEW", ["TPI"]],
    ["FINALIZED", ["PIMPINAN"]],
    ["APPROVED", []],
  ])("%s → %j", (status, roles) => {
    expect(rolesWithOpenStep(status)).toEqual(roles);
  });

  test("the Penilaian reminder reaches only units still filling; Evaluasi and PMPZI everyone whose step is open", () => {
    const penilaian: DueReminder = { kind: "STAGE_REMINDER", subject: "PENILAIAN", offset: 7, date: "2026-08-31" };
    const pmpziReminder: DueReminder = { kind: "PMPZI_REMINDER", subject: "PMPZI", offset: 1, date: pmpzi };
    expect(reminderAudience(penilaian, "DRAFT")).toEqual(["OPERATOR_OPD", "KEPALA_OPD"]);
    expect(reminderAudience(penilaian, "SUBMITTED")).toEqual([]);
    expect(reminderAudience(pmpziReminder, "FINALIZED")).toEqual(["PIMPINAN"]);
    expect(reminderAudience(pmpziReminder, "APPROVED")).toEqual([]);
  });

  test("event audiences", () => {
    expect(EVENT_AUDIENCE).toEqual({
      LKE_SUBMITTED: ["TPI"],
      LKE_RETURNED: ["OPERATOR_OPD", "KEPALA_OPD"],
      LKE_FINALIZED: ["PIMPINAN"],
      LKE_APPROVED: ["TPI", "KEPALA_OPD"],
      LKE_SENT_BACK: ["TPI", "KEPALA_OPD"],
      LKE_REOPENED: ["OPERATOR_OPD", "KEPALA_OPD"],
      PENETAPAN_RECORDED: ["KEPALA_OPD"],
      PENGADUAN_BARU: ["OPERATOR_OPD", "KEPALA_OPD"],
    });
  });
});

describe("new complaint", () => {
  test("names the code and due date, links to the complaint, and carries nothing of its text", () => {
    const m = composeMessage({
      kind: "PENGADUAN_BARU",
      pengaduanId: "p1",
      unitName: "Dinas Kesehatan",
      trackingCode: "ADU-ABCD-EFGH-JKMN",
      dueDate: "2026-12-16",
    });
    expect(m).toEqual({
      kind: "PENGADUAN_BARU",
      title: "Pengaduan masyarakat baru untuk Dinas Kesehatan",
      body: "Pengaduan ADU-ABCD-EFGH-JKMN diterima. Tindak lanjuti paling lambat 16 Desember 2026.",
      link: "/pengaduan/p1",
    });
  });
});

describe("composeMessage", () => {
  test("a return lists each question with its reason and links to the first", () => {
    const m = composeMessage({
      kind: "LKE_RETURNED",
      assessmentId: "a1",
      unitName: "Dinas Kesehatan",
      year: 2026,
      returned: [
        { code: "PPA1A", reason: "SK belum ditandatangani" },
        { code: "PRB2C", reason: null },
      ],
    });
    expect(m).toEqual({
      kind: "LKE_RETURNED",
      title: "LKE Dinas Kesehatan tahun 2026 dikembalikan untuk perbaikan",
      body: "TPI mengembalikan 2 pertanyaan untuk diperbaiki:\n- PPA1A: SK belum ditandatangani\n- PRB2C: (tanpa alasan)",
      link: "/penilaian/a1?q=PPA1A",
    });
  });

  test("reminders say when, in Indonesian", () => {
    const tomorrow = composeMessage({
      kind: "PMPZI_REMINDER",
      assessmentId: "a1",
      unitName: "RSUD",
      year: 2026,
      status: "FINALIZED",
      reminder: { kind: "PMPZI_REMINDER", subject: "PMPZI", offset: 1, date: "2026-05-31" },
    });
    expect(tomorrow.title).toBe("Batas usulan melalui PMPZI berakhir besok (31 Mei 2026)");
    const week = composeMessage({
      kind: "STAGE_REMINDER",
      assessmentId: "a1",
      unitName: "RSUD",
      year: 2026,
      status: "DRAFT",
      reminder: { kind: "STAGE_REMINDER", subject: "PENILAIAN", offset: 7, date: "2026-08-31" },
    });
    expect(week.title).toBe("Tahap Penilaian berakhir dalam 7 hari (31 Agustus 2026)");
    expect(week.link).toBe("/penilaian/a1");
  });
});

describe("survey reminder", () => {
  test("names the round, the count against the minimum and links to the round", () => {
    const m = composeMessage({
      kind: "SURVEY_REMINDER",
      roundId: "r1",
      roundTitle: "Triwulan IV 2026",
      unitName: "Dinkes",
      year: 2026,
      n: 12,
      minRespondents: 30,
      closesOn: "2026-12-31",
    });
    expect(m).toMatchObject({ kind: "SURVEY_REMINDER", link: "/hasil-survei/r1" });
    expect(m.title).toBe("Survei Triwulan IV 2026 Dinkes baru 12 dari 30 responden");
    expect(m.body).toContain("31 Desember 2026");
  });
});
