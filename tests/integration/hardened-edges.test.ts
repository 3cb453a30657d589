/**
 * Faults found in a review of the running app, each kept fixed here: the upload route's order of
 * checks and Origin, the per-unit quota, how PDFs are served, and real dates on reopen.
 */
import { describe, expect, test } from "vitest";
import { reopenAssessmentAction } from "@/server/actions/lke-chain";
import { downloadEvidence, uploadEvidence } from "@/server/evidence/http";
import { pdf } from "../fixtures/evidence-files";
import { pinToday, sessionAs, useTestDatabase } from "./db";

const db = useTestDatabase();
const year = new Date().getFullYear();
pinToday();

function upload(query: string, body: Buffer, headers: Record<string, string> = { origin: "http://localhost" }) {
  return new Request(`http://localhost/api/evidence?${query}`, {
    method: "POST",
    body: new Uint8Array(body),
    headers: { "x-file-name": "bukti.pdf", "content-length": String(body.length), ...headers },
  });
}

const assessmentOf = (shortName: string) =>
  db.prisma.assessment.findFirstOrThrow({ where: { unit: { shortName }, periode: { year } } });

describe("evidence upload route", () => {
  test("another unit's operator learns nothing of a locked LKE: 403, as for one that does not exist", async () => {
    const stranger = await sessionAs(db.prisma, "operator.dinkes@contoh.go.id");
    const rsud = await assessmentOf("RSUD");
    expect(rsud.status).not.toBe("DRAFT");
    const rows = await db.prisma.evidence.count();
    const locked = await uploadEvidence(upload(`assessmentId=${rsud.id}&question=PPA1A`, pdf()), stranger);
    const missing = await uploadEvidence(upload(`assessmentId=tidak-ada&question=PPA1A`, pdf()), stranger);
    expect(locked.status).toBe(403);
    expect(missing.status).toBe(403);
    const [a, b] = [await locked.json(), await missing.json()];
    expect(a).toEqual(b);
    expect(JSON.stringify(a)).not.toMatch(/terkunci|ditutup|diajukan|final/i);
    // Both attempts are on the record: who tried to upload to which LKE.
    const trail = await db.prisma.auditLog.findMany({
      where: { action: "access.denied", actorId: stranger.user.id, entityId: "evidence.upload" },
      orderBy: { id: "desc" },
      take: 2,
    });
    expect(trail.map((e) => (e.after as { target: { assessmentId: string } }).target.assessmentId).sort()).toEqual(
      [rsud.id, "tidak-ada"].sort(),
    );
    // The unit's own operator is told why.
    const own = await uploadEvidence(
      upload(`assessmentId=${rsud.id}&question=PPA1A`, pdf()),
      await sessionAs(db.prisma, "operator.rsud@contoh.go.id"),
    );
    expect(own.status).toBe(409);
    expect(await db.prisma.evidence.count()).toBe(rows);
  });

  test.each([
    ["a foreign Origin", { origin: "https://evil.example" }],
    ["no Origin", {} as Record<string, string>],
    ["the null Origin of a sandboxed page", { origin: "null" }],
  ])("%s is refused before anything is stored", async (_, headers) => {
    const op = await sessionAs(db.prisma, "operator.dinkes@contoh.go.id");
    const a = await assessmentOf("Dinkes");
    const rows = await db.prisma.evidence.count();
    const res = await uploadEvidence(upload(`assessmentId=${a.id}&question=PPA1B`, pdf(), headers), op);
    expect(res.status).toBe(403);
    expect((await res.json()).error).toBe("Unggahan hanya diterima dari halaman aplikasi ini.");
    expect(await db.prisma.evidence.count()).toBe(rows);
  });

  test("a unit over its storage quota is told so in Indonesian, announced size or not", async () => {
    const op = await sessionAs(db.prisma, "operator.dinkes@contoh.go.id");
    const a = await assessmentOf("Dinkes");
    const used = Number(
      (
        await db.prisma.$queryRaw<{ used: bigint }[]>`
          SELECT COALESCE(SUM(e.size), 0)::bigint AS used FROM "Evidence" e
          LEFT JOIN "Answer" an ON an.id = e."answerId" LEFT JOIN "HasilInput" h ON h.id = e."hasilInputId"
          LEFT JOIN "Assessment" s ON s.id = COALESCE(an."assessmentId", h."assessmentId")
          LEFT JOIN "RencanaAksi" r ON r.id = e."rencanaAksiId"
          WHERE e."deletedAt" IS NULL AND COALESCE(s."unitId", r."unitId") = ${a.unitId}`
      )[0].used,
    );
    const bytes = pdf("Laporan");
    const rows = await db.prisma.evidence.count();
    process.env.EVIDENCE_UNIT_QUOTA_BYTES = String(used + bytes.length - 1);
    try {
      const announced = await uploadEvidence(upload(`assessmentId=${a.id}&question=PPA1B`, bytes), op);
      expect(announced.status).toBe(413);
      expect((await announced.json()).error).toMatch(
        /^Kuota penyimpanan bukti dukung unit ini penuh: terpakai .+ dari .+\. Hapus berkas/,
      );
      // Without Content-Length (a chunked body) the bytes that arrived are counted.
      const chunked = new Request(`http://localhost/api/evidence?assessmentId=${a.id}&question=PPA1B`, {
        method: "POST",
        body: new Blob([new Uint8Array(bytes)]).stream(),
        headers: { origin: "http://localhost", "x-file-name": "bukti.pdf" },
        duplex: "half",
      } as RequestInit);
      const res = await uploadEvidence(chunked, op);
      expect(res.status).toBe(413);
      expect(await db.prisma.evidence.count()).toBe(rows);
      process.env.EVIDENCE_UNIT_QUOTA_BYTES = String(used + bytes.length);
      expect((await uploadEvidence(upload(`assessmentId=${a.id}&question=PPA1B`, bytes), op)).status).toBe(200);
    } finally {
      delete process.env.EVIDENCE_UNIT_QUOTA_BYTES;
    }
  });

  test("a PDF is served as a download, sandboxed", async () => {
    const op = await sessionAs(db.prisma, "operator.dinkes@contoh.go.id");
    const evidence = await db.prisma.evidence.findFirstOrThrow({
      where: {
        mimeType: "application/pdf",
        deletedAt: null,
        answer: { assessment: { unit: { shortName: "Dinkes" } } },
      },
    });
    const res = await downloadEvidence(evidence.id, op);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment;/);
    expect(res.headers.get("content-security-policy")).toMatch(/\bsandbox\b/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });
});

describe("reopen", () => {
  test.each(["2026-13-01", "2026-02-30", "2026-00-10"])(
    "until %s is a field error, not a server error; nothing changes",
    async (until) => {
      const admin = await sessionAs(db.prisma, "admin@contoh.go.id");
      const a = await assessmentOf("Dinkes");
      const result = await reopenAssessmentAction.run(
        { assessmentId: a.id, until, reason: "Perpanjangan karena mutasi operator" },
        admin,
      );
      expect(result).toMatchObject({ ok: false, fieldErrors: { until: "Tanggal tidak sah" } });
      expect((await db.prisma.assessment.findUniqueOrThrow({ where: { id: a.id } })).reopenedUntil).toEqual(
        a.reopenedUntil,
      );
    },
  );
});
