import { readdirSync, existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { deleteEvidenceAction } from "@/server/actions/evidence";
import { downloadEvidence, uploadEvidence } from "@/server/evidence/http";
import { pdf, png } from "../fixtures/evidence-files";
import { pinToday, sessionAs, useTestDatabase } from "./db";

const db = useTestDatabase();
const year = new Date().getFullYear();

pinToday();

function request(assessmentId: string, target: string, body: Buffer, name: string) {
  return new Request(`http://localhost/api/evidence?assessmentId=${assessmentId}&${target}`, {
    method: "POST",
    body: new Uint8Array(body),
    headers: {
      origin: "http://localhost",
      "x-file-name": encodeURIComponent(name),
      "content-type": "application/octet-stream",
      "content-length": String(body.length),
    },
  });
}

function storedFiles(): string[] {
  const root = path.join(process.env.DATA_DIR!, "evidence");
  const out: string[] = [];
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(dir, e.name));
      else out.push(path.join(dir, e.name));
    }
  };
  walk(root);
  return out.sort();
}

async function dinkes() {
  const a = await db.prisma.assessment.findFirstOrThrow({
    where: { unit: { shortName: "Dinkes" }, periode: { year } },
  });
  return a;
}

describe("evidence upload", () => {
  test("a PDF is stored with its size, sniffed type and sha256, and counted in the stored score", async () => {
    const op = await sessionAs(db.prisma, "operator.dinkes@contoh.go.id");
    const a = await dinkes();
    const before = (
      await db.prisma.assessmentScore.findUniqueOrThrow({
        where: { assessmentId_layer: { assessmentId: a.id, layer: "SELF" } },
      })
    ).evidenceCount;
    // A question without evidence yet.
    const withEvidence = new Set(
      (
        await db.prisma.evidence.findMany({
          where: { answer: { assessmentId: a.id } },
          select: { answer: { select: { question: { select: { code: true } } } } },
        })
      ).map((e) => e.answer!.question.code),
    );
    const q = (
      await db.prisma.lkeQuestion.findMany({
        where: { catalogueId: "lke-2026", answerType: { not: "INDEKS_SURVEI" } },
        orderBy: { code: "asc" },
      })
    ).find((x) => !withEvidence.has(x.code) && /^P[PR][A-F]\d[A-Z]$/.test(x.code))!;
    const bytes = pdf("SK Tim Kerja Zona Integritas");
    const res = await uploadEvidence(request(a.id, `question=${q.code}`, bytes, "SK Tim ZI.pdf"), op);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.evidence).toMatchObject({
      originalName: "SK Tim ZI.pdf",
      size: bytes.length,
      mimeType: "application/pdf",
    });
    const row = await db.prisma.evidence.findUniqueOrThrow({ where: { id: body.evidence.id } });
    expect(row.sha256).toBe((await import("node:crypto")).createHash("sha256").update(bytes).digest("hex"));
    const after = (
      await db.prisma.assessmentScore.findUniqueOrThrow({
        where: { assessmentId_layer: { assessmentId: a.id, layer: "SELF" } },
      })
    ).evidenceCount;
    expect(after).toBe(before + 1);
    expect(
      await db.prisma.auditLog.count({ where: { entity: "Evidence", entityId: row.id, action: "evidence.upload" } }),
    ).toBe(1);

    // The owner downloads the same bytes.
    const download = await downloadEvidence(row.id, op);
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);
    expect(download.headers.get("x-content-type-options")).toBe("nosniff");
  });

  test.each([
    [
      "an .exe renamed .pdf",
      Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00", "latin1"), Buffer.alloc(4000, 1)]),
      "laporan.pdf",
      415,
      /Jenis berkas tidak diterima: EXE/,
    ],
    [
      "an HTML page",
      Buffer.from("<html><script>alert(1)</script></html>"),
      "bukti.pdf",
      415,
      /Jenis berkas tidak diterima/,
    ],
    [
      "a file over the size limit",
      Buffer.concat([pdf("besar"), Buffer.alloc(10 * 1024 * 1024, 0x20)]),
      "besar.pdf",
      413,
      /Berkas terlalu besar: maksimal 10 MB\./,
    ],
  ])("%s is refused with a clear message and nothing is stored", async (_, bytes, name, status, message) => {
    const op = await sessionAs(db.prisma, "operator.dinkes@contoh.go.id");
    const a = await dinkes();
    const files = storedFiles();
    const rows = await db.prisma.evidence.count();
    const res = await uploadEvidence(request(a.id, "question=PPA1A", bytes, name), op);
    expect(res.status).toBe(status);
    expect((await res.json()).error).toMatch(message);
    expect(await db.prisma.evidence.count()).toBe(rows);
    expect(storedFiles()).toEqual(files);
  });

  test("a hostile name such as ../../x.pdf is neutralised", async () => {
    const op = await sessionAs(db.prisma, "operator.dinkes@contoh.go.id");
    const a = await dinkes();
    for (const [name, expected] of [
      ["../../x.pdf", "x.pdf"],
      ["..\\..\\etc\\passwd\u0000.pdf", "passwd.pdf"],
      [`${"a".repeat(500)}.pdf`, `${"a".repeat(146)}.pdf`],
    ]) {
      const res = await uploadEvidence(request(a.id, "question=PPA1B", pdf(expected), name), op);
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body.evidence.originalName).toBe(expected);
      const row = await db.prisma.evidence.findUniqueOrThrow({ where: { id: body.evidence.id } });
      expect(row.storageKey).not.toMatch(/\.\.|x\.pdf|passwd/);
    }
  });

  test("the same file twice to one question is refused with a clear message; elsewhere it is accepted", async () => {
    const op = await sessionAs(db.prisma, "operator.dinkes@contoh.go.id");
    const a = await dinkes();
    const bytes = pdf("Notulen rapat evaluasi triwulan");
    expect(
      (await uploadEvidence(request(a.id, "question=PPA2A", bytes, "notulen rapat evaluasi.pdf"), op)).status,
    ).toBe(200);
    const files = storedFiles();
    const rows = await db.prisma.evidence.count();

    const again = await uploadEvidence(request(a.id, "question=PPA2A", bytes, "salinan notulen.pdf"), op);
    expect(again.status).toBe(409);
    expect((await again.json()).error).toBe(
      'Berkas yang sama sudah diunggah di sini sebagai "notulen rapat evaluasi.pdf". Berkas ini tidak disimpan lagi.',
    );
    expect(await db.prisma.evidence.count()).toBe(rows);
    expect(storedFiles()).toEqual(files);

    // The same bytes may support another question.
    expect(
      (await uploadEvidence(request(a.id, "question=PPA2B", bytes, "notulen rapat evaluasi.pdf"), op)).status,
    ).toBe(200);
  });

  test("a user of another unit can neither upload to nor download this unit's evidence, by any forged id", async () => {
    const stranger = await sessionAs(db.prisma, "operator.dindikbud@contoh.go.id");
    const kepalaOther = await sessionAs(db.prisma, "kepala.rsud@contoh.go.id");
    const a = await dinkes();
    const rows = await db.prisma.evidence.count();
    const res = await uploadEvidence(request(a.id, "question=PPA1A", pdf(), "palsu.pdf"), stranger);
    expect(res.status).toBe(403);
    expect(await db.prisma.evidence.count()).toBe(rows);

    const evidence = await db.prisma.evidence.findFirstOrThrow({
      where: { answer: { assessmentId: a.id }, deletedAt: null },
    });
    for (const who of [stranger, kepalaOther]) {
      const r = await downloadEvidence(evidence.id, who);
      expect(r.status).toBe(403);
      expect((await r.json()).error).toBe("Anda tidak berwenang mengunduh berkas ini.");
    }
    // The unit's head, its TPI, the admin and pimpinan may read it.
    for (const email of [
      "kepala.dinkes@contoh.go.id",
      "tpi@contoh.go.id",
      "admin@contoh.go.id",
      "pimpinan@contoh.go.id",
    ]) {
      expect((await downloadEvidence(evidence.id, await sessionAs(db.prisma, email))).status).toBe(200);
    }
    expect((await deleteEvidenceAction.run({ evidenceId: evidence.id }, stranger)).ok).toBe(false);
    expect((await db.prisma.evidence.findUniqueOrThrow({ where: { id: evidence.id } })).deletedAt).toBeNull();
  });

  test("an anonymous request gets no bytes", async () => {
    const evidence = await db.prisma.evidence.findFirstOrThrow({ where: { deletedAt: null } });
    const res = await downloadEvidence(evidence.id, { user: null });
    expect(res.status).toBe(401);
    expect(await res.text()).not.toContain("%PDF");
    const up = await uploadEvidence(request((await dinkes()).id, "question=PPA1A", pdf(), "x.pdf"), {
      user: null,
      ip: null,
    });
    expect(up.status).toBe(401);
  });

  test("deletion is soft and audited; a deleted file is no longer served", async () => {
    const op = await sessionAs(db.prisma, "operator.dinkes@contoh.go.id");
    const a = await dinkes();
    const res = await uploadEvidence(request(a.id, "hasil=IPAK", png(), "laporan survei.png"), op);
    expect(res.status).toBe(200);
    const { evidence } = await res.json();
    const result = await deleteEvidenceAction.run({ evidenceId: evidence.id }, op);
    expect(result.ok).toBe(true);
    const row = await db.prisma.evidence.findUniqueOrThrow({ where: { id: evidence.id } });
    expect(row.deletedAt).not.toBeNull();
    expect(row.deletedById).toBe(op.user.id);
    expect(
      await db.prisma.auditLog.count({
        where: { entity: "Evidence", entityId: evidence.id, action: "evidence.delete" },
      }),
    ).toBe(1);
    expect((await downloadEvidence(evidence.id, op)).status).toBe(404);
  });

  test("evidence of a locked answer cannot be added", async () => {
    const op = await sessionAs(db.prisma, "operator.rsud@contoh.go.id");
    const a = await db.prisma.assessment.findFirstOrThrow({
      where: { unit: { shortName: "RSUD" }, periode: { year } },
    });
    expect(a.status).toBe("FINALIZED");
    const res = await uploadEvidence(request(a.id, "question=PPA1A", pdf(), "terlambat.pdf"), op);
    expect(res.status).toBe(409);
    expect((await res.json()).error).toMatch(/Masa pengisian LKE unit ini sudah ditutup|Jawaban terkunci/);
  });
});

describe("documents of a pencanangan and evidence of a rencana aksi", () => {
  const upload = (query: string, body: Buffer, name: string) =>
    new Request(`http://localhost/api/evidence?${query}`, {
      method: "POST",
      body: new Uint8Array(body),
      headers: {
        origin: "http://localhost",
        "x-file-name": encodeURIComponent(name),
        "content-length": String(body.length),
      },
    });

  test("only ADMIN adds pencanangan documents; units of the event read them, other units do not", async () => {
    const admin = await sessionAs(db.prisma, "admin@contoh.go.id");
    const event = await db.prisma.pencanangan.findFirstOrThrow({
      where: { units: { some: { unit: { shortName: "Dindikbud" } } } },
    });
    const refused = await uploadEvidence(
      upload(`pencanangan=${event.id}`, pdf(), "pakta.pdf"),
      await sessionAs(db.prisma, "operator.dindikbud@contoh.go.id"),
    );
    expect(refused.status).toBe(403);
    const res = await uploadEvidence(upload(`pencanangan=${event.id}`, png(), "foto penandatanganan.png"), admin);
    expect(res.status).toBe(200);
    const { evidence } = await res.json();
    expect((await db.prisma.evidence.findUniqueOrThrow({ where: { id: evidence.id } })).pencananganId).toBe(event.id);
    expect(
      (await downloadEvidence(evidence.id, await sessionAs(db.prisma, "kepala.dindikbud@contoh.go.id"))).status,
    ).toBe(200);
    expect((await downloadEvidence(evidence.id, await sessionAs(db.prisma, "kepala.rsud@contoh.go.id"))).status).toBe(
      403,
    );
  });

  test("a unit adds evidence to its own rencana aksi, not to another unit's", async () => {
    const op = await sessionAs(db.prisma, "operator.dishub@contoh.go.id");
    const own = await db.prisma.rencanaAksi.findFirstOrThrow({
      where: { unit: { shortName: "Dishub" }, periode: { year } },
    });
    const other = await db.prisma.rencanaAksi.findFirstOrThrow({
      where: { unit: { shortName: "RSUD" }, periode: { year } },
    });
    expect((await uploadEvidence(upload(`rencanaAksi=${other.id}`, pdf(), "x.pdf"), op)).status).toBe(403);
    const res = await uploadEvidence(upload(`rencanaAksi=${own.id}`, pdf("Laporan kegiatan"), "laporan.pdf"), op);
    expect(res.status).toBe(200);
    const { evidence } = await res.json();
    expect((await db.prisma.evidence.findUniqueOrThrow({ where: { id: evidence.id } })).rencanaAksiId).toBe(own.id);
    expect((await downloadEvidence(evidence.id, await sessionAs(db.prisma, "operator.rsud@contoh.go.id"))).status).toBe(
      403,
    );
  });
});

describe("a TPI not assigned to the unit", () => {
  test("cannot download its evidence or export its LKE", async () => {
    const { exportScoringInput } = await import("@/server/queries/assessments");
    const tpi2 = await sessionAs(db.prisma, "tpi2@contoh.go.id");
    const a = await dinkes();
    const evidence = await db.prisma.evidence.findFirstOrThrow({
      where: { answer: { assessmentId: a.id }, deletedAt: null },
    });
    expect((await downloadEvidence(evidence.id, tpi2)).status).toBe(403);
    expect((await exportScoringInput(tpi2.user, a.id, "SELF")).outcome).toBe("forbidden");
    // Its own TPI may.
    const tpi = await sessionAs(db.prisma, "tpi@contoh.go.id");
    expect((await downloadEvidence(evidence.id, tpi)).status).toBe(200);
    expect((await exportScoringInput(tpi.user, a.id, "SELF")).outcome).toBe("ok");
  });
});
