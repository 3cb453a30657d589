/** The evidence ZIP through its real function: entries laid out per area and question, streamed; readers only. */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { getCatalogue } from "@/domain/catalogue/registry";
import { questionNumbers } from "@/domain/evidence-folders";
import { evidenceZip } from "@/server/evidence/zip";
import { sessionAs, useTestDatabase } from "./db";

const db = useTestDatabase();
const year = new Date().getFullYear();

describe("evidence as a ZIP", () => {
  test("every stored file of the unit's answers, under AREA … / 1.i.a <question> /, with the stored bytes", async () => {
    const a = await db.prisma.assessment.findFirstOrThrow({
      where: { unit: { shortName: "PKM Sukamaju" }, periode: { year } },
      include: { periode: true },
    });
    const files = await db.prisma.evidence.findMany({
      where: {
        deletedAt: null,
        OR: [{ answer: { assessmentId: a.id, layer: "SELF" } }, { hasilInput: { assessmentId: a.id, layer: "SELF" } }],
      },
      include: { answer: { include: { question: true } } },
    });
    expect(files.length).toBeGreaterThan(0);
    const tpi = await sessionAs(db.prisma, "tpi@contoh.go.id");
    const res = await evidenceZip(tpi.user, a.id, "127.0.0.1");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/zip");
    // A stream, not a buffered body: the response starts before the archive is complete.
    expect(res.body).toBeInstanceOf(ReadableStream);
    const zip = Buffer.from(await res.arrayBuffer());
    const file = path.join(mkdtempSync(path.join(tmpdir(), "zi-zip-")), "bukti.zip");
    writeFileSync(file, zip);
    execFileSync("unzip", ["-tq", file]);
    const entries = execFileSync("zipinfo", ["-1", file], { encoding: "utf8" }).trim().split("\n");
    expect(entries).toHaveLength(files.length);
    const numbers = questionNumbers(getCatalogue(a.periode.catalogueId));
    for (const f of files.filter((x) => x.answer)) {
      const code = f.answer!.question.code;
      const entry = entries.find(
        (e) => e.split("/")[1]?.startsWith(`${numbers.get(code)} `) && e.endsWith(f.originalName),
      );
      expect(entry, `${code} ${f.originalName}`).toBeDefined();
      expect(entry).toMatch(/^AREA [IVX]+ - [A-Z ]+\/\d\.(R\.)?[ivx]+\.[a-z] .+\/[^/]+$/);
      // The bytes in the archive are the stored file's.
      const bytes = execFileSync("unzip", ["-p", file, entry!]);
      expect(bytes.length).toBe(f.size);
    }
    const audit = await db.prisma.auditLog.findFirstOrThrow({
      where: { action: "evidence.downloadZip", entityId: a.id },
    });
    expect(audit.actorId).toBe(tpi.user.id);
  });

  test("only those who may read the LKE get it", async () => {
    const a = await db.prisma.assessment.findFirstOrThrow({
      where: { unit: { shortName: "PKM Sukamaju" }, periode: { year } },
    });
    const tpi2 = await sessionAs(db.prisma, "tpi2@contoh.go.id");
    const otherOperator = await sessionAs(db.prisma, "operator.dinkes@contoh.go.id");
    const pimpinan = await sessionAs(db.prisma, "pimpinan@contoh.go.id");
    expect((await evidenceZip(tpi2.user, a.id, null)).status).toBe(403);
    expect((await evidenceZip(otherOperator.user, a.id, null)).status).toBe(403);
    const ok = await evidenceZip(pimpinan.user, a.id, null);
    expect(ok.status).toBe(200);
    await ok.body?.cancel();
    expect((await evidenceZip(pimpinan.user, "nope", null)).status).toBe(404);
  });
});
