import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { TRACKING_PATTERN } from "@/domain/pengaduan";
import { saveSelfAnswerAction, takePengaduanCountsAction } from "@/server/actions/lke-answers";
import { replyPengaduanAction, savePengaduanSettingsAction, triagePengaduanAction } from "@/server/actions/pengaduan";
import { readLimitedForm } from "@/server/pengaduan/form-body";
import { lookupPengaduan, submitPengaduan, type PublicFile } from "@/server/pengaduan/public";
import { docm, pdf } from "../fixtures/evidence-files";
import { pinToday, sessionAs, useTestDatabase } from "./db";

const db = useTestDatabase();
const today = pinToday();
const year = new Date().getFullYear();

let ipCounter = 0;
/** Each test files from its own address unless it tests the limit. */
const freshIp = () => `203.0.113.${++ipCounter}`;

const file = (name: string, bytes: Buffer): PublicFile => ({
  name,
  size: bytes.length,
  stream: () => new Blob([new Uint8Array(bytes)]).stream(),
});

const complaint = (over: Record<string, unknown> = {}) => ({
  unitCode: "dinkes",
  subject: "Antrean layanan terlalu lama",
  description: "Saya menunggu lebih dari tiga jam di loket tanpa kepastian kapan dilayani.",
  ...over,
});

async function file1(over: Record<string, unknown> = {}, files: PublicFile[] = []) {
  const result = await submitPengaduan(complaint(over), files, freshIp());
  if (!result.ok) throw new Error(result.error);
  return db.prisma.pengaduan.findUniqueOrThrow({ where: { trackingCode: result.trackingCode } });
}

const previousLimit = process.env.PENGADUAN_MAX_PER_IP;
beforeAll(() => {
  process.env.PENGADUAN_MAX_PER_IP = "3";
});
afterAll(() => {
  if (previousLimit === undefined) delete process.env.PENGADUAN_MAX_PER_IP;
  else process.env.PENGADUAN_MAX_PER_IP = previousLimit;
});

describe("public complaint form", () => {
  test("an anonymous complaint with a PDF is stored, audited without who filed it, and notifies the unit", async () => {
    const before = await db.prisma.notification.count({ where: { kind: "PENGADUAN_BARU" } });
    const result = await submitPengaduan(complaint(), [file("foto antrean.pdf", pdf("Bukti antrean"))], freshIp());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.trackingCode).toMatch(TRACKING_PATTERN);
    const row = await db.prisma.pengaduan.findUniqueOrThrow({
      where: { trackingCode: result.trackingCode },
      include: { attachments: true, unit: true },
    });
    expect(row).toMatchObject({
      status: "DITERIMA",
      reporterName: null,
      reporterContact: null,
      subject: "Antrean layanan terlalu lama",
    });
    expect(row.unit.shortName).toBe("Dinkes");
    // Default 14 days from the (pinned) filing day.
    const due = new Date(`${today}T00:00:00Z`);
    due.setUTCDate(due.getUTCDate() + 14);
    expect(row.dueDate.toISOString().slice(0, 10)).toBe(due.toISOString().slice(0, 10));
    expect(row.attachments).toHaveLength(1);
    expect(row.attachments[0]).toMatchObject({ mimeType: "application/pdf", originalName: "foto antrean.pdf" });
    expect(row.ipHash).not.toContain("203.0.113");

    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { entity: "Pengaduan", entityId: row.id } });
    expect(audit).toMatchObject({ action: "pengaduan.submit", actorId: null, ip: null, instansiId: row.instansiId });
    expect(JSON.stringify(audit.after)).not.toContain("203.0.113");

    const notes = await db.prisma.notification.findMany({
      where: { kind: "PENGADUAN_BARU", link: `/pengaduan/${row.id}` },
      include: { user: true },
    });
    expect(notes.map((n) => n.user.email).sort()).toEqual([
      "kepala.dinkes@contoh.go.id",
      "operator.dinkes@contoh.go.id",
    ]);
    expect(notes[0].body).toContain(row.trackingCode);
    expect(notes[0].body).not.toContain("tiga jam");
    expect(await db.prisma.notification.count({ where: { kind: "PENGADUAN_BARU" } })).toBe(before + 2);
  });

  test("a filled honeypot looks like success and stores nothing", async () => {
    const before = await db.prisma.pengaduan.count();
    const result = await submitPengaduan(complaint({ alamatSitus: "http://spam.example" }), [], freshIp());
    expect(result).toMatchObject({ ok: true });
    if (result.ok)
      expect(await db.prisma.pengaduan.findUnique({ where: { trackingCode: result.trackingCode } })).toBeNull();
    expect(await db.prisma.pengaduan.count()).toBe(before);
  });

  test("bad input, an unknown unit and a macro attachment are refused with nothing written", async () => {
    const before = { rows: await db.prisma.pengaduan.count(), audit: await db.prisma.auditLog.count() };
    const short = await submitPengaduan(complaint({ description: "pendek" }), [], freshIp());
    expect(short).toMatchObject({ ok: false, status: 400, code: "INVALID" });
    if (!short.ok) expect(short.fieldErrors?.description).toMatch(/minimal 20 karakter/);
    expect(await submitPengaduan(complaint({ unitCode: "tidak-ada" }), [], freshIp())).toMatchObject({
      ok: false,
      status: 404,
    });
    const macro = await submitPengaduan(complaint(), [file("surat.docm", docm())], freshIp());
    expect(macro).toMatchObject({ ok: false, code: "UNSUPPORTED" });
    if (!macro.ok) expect(macro.error).toMatch(/makro/i);
    expect({ rows: await db.prisma.pengaduan.count(), audit: await db.prisma.auditLog.count() }).toEqual(before);
  });

  test("one address may file PENGADUAN_MAX_PER_IP complaints an hour; another address still can", async () => {
    const ip = "198.51.100.7";
    for (let i = 0; i < 3; i++) expect((await submitPengaduan(complaint(), [], ip)).ok).toBe(true);
    const fourth = await submitPengaduan(complaint(), [], ip);
    expect(fourth).toMatchObject({ ok: false, status: 429, code: "RATE_LIMITED" });
    expect((await submitPengaduan(complaint(), [], "198.51.100.8")).ok).toBe(true);
  });

  test("the multipart body is read with a size limit", async () => {
    const form = new FormData();
    for (const [k, v] of Object.entries(complaint())) form.set(k, String(v));
    form.append("lampiran", new Blob([new Uint8Array(pdf("x"))], { type: "application/pdf" }), "a.pdf");
    const ok = await readLimitedForm(
      new Request("http://localhost/api/publik/pengaduan", { method: "POST", body: form }),
    );
    expect(ok).toMatchObject({ ok: true, fields: { unitCode: "dinkes" } });
    if (ok.ok) expect(ok.files.map((f) => f.name)).toEqual(["a.pdf"]);
    const huge = new Request("http://localhost/api/publik/pengaduan", {
      method: "POST",
      body: "x",
      headers: { "content-type": "multipart/form-data; boundary=x", "content-length": String(100 * 1024 * 1024) },
    });
    expect(await readLimitedForm(huge)).toMatchObject({ ok: false, status: 413 });
  });
});

describe("tracking and triage", () => {
  test("the tracking page shows status and public replies only", async () => {
    const p = await file1({ reporterName: "Siti Aminah", reporterContact: "0812-0000-1111" });
    const op = await sessionAs(db.prisma, "operator.dinkes@contoh.go.id");
    expect(
      (
        await replyPengaduanAction.run(
          { pengaduanId: p.id, body: "Catatan internal: cek rekaman CCTV loket 3.", public: false },
          op,
        )
      ).ok,
    ).toBe(true);
    expect(
      (await triagePengaduanAction.run({ pengaduanId: p.id, toStatus: "DIPROSES", body: "", version: 1 }, op)).ok,
    ).toBe(true);
    const view = await lookupPengaduan(p.trackingCode, today);
    expect(view).toMatchObject({ status: "DIPROSES", statusLabel: "Diproses", unitCode: "dinkes", overdue: false });
    expect(view!.responses.map((r) => r.body)).toEqual(["Pengaduan Anda sedang kami proses."]);
    const text = JSON.stringify(view);
    expect(text).not.toContain("CCTV");
    expect(text).not.toContain("Siti");
    expect(text).not.toContain("0812");
    expect(await lookupPengaduan("ADU-2222-3333-4444", today)).toBeNull();
  });

  test.each([
    ["operator.dinkes@contoh.go.id", true],
    ["kepala.dinkes@contoh.go.id", true],
    ["tpi@contoh.go.id", true],
    ["admin@contoh.go.id", true],
    ["tpi2@contoh.go.id", false],
    ["operator.disdukcapil@contoh.go.id", false],
    ["kepala.dishub@contoh.go.id", false],
    ["pimpinan@contoh.go.id", false],
  ])("triage of a Dinkes complaint by %s: allowed %s", async (email, allowed) => {
    const p = await file1();
    const session = await sessionAs(db.prisma, email);
    const result = await triagePengaduanAction.run(
      { pengaduanId: p.id, toStatus: "DIPROSES", body: "", version: 1 },
      session,
    );
    expect(result.ok).toBe(allowed);
    if (!result.ok) expect(result.code).toBe("FORBIDDEN");
    const row = await db.prisma.pengaduan.findUniqueOrThrow({ where: { id: p.id } });
    expect(row.status).toBe(allowed ? "DIPROSES" : "DITERIMA");
    expect(
      await db.prisma.auditLog.count({ where: { entity: "Pengaduan", entityId: p.id, action: "pengaduan.triage" } }),
    ).toBe(allowed ? 1 : 0);
  });

  test("diterima → diproses → selesai, with the policy's refusals on the way", async () => {
    const p = await file1();
    const op = await sessionAs(db.prisma, "operator.dinkes@contoh.go.id");
    const skip = await triagePengaduanAction.run(
      { pengaduanId: p.id, toStatus: "SELESAI", body: "Sudah kami tindak lanjuti dengan teguran.", version: 1 },
      op,
    );
    expect(skip).toMatchObject({ ok: false, code: "INVALID" });
    expect(
      (await triagePengaduanAction.run({ pengaduanId: p.id, toStatus: "DIPROSES", body: "", version: 1 }, op)).ok,
    ).toBe(true);
    const stale = await triagePengaduanAction.run(
      { pengaduanId: p.id, toStatus: "SELESAI", body: "Sudah kami tindak lanjuti dengan teguran.", version: 1 },
      op,
    );
    expect(stale).toMatchObject({ ok: false, code: "CONFLICT" });
    const noReply = await triagePengaduanAction.run(
      { pengaduanId: p.id, toStatus: "SELESAI", body: "ok", version: 2 },
      op,
    );
    expect(noReply).toMatchObject({ ok: false, code: "INVALID" });
    if (!noReply.ok) expect(noReply.fieldErrors?.body).toMatch(/tanggapan penyelesaian/);
    expect(
      (
        await triagePengaduanAction.run(
          { pengaduanId: p.id, toStatus: "SELESAI", body: "Sudah kami tindak lanjuti dengan teguran.", version: 2 },
          op,
        )
      ).ok,
    ).toBe(true);
    const row = await db.prisma.pengaduan.findUniqueOrThrow({ where: { id: p.id } });
    expect(row).toMatchObject({ status: "SELESAI", version: 3 });
    expect(row.closedAt).not.toBeNull();
    const locked = await triagePengaduanAction.run(
      { pengaduanId: p.id, toStatus: "DITOLAK", body: "Tidak relevan dengan layanan kami.", version: 3 },
      op,
    );
    expect(locked).toMatchObject({ ok: false, code: "LOCKED" });
    expect(
      await replyPengaduanAction.run(
        { pengaduanId: p.id, body: "Tambahan tanggapan setelah selesai.", public: true },
        op,
      ),
    ).toMatchObject({ ok: false, code: "LOCKED" });
  });

  test("ditolak needs a reason, which the complainant reads", async () => {
    const p = await file1();
    const tpi = await sessionAs(db.prisma, "tpi@contoh.go.id");
    expect(
      await triagePengaduanAction.run({ pengaduanId: p.id, toStatus: "DITOLAK", body: "", version: 1 }, tpi),
    ).toMatchObject({ ok: false, code: "INVALID" });
    const reason = "Pengaduan bukan kewenangan Dinas Kesehatan; silakan ajukan ke Disdukcapil.";
    expect(
      (await triagePengaduanAction.run({ pengaduanId: p.id, toStatus: "DITOLAK", body: reason, version: 1 }, tpi)).ok,
    ).toBe(true);
    expect((await db.prisma.pengaduan.findUniqueOrThrow({ where: { id: p.id } })).rejectReason).toBe(reason);
    expect((await lookupPengaduan(p.trackingCode, today))!.responses.map((r) => r.body)).toEqual([reason]);
  });

  test("the due days and links are instansi settings (ADMIN only)", async () => {
    const admin = await sessionAs(db.prisma, "admin@contoh.go.id");
    const op = await sessionAs(db.prisma, "operator.dinkes@contoh.go.id");
    const input = { laporUrl: "https://www.lapor.go.id", wbsUrl: "https://wbs.contoh.go.id", pengaduanDueDays: 5 };
    expect(await savePengaduanSettingsAction.run(input, op)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await savePengaduanSettingsAction.run({ ...input, laporUrl: "lapor.go.id" }, admin)).toMatchObject({
      ok: false,
      code: "INVALID",
    });
    expect((await savePengaduanSettingsAction.run(input, admin)).ok).toBe(true);
    const p = await file1();
    const due = new Date(`${today}T00:00:00Z`);
    due.setUTCDate(due.getUTCDate() + 5);
    expect(p.dueDate.toISOString().slice(0, 10)).toBe(due.toISOString().slice(0, 10));
    expect((await savePengaduanSettingsAction.run({ ...input, pengaduanDueDays: 14 }, admin)).ok).toBe(true);
  });
});

describe("PRE2A from the complaints", () => {
  test("the operator takes the year's counts into PRE2A with provenance; a typed value clears it", async () => {
    // A unit with no complaints yet, whose LKE is still being filled: Dishub.
    const dishub = async (n: number, over: Record<string, unknown> = {}) => {
      const out = [];
      for (let i = 0; i < n; i++) out.push(await file1({ unitCode: "dishub", ...over }));
      return out;
    };
    const [a1, a2, a3, a4] = await dishub(4);
    const kepala = await sessionAs(db.prisma, "kepala.dishub@contoh.go.id");
    const move = async (id: string, toStatus: string, body: string, version: number) => {
      const r = await triagePengaduanAction.run({ pengaduanId: id, toStatus, body, version }, kepala);
      expect(r.ok).toBe(true);
    };
    await move(a1.id, "DIPROSES", "", 1);
    await move(a1.id, "SELESAI", "Petugas sudah ditegur dan antrean dibenahi.", 2);
    await move(a2.id, "DIPROSES", "", 1);
    await move(a3.id, "DITOLAK", "Bukan layanan Dishub, kami teruskan ke Dinkes.", 1);
    void a4;

    const assessment = await db.prisma.assessment.findFirstOrThrow({
      where: { unit: { shortName: "Dishub" }, periode: { year } },
    });
    const question = await db.prisma.lkeQuestion.findFirstOrThrow({
      where: {
        code: "PRE2A",
        catalogueId: (await db.prisma.periode.findFirstOrThrow({ where: { id: assessment.periodeId } })).catalogueId,
      },
    });
    const existing = await db.prisma.answer.findUnique({
      where: { assessmentId_questionId_layer: { assessmentId: assessment.id, questionId: question.id, layer: "SELF" } },
    });

    const tpi = await sessionAs(db.prisma, "tpi2@contoh.go.id");
    expect(
      await takePengaduanCountsAction.run({ assessmentId: assessment.id, version: existing?.version ?? 0 }, tpi),
    ).toMatchObject({ ok: false, code: "FORBIDDEN" });

    const op = await sessionAs(db.prisma, "operator.dishub@contoh.go.id");
    const result = await takePengaduanCountsAction.run(
      { assessmentId: assessment.id, version: existing?.version ?? 0 },
      op,
    );
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    expect(result.data.counts).toEqual({ pengaduanHarusDitindaklanjuti: 3, pengaduanDiproses: 2, pengaduanSelesai: 1 });
    const answer = await db.prisma.answer.findUniqueOrThrow({
      where: { assessmentId_questionId_layer: { assessmentId: assessment.id, questionId: question.id, layer: "SELF" } },
    });
    expect(answer.counts).toEqual({ pengaduanHarusDitindaklanjuti: 3, pengaduanDiproses: 2, pengaduanSelesai: 1 });
    expect(answer.provenance).toMatchObject({ source: "pengaduan", year, complaints: 4, rejected: 1 });
    expect(answer.catatan).toMatch(/Diambil dari pengaduan masyarakat/);
    const entry = await db.prisma.auditLog.findFirstOrThrow({
      where: { entity: "Answer", entityId: answer.id },
      orderBy: { id: "desc" },
    });
    expect(entry.action).toBe("answer.fromPengaduan");
    expect(entry.after).toMatchObject({ question: "PRE2A", provenance: { source: "pengaduan" } });

    const typed = await saveSelfAnswerAction.run(
      {
        assessmentId: assessment.id,
        questionCode: "PRE2A",
        value: { pengaduanHarusDitindaklanjuti: 5, pengaduanDiproses: 1, pengaduanSelesai: 4 },
        catatan: "Termasuk pengaduan lewat surat.",
        version: answer.version,
      },
      op,
    );
    expect(typed.ok).toBe(true);
    expect((await db.prisma.answer.findUniqueOrThrow({ where: { id: answer.id } })).provenance).toBeNull();
  });
});
