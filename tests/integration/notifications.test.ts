import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { getCatalogue } from "@/domain/catalogue/registry";
import { saveSelfAnswerAction } from "@/server/actions/lke-answers";
import {
  approveAssessmentAction,
  finalizeAssessmentAction,
  reopenAssessmentAction,
  returnAssessmentAction,
  sendBackAssessmentAction,
  submitAssessmentAction,
} from "@/server/actions/lke-chain";
import { reviewQuestionAction } from "@/server/actions/lke-review";
import {
  markAllNotificationsReadAction,
  markNotificationReadAction,
  saveNotificationPreferencesAction,
} from "@/server/actions/notifications";
import { recordPenetapanAction } from "@/server/actions/penetapan";
import { openDatabase } from "@/server/db/connect";
import { migrate } from "@/server/db/migrate";
import { claim, enqueue, runDueJobs } from "@/server/jobs/queue";
import { JOB_HANDLERS } from "@/server/jobs/worker";
import { notifyEvent } from "@/server/notifications/notify";
import {
  REMINDER_JOB,
  runReminders,
  runSurveyReminders,
  scheduleDailyReminders,
} from "@/server/notifications/reminders";
import { openSurveyRoundAction } from "@/server/actions/survey";
import { submitPengaduan } from "@/server/pengaduan/public";
import { pinToday, sessionAs, useTestDatabase } from "./db";

const db = useTestDatabase();
const year = new Date().getFullYear();
const today = pinToday();

interface Mail {
  to: string[];
  raw: string;
}
const mailbox: Mail[] = [];
let smtp: SMTPServer;
let smtpUrl = "";

/** Quoted-printable soft breaks and escapes, so the assertions read the text as written. */
function decodeQp(s: string): string {
  return s.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16)));
}

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (c: Buffer) => (raw += c.toString("utf8")));
      stream.on("end", () => {
        mailbox.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: decodeQp(raw) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
  process.env.SMTP_URL = smtpUrl;
  process.env.APP_URL = "https://zi.contoh.go.id";
});

afterAll(async () => {
  delete process.env.SMTP_URL;
  delete process.env.APP_URL;
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

beforeEach(async () => {
  process.env.SMTP_URL = smtpUrl;
  // Each test starts with an empty queue and mailbox.
  await drain();
  mailbox.length = 0;
});

async function drain() {
  for (let i = 0; i < 20; i++) {
    const { done, failed } = await runDueJobs(db.prisma, JOB_HANDLERS, 100);
    if (done + failed === 0) return;
  }
}

async function assessmentOf(shortName: string) {
  return db.prisma.assessment.findFirstOrThrow({
    where: { unit: { shortName }, periode: { year } },
    include: { periode: true },
  });
}

async function inbox(email: string) {
  return db.prisma.notification.findMany({ where: { user: { email } }, orderBy: { createdAt: "asc" } });
}

/** Who got a notification of this kind since `since`, by email address. */
async function recipients(kind: string, since: Date) {
  const rows = await db.prisma.notification.findMany({
    where: { kind: kind as never, createdAt: { gte: since } },
    include: { user: { select: { email: true } } },
  });
  return rows.map((r) => r.user.email).sort();
}

describe("events of the review chain reach the people who must act", () => {
  test("return → operator and head with the returned questions, reasons and a link to the first; by email too", async () => {
    const tpi = await sessionAs(db.prisma, "tpi2@contoh.go.id");
    const a = await assessmentOf("Bapenda");
    const giveBack = getCatalogue(a.periode.catalogueId).questions[4];
    const since = new Date();
    const reason = "Unggah SK yang sudah ditandatangani kepala dinas";
    expect(
      (
        await reviewQuestionAction.run(
          {
            assessmentId: a.id,
            questionCode: giveBack.id,
            decision: "RETURN",
            reason,
            tpiVersion: 0,
            seenReviewStatus: "PENDING",
          },
          tpi,
        )
      ).ok,
    ).toBe(true);
    // Returning one question is the TPI's work in progress: nobody is told yet.
    expect(await recipients("LKE_RETURNED", since)).toEqual([]);
    expect(await returnAssessmentAction.run({ assessmentId: a.id }, tpi)).toEqual({
      ok: true,
      data: { status: "RETURNED" },
    });

    expect(await recipients("LKE_RETURNED", since)).toEqual([
      "kepala.bapenda@contoh.go.id",
      "operator.bapenda@contoh.go.id",
    ]);
    const [n] = await inbox("kepala.bapenda@contoh.go.id");
    expect(n).toMatchObject({
      title: `LKE Badan Pendapatan Daerah tahun ${year} dikembalikan untuk perbaikan`,
      link: `/penilaian/${a.id}?q=${giveBack.id}`,
      readAt: null,
    });
    expect(n.body).toContain(`- ${giveBack.id}: ${reason}`);

    await drain();
    expect(mailbox.map((m) => m.to[0]).sort()).toEqual([
      "kepala.bapenda@contoh.go.id",
      "operator.bapenda@contoh.go.id",
    ]);
    const mail = mailbox.find((m) => m.to[0] === "kepala.bapenda@contoh.go.id")!.raw;
    expect(mail).toMatch(/^From: Pemerintah Kabupaten Contoh <no-reply@zi\.contoh\.go\.id>/m);
    expect(mail).toContain(`https://zi.contoh.go.id/penilaian/${a.id}?q=${giveBack.id}`);
    expect(mail).toContain("https://zi.contoh.go.id/notifikasi?berhenti=LKE_RETURNED");
    expect(mail).toMatch(/^List-Unsubscribe:\s+<https:\/\/zi\.contoh\.go\.id\/notifikasi\?berhenti=LKE_RETURNED>/m);
    expect(mail).toContain("Content-Type: text/html");
    expect(mail).toContain(reason);
    // The unit's answers and catatan never go into an email.
    const self = await db.prisma.answer.findFirstOrThrow({
      where: { assessmentId: a.id, layer: "SELF", question: { code: giveBack.id } },
    });
    expect(mail).not.toContain(self.catatan!);
  });

  test("reopen → operator and head; resubmission → only the unit's own TPI", async () => {
    const admin = await sessionAs(db.prisma, "admin@contoh.go.id");
    const op = await sessionAs(db.prisma, "operator.bapenda@contoh.go.id");
    const kepala = await sessionAs(db.prisma, "kepala.bapenda@contoh.go.id");
    const a = await assessmentOf("Bapenda");
    const since = new Date();
    expect(
      (
        await reopenAssessmentAction.run(
          { assessmentId: a.id, until: `${year}-10-31`, reason: "Revisi atas pengembalian TPI" },
          admin,
        )
      ).ok,
    ).toBe(true);
    expect(await recipients("LKE_REOPENED", since)).toEqual([
      "kepala.bapenda@contoh.go.id",
      "operator.bapenda@contoh.go.id",
    ]);
    expect((await inbox("operator.bapenda@contoh.go.id")).at(-1)!.body).toBe(
      `Admin membuka kembali pengisian sampai 31 Oktober ${year}. Alasan: Revisi atas pengembalian TPI`,
    );

    const giveBack = getCatalogue(a.periode.catalogueId).questions[4];
    const row = await db.prisma.answer.findFirstOrThrow({
      where: { assessmentId: a.id, layer: "SELF", question: { code: giveBack.id } },
    });
    expect(
      (
        await saveSelfAnswerAction.run(
          {
            assessmentId: a.id,
            questionCode: giveBack.id,
            value: giveBack.options[0]?.label ?? { x: 1 },
            catatan: "SK bertanda tangan diunggah",
            version: row.version,
          },
          op,
        )
      ).ok,
    ).toBe(true);
    expect(await submitAssessmentAction.run({ assessmentId: a.id }, kepala)).toEqual({
      ok: true,
      data: { status: "SUBMITTED" },
    });
    expect(await recipients("LKE_SUBMITTED", since)).toEqual(["tpi2@contoh.go.id"]);
    const [n] = (await inbox("tpi2@contoh.go.id")).filter((x) => x.kind === "LKE_SUBMITTED");
    expect(n.link).toBe(`/penilaian/${a.id}`);
  });

  test("send back → TPI and head with the reason; finalise → pimpinan; approve → TPI and head", async () => {
    const tpi = await sessionAs(db.prisma, "tpi@contoh.go.id");
    const pimpinan = await sessionAs(db.prisma, "pimpinan@contoh.go.id");
    const a = await assessmentOf("RSUD");
    let since = new Date();
    expect(
      await sendBackAssessmentAction.run(
        { assessmentId: a.id, reason: "Periksa kembali bukti area pengawasan" },
        pimpinan,
      ),
    ).toMatchObject({ ok: true });
    expect(await recipients("LKE_SENT_BACK", since)).toEqual(["kepala.rsud@contoh.go.id", "tpi@contoh.go.id"]);
    expect((await inbox("tpi@contoh.go.id")).at(-1)!.body).toContain("Periksa kembali bukti area pengawasan");

    since = new Date();
    expect(await finalizeAssessmentAction.run({ assessmentId: a.id }, tpi)).toMatchObject({ ok: true });
    expect(await recipients("LKE_FINALIZED", since)).toEqual(["pimpinan@contoh.go.id"]);

    since = new Date();
    expect(await approveAssessmentAction.run({ assessmentId: a.id }, pimpinan)).toMatchObject({ ok: true });
    expect(await recipients("LKE_APPROVED", since)).toEqual(["kepala.rsud@contoh.go.id", "tpi@contoh.go.id"]);
    await drain();
    expect(mailbox.map((m) => m.to[0]).sort()).toEqual([
      "kepala.rsud@contoh.go.id",
      "kepala.rsud@contoh.go.id",
      "pimpinan@contoh.go.id",
      "tpi@contoh.go.id",
      "tpi@contoh.go.id",
    ]);
  });

  test("penetapan → the unit's head; a refused action notifies nobody", async () => {
    const admin = await sessionAs(db.prisma, "admin@contoh.go.id");
    const unit = await db.prisma.unit.findFirstOrThrow({ where: { shortName: "Dishub" } });
    const since = new Date();
    const refused = await recordPenetapanAction.run(
      { unitId: unit.id, year: year - 1, result: "WBK", decreeNumber: "", decreeDate: "", notes: "" },
      admin,
    );
    expect(refused.ok).toBe(false);
    expect(await db.prisma.notification.count({ where: { createdAt: { gte: since } } })).toBe(0);
    const ok = await recordPenetapanAction.run(
      {
        unitId: unit.id,
        year: year - 1,
        result: "WBK",
        decreeNumber: "B/12/2025",
        decreeDate: `${year - 1}-12-10`,
        notes: "",
      },
      admin,
    );
    expect(ok.ok).toBe(true);
    expect(await recipients("PENETAPAN_RECORDED", since)).toEqual(["kepala.dishub@contoh.go.id"]);
    expect((await inbox("kepala.dishub@contoh.go.id")).at(-1)).toMatchObject({
      title: `Hasil penetapan Dinas Perhubungan tahun ${year - 1}`,
      body: "Hasil penetapan dicatat: WBK.",
      link: "/penetapan",
    });
  });
});

describe("events from the public", () => {
  test("a new complaint → the unit's operator and head, in the inbox and by email, without the complaint's text", async () => {
    const since = new Date();
    const description = "Petugas loket meminta uang tambahan agar berkas saya diproses lebih cepat.";
    const filed = await submitPengaduan(
      { unitCode: "dinkes", subject: "Pungutan di loket", description },
      [],
      "198.51.100.7",
    );
    expect(filed.ok).toBe(true);
    expect(await recipients("PENGADUAN_BARU", since)).toEqual([
      "kepala.dinkes@contoh.go.id",
      "operator.dinkes@contoh.go.id",
    ]);
    await drain();
    expect(mailbox.map((m) => m.to[0]).sort()).toEqual(["kepala.dinkes@contoh.go.id", "operator.dinkes@contoh.go.id"]);
    const mail = mailbox[0].raw;
    expect(mail).toContain("https://zi.contoh.go.id/notifikasi?berhenti=PENGADUAN_BARU");
    // What the complainant wrote stays in the app.
    expect(mail).not.toContain(description);
  });
});

describe("survey rounds short of respondents", () => {
  test("a round ending within 7 days below its minimum → the unit's operator and head, once, by email too", async () => {
    const op = await sessionAs(db.prisma, "operator.bapenda@contoh.go.id");
    const unit = await db.prisma.unit.findFirstOrThrow({ where: { shortName: "Bapenda" } });
    const closesOn = new Date(Date.parse(`${today}T00:00:00Z`) + 3 * 86_400_000).toISOString().slice(0, 10);
    const opened = await openSurveyRoundAction.run(
      { unitId: unit.id, title: "Triwulan IV", closesOn, minRespondents: 30 },
      op,
    );
    expect(opened.ok).toBe(true);
    const since = new Date();
    await runSurveyReminders(db.prisma, today);
    await runSurveyReminders(db.prisma, today);
    expect(await recipients("SURVEY_REMINDER", since)).toEqual([
      "kepala.bapenda@contoh.go.id",
      "operator.bapenda@contoh.go.id",
    ]);
    await drain();
    expect(mailbox.map((m) => m.to[0]).sort()).toEqual([
      "kepala.bapenda@contoh.go.id",
      "operator.bapenda@contoh.go.id",
    ]);
    expect(mailbox[0].raw).toContain("https://zi.contoh.go.id/notifikasi?berhenti=SURVEY_REMINDER");
  });
});

describe("the inbox", () => {
  test("mark one read, mark all read, and email only for the kinds the user keeps", async () => {
    const kepala = await sessionAs(db.prisma, "kepala.bapenda@contoh.go.id");
    const other = await sessionAs(db.prisma, "kepala.rsud@contoh.go.id");
    const [first] = await inbox("kepala.bapenda@contoh.go.id");
    // Someone else's notification cannot be marked by id.
    expect(await markNotificationReadAction.run({ id: first.id }, other)).toMatchObject({
      ok: false,
      error: "Notifikasi tidak ditemukan.",
    });
    expect(await markNotificationReadAction.run({ id: first.id }, kepala)).toEqual({
      ok: true,
      data: { link: first.link },
    });
    expect((await db.prisma.notification.findUniqueOrThrow({ where: { id: first.id } })).readAt).not.toBeNull();
    const all = await markAllNotificationsReadAction.run({}, kepala);
    expect(all.ok && all.data.marked).toBeGreaterThan(0);
    expect(await db.prisma.notification.count({ where: { userId: kepala.user.id, readAt: null } })).toBe(0);
    expect(
      await db.prisma.auditLog.count({
        where: { actorId: kepala.user.id, action: { in: ["notification.read", "notification.readAll"] } },
      }),
    ).toBe(2);

    expect((await saveNotificationPreferencesAction.run({ emailKinds: ["LKE_SUBMITTED"] }, kepala)).ok).toBe(true);
    expect(await saveNotificationPreferencesAction.run({ emailKinds: ["BUKAN_JENIS"] }, kepala)).toMatchObject({
      ok: false,
    });
    const admin = await sessionAs(db.prisma, "admin@contoh.go.id");
    const a = await assessmentOf("Bapenda");
    expect(
      (
        await reopenAssessmentAction.run(
          { assessmentId: a.id, until: `${year}-10-30`, reason: "Perpanjangan kedua untuk revisi" },
          admin,
        )
      ).ok,
    ).toBe(true);
    await drain();
    // The head gets it in the inbox but not by email; the operator gets both.
    expect((await inbox("kepala.bapenda@contoh.go.id")).at(-1)!.kind).toBe("LKE_REOPENED");
    expect(mailbox.map((m) => m.to[0])).toEqual(["operator.bapenda@contoh.go.id"]);
  });

  test("without SMTP_URL the inbox still fills and no email job is queued", async () => {
    delete process.env.SMTP_URL;
    const admin = await sessionAs(db.prisma, "admin@contoh.go.id");
    const a = await assessmentOf("Dinkes");
    const jobs = await db.prisma.job.count();
    expect(
      (
        await reopenAssessmentAction.run(
          { assessmentId: a.id, until: `${year}-10-30`, reason: "Perpanjangan untuk mutasi operator" },
          admin,
        )
      ).ok,
    ).toBe(true);
    expect((await inbox("operator.dinkes@contoh.go.id")).at(-1)!.kind).toBe("LKE_REOPENED");
    expect(await db.prisma.job.count()).toBe(jobs);
  });
});

describe("reminders and the queue", () => {
  // Evaluasi (Sep–Nov) ends on 30 November: 23 November is 7 days before.
  const sevenBefore = `${year}-11-23`;

  test("the daily reminder goes to whoever's step is open, once, however often the job runs", async () => {
    await scheduleDailyReminders(db.prisma, sevenBefore);
    await scheduleDailyReminders(db.prisma, sevenBefore);
    expect(
      await db.prisma.job.count({ where: { type: REMINDER_JOB, dedupeKey: `${REMINDER_JOB}:${sevenBefore}` } }),
    ).toBe(1);
    await drain();
    const reminders = await db.prisma.notification.findMany({
      where: { kind: "STAGE_REMINDER" },
      include: { user: { select: { email: true } } },
    });
    const to = reminders.map((r) => r.user.email);
    // Dinkes is a draft: its operator and head; Disdukcapil is in review: its TPI; PKM Sukamaju is approved: nobody.
    expect(to).toEqual(
      expect.arrayContaining(["operator.dinkes@contoh.go.id", "kepala.dinkes@contoh.go.id", "tpi@contoh.go.id"]),
    );
    expect(to).not.toContain("kepala.sukamaju@contoh.go.id");
    expect(reminders.find((r) => r.user.email === "kepala.dinkes@contoh.go.id")!.title).toBe(
      `Tahap Evaluasi berakhir dalam 7 hari (30 November ${year})`,
    );
    const sent = mailbox.length;
    expect(sent).toBe(reminders.length);

    // Running the reminders again (another process, a retried job) adds nothing and sends nothing.
    expect(await runReminders(db.prisma, sevenBefore)).toBe(0);
    await drain();
    expect(await db.prisma.notification.count({ where: { kind: "STAGE_REMINDER" } })).toBe(reminders.length);
    expect(mailbox.length).toBe(sent);
  });

  test("two workers never send the same email twice; a job whose worker died is run by the next one", async () => {
    const day = `${year}-11-29`; // Evaluasi ends tomorrow
    expect(await runReminders(db.prisma, day)).toBeGreaterThan(2);
    const queued = await db.prisma.job.count({ where: { status: "PENDING" } });
    // A worker claims two jobs and dies before sending: its lease (0 ms here) runs out.
    expect(await claim(db.prisma, 2, 0)).toHaveLength(2);

    const second = process.env.DATABASE_URL ? await openDatabase({ url: process.env.DATABASE_URL }) : null;
    try {
      const results = await Promise.all([
        runDueJobs(db.prisma, JOB_HANDLERS, 100),
        runDueJobs(second?.prisma ?? db.prisma, JOB_HANDLERS, 100),
      ]);
      expect(results.reduce((n, r) => n + r.done, 0)).toBe(queued);
    } finally {
      await second?.close();
    }
    await drain();
    expect(mailbox.length).toBe(queued);
    const perRecipient = new Map<string, number>();
    for (const m of mailbox) perRecipient.set(m.to[0], (perRecipient.get(m.to[0]) ?? 0) + 1);
    const expected = await db.prisma.notification.groupBy({
      by: ["userId"],
      where: { dedupeKey: { contains: ":EVALUASI:1:" } },
      _count: { _all: true },
    });
    expect([...perRecipient.values()].reduce((a, b) => a + b, 0)).toBe(expected.reduce((n, e) => n + e._count._all, 0));
    expect(await db.prisma.job.count({ where: { status: "PENDING" } })).toBe(0);
  });

  test("SMTP down → retried with backoff, then failed with the reason after the last try", async () => {
    process.env.SMTP_URL = "smtp://127.0.0.1:1";
    process.env.JOB_MAX_ATTEMPTS = "3";
    try {
      const admin = await sessionAs(db.prisma, "admin@contoh.go.id");
      const a = await assessmentOf("BKPSDM");
      expect(
        (
          await reopenAssessmentAction.run(
            { assessmentId: a.id, until: `${year}-10-30`, reason: "Perpanjangan karena server surat" },
            admin,
          )
        ).ok,
      ).toBe(true);
      const jobs = () =>
        db.prisma.job.findMany({
          where: {
            type: "notification.email",
            payload: { path: ["instansiId"], equals: a.periode.instansiId },
            createdAt: { gte: new Date(Date.now() - 60_000) },
            status: { not: "SENT" },
          },
        });
      expect(await jobs()).toHaveLength(2);

      expect(await runDueJobs(db.prisma, JOB_HANDLERS, 100)).toEqual({ done: 0, failed: 2 });
      let rows = await jobs();
      expect(rows.map((r) => [r.status, r.attempts])).toEqual([
        ["PENDING", 1],
        ["PENDING", 1],
      ]);
      expect(rows[0].lastError).toMatch(/ECONNREFUSED/);
      // Backoff: not due again at once.
      expect(rows.every((r) => r.runAt.getTime() > Date.now() + 30_000)).toBe(true);
      expect(await runDueJobs(db.prisma, JOB_HANDLERS, 100)).toEqual({ done: 0, failed: 0 });

      for (let attempt = 2; attempt <= 3; attempt++) {
        await db.prisma.job.updateMany({
          where: { id: { in: rows.map((r) => r.id) } },
          data: { runAt: new Date(Date.now() - 1000) },
        });
        expect(await runDueJobs(db.prisma, JOB_HANDLERS, 100)).toEqual({ done: 0, failed: 2 });
        rows = await jobs();
      }
      expect(rows.map((r) => [r.status, r.attempts])).toEqual([
        ["FAILED", 3],
        ["FAILED", 3],
      ]);
      expect(rows[0].lastError).toMatch(/ECONNREFUSED/);
      expect(mailbox).toHaveLength(0);
      // The inbox has it regardless.
      expect((await inbox("operator.bkpsdm@contoh.go.id")).at(-1)!.kind).toBe("LKE_REOPENED");
    } finally {
      delete process.env.JOB_MAX_ATTEMPTS;
    }
  });

  test("a daily digest collects the chosen kinds into one email a day, sent once; only TPI and pimpinan may choose it", async () => {
    const pimpinan = await sessionAs(db.prisma, "pimpinan@contoh.go.id");
    const kepala = await sessionAs(db.prisma, "kepala.dinkes@contoh.go.id");
    expect(
      await saveNotificationPreferencesAction.run(
        { emailKinds: ["LKE_SUBMITTED"], digestKinds: ["LKE_SUBMITTED"] },
        kepala,
      ),
    ).toMatchObject({
      ok: false,
      error: "Ringkasan harian hanya tersedia untuk TPI dan pimpinan.",
    });
    const all = ["LKE_FINALIZED", "PMPZI_REMINDER", "STAGE_REMINDER"] as const;
    expect(
      (await saveNotificationPreferencesAction.run({ emailKinds: [...all], digestKinds: ["LKE_FINALIZED"] }, pimpinan))
        .ok,
    ).toBe(true);

    const unit = await db.prisma.unit.findFirstOrThrow({ where: { shortName: "Dindikbud" } });
    const a = await assessmentOf("Dindikbud");
    for (let i = 0; i < 2; i++) {
      await notifyEvent(db.prisma, { kind: "LKE_FINALIZED", assessmentId: a.id, unitName: unit.name, year }, unit);
    }
    await drain();
    // Collected for the digest: nothing sent yet.
    expect(mailbox).toHaveLength(0);

    // The two notifications were made "yesterday"; the daily run of today sends them in one email, once.
    const today = `${year}-11-10`;
    await db.prisma.notification.updateMany({
      where: { userId: pimpinan.user.id, kind: "LKE_FINALIZED", link: `/penilaian/${a.id}` },
      data: { createdAt: new Date(`${year}-11-09T08:00:00Z`) },
    });
    await scheduleDailyReminders(db.prisma, today);
    await drain();
    await scheduleDailyReminders(db.prisma, today);
    await drain();
    expect(mailbox.map((m) => m.to[0])).toEqual(["pimpinan@contoh.go.id"]);
    expect(mailbox[0].raw).toContain(`Subject: Ringkasan notifikasi Zona Integritas ${year}-11-09 (2)`);
    expect(mailbox[0].raw.split(`LKE Dinas Pendidikan dan Kebudayaan tahun ${year} difinalkan TPI`).length - 1).toBe(4);
  });

  test("a restart of the embedded database mid-queue loses nothing and repeats nothing", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "zi-queue-"));
    const saved = { url: process.env.DATABASE_URL, dataDir: process.env.DATA_DIR };
    delete process.env.DATABASE_URL;
    process.env.DATA_DIR = dir;
    const ran: string[] = [];
    const handlers = { "test.record": async (p: Record<string, unknown>) => void ran.push(String(p.n)) };
    try {
      const first = await openDatabase();
      await migrate(first.runner);
      await enqueue(
        first.prisma,
        ["1", "2", "3"].map((n) => ({ type: "test.record", payload: { n }, dedupeKey: `restart:${n}` })),
      );
      // One job is taken by a worker that dies with the process (its lease, 0 ms here, runs out).
      expect(await claim(first.prisma, 1, 0)).toHaveLength(1);
      await first.close();

      const second = await openDatabase();
      await enqueue(second.prisma, [{ type: "test.record", payload: { n: "1" }, dedupeKey: "restart:1" }]);
      expect(await runDueJobs(second.prisma, handlers)).toEqual({ done: 3, failed: 0 });
      expect(await runDueJobs(second.prisma, handlers)).toEqual({ done: 0, failed: 0 });
      expect(ran.sort()).toEqual(["1", "2", "3"]);
      expect(await second.prisma.job.count({ where: { status: "SENT" } })).toBe(3);
      await second.close();
    } finally {
      if (saved.url === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = saved.url;
      process.env.DATA_DIR = saved.dataDir;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
