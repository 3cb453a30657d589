import { unzipSync } from "fflate";
import { describe, expect, test } from "vitest";
import { getCatalogue } from "@/domain/catalogue/registry";
import type { AnswerValue } from "@/domain/scoring/types";
import { importLkeAnswersAction } from "@/server/actions/lke-import";
import { saveSelfAnswerAction } from "@/server/actions/lke-answers";
import type { ImportPreview } from "@/server/lke-xlsx/app";
import { writeLkeXlsx } from "@/server/lke-xlsx/export";
import { exportWorkbookRoute, periodeZipRoute, previewImportRoute } from "@/server/lke-xlsx/http";
import { readLkeXlsx } from "@/server/lke-xlsx/import";
import { answersOf } from "@/server/scoring/inputs";
import { pinToday, sessionAs, useTestDatabase } from "./db";

const db = useTestDatabase();
const year = new Date().getFullYear();
pinToday();

const OPERATOR = "operator.dinkes@contoh.go.id";

async function dinkes() {
  return db.prisma.assessment.findFirstOrThrow({
    where: { unit: { shortName: "Dinkes" }, periode: { year } },
    include: { periode: true },
  });
}

const upload = (assessmentId: string, body: Uint8Array, name = "lke-dinkes.xlsx") =>
  new Request(`http://localhost/api/penilaian/${assessmentId}/impor-xlsx`, {
    method: "POST",
    headers: {
      origin: "http://localhost",
      "x-file-name": encodeURIComponent(name),
      "content-type": "application/octet-stream",
    },
    body: Buffer.from(body),
  });

async function writes() {
  const [audit, answers, versions] = await Promise.all([
    db.prisma.auditLog.count({ where: { action: { not: "access.denied" } } }),
    db.prisma.answer.count(),
    db.prisma.answer.aggregate({ _sum: { version: true } }),
  ]);
  return { audit, answers, versions: versions._sum.version };
}

/** The unit's current workbook with some answers changed (as a unit would edit it in Excel). */
async function editedWorkbook(assessmentId: string, change: (answers: Record<string, AnswerValue>) => void) {
  const op = await sessionAs(db.prisma, OPERATOR);
  const res = await exportWorkbookRoute(assessmentId, new URLSearchParams("lapisan=SELF"), op);
  const read = await readLkeXlsx(new Uint8Array(await res.arrayBuffer()));
  const answers = { ...read.answers };
  change(answers);
  const catatan = Object.fromEntries(
    read.questions.map((q) => [q.questionId, q.catatan || "Diisi dari berkas Excel unit"]),
  );
  return writeLkeXlsx({ catalogue: getCatalogue(read.catalogueId), self: { answers, catatan, hasil: read.hasil } });
}

describe("export", () => {
  test("the unit's workbook reads back as its stored answers; each layer and both; others' LKEs are refused", async () => {
    const a = await dinkes();
    const op = await sessionAs(db.prisma, OPERATOR);
    const started = performance.now();
    const res = await exportWorkbookRoute(a.id, new URLSearchParams("lapisan=BOTH"), op);
    const exportMs = performance.now() - started;
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("spreadsheetml");
    expect(res.headers.get("content-disposition")).toMatch(/lke-\d{4}-dinkes-unit-tpi\.xlsx/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    const t1 = performance.now();
    const back = await readLkeXlsx(bytes);
    const importMs = performance.now() - t1;
    const rows = await db.prisma.answer.findMany({
      where: { assessmentId: a.id },
      include: { question: { select: { code: true } } },
    });
    expect(back.answers).toEqual(answersOf(rows, "SELF"));
    console.log(
      `[ukur] ekspor satu LKE ${exportMs.toFixed(0)} ms, impor (baca) ${importMs.toFixed(0)} ms, ${bytes.byteLength} byte`,
    );

    const tpi = await exportWorkbookRoute(a.id, new URLSearchParams("lapisan=TPI"), op);
    expect(tpi.status).toBe(200);
    const other = await sessionAs(db.prisma, "operator.bapenda@contoh.go.id").catch(() => null);
    if (other) expect((await exportWorkbookRoute(a.id, new URLSearchParams(), other)).status).toBe(403);
    expect((await exportWorkbookRoute("tidak-ada", new URLSearchParams(), op)).status).toBe(404);
    expect((await exportWorkbookRoute(a.id, new URLSearchParams(), { user: null, ip: null })).status).toBe(401);
  });

  test("the overview's ZIP holds one workbook per unit for ADMIN; an operator is refused", async () => {
    const a = await dinkes();
    const admin = await sessionAs(db.prisma, "admin@contoh.go.id");
    const started = performance.now();
    const res = await periodeZipRoute(new URLSearchParams(`periode=${a.periodeId}&lapisan=BOTH`), admin);
    const ms = performance.now() - started;
    expect(res.status).toBe(200);
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const units = await db.prisma.assessment.count({ where: { periodeId: a.periodeId } });
    expect(Object.keys(files)).toHaveLength(units);
    expect(Object.keys(files).every((n) => n.endsWith(".xlsx"))).toBe(true);
    console.log(`[ukur] ZIP ${units} unit (kedua lapisan) ${ms.toFixed(0)} ms`);
    const op = await sessionAs(db.prisma, OPERATOR);
    expect((await periodeZipRoute(new URLSearchParams(`periode=${a.periodeId}`), op)).status).toBe(403);
  }, 120_000);
});

describe("import into the unit's SELF layer", () => {
  test("preview shows current and incoming answers and writes nothing; apply writes each change with one audit entry", async () => {
    const a = await dinkes();
    const catalogue = getCatalogue(a.periode.catalogueId);
    const [q1, q2] = catalogue.questions.filter((q) => q.answerType === "YA_TIDAK" || q.answerType === "ABC");
    const bytes = await editedWorkbook(a.id, (answers) => {
      answers[q1.id] = q1.options[1].label;
      answers[q2.id] = q2.options[2 % q2.options.length].label;
    });
    const op = await sessionAs(db.prisma, OPERATOR);
    const before = await writes();
    const res = await previewImportRoute(upload(a.id, bytes), a.id, op);
    expect(res.status).toBe(200);
    const preview = (await res.json()) as ImportPreview;
    expect(await writes()).toEqual(before);
    const changed = preview.rows.filter((r) => r.change === "baru" || r.change === "ubah");
    expect(changed.map((r) => r.code)).toEqual(
      expect.arrayContaining([q1.id, q2.id].filter((id) => preview.rows.find((r) => r.code === id)!.change !== "sama")),
    );
    const row1 = preview.rows.find((r) => r.code === q1.id)!;
    expect(row1.incoming?.text).toBe(q1.options[1].label);

    const changes = changed.map((r) => ({
      questionCode: r.code,
      value: r.value!,
      catatan: r.catatan,
      version: r.version,
    }));
    const applied = await importLkeAnswersAction.run(
      { assessmentId: a.id, fileName: preview.fileName, changes, hasil: null },
      op,
    );
    expect(applied).toMatchObject({ ok: true });
    const stored = await db.prisma.answer.findFirstOrThrow({
      where: { assessmentId: a.id, layer: "SELF", question: { code: q1.id } },
    });
    expect(stored.optionLabel).toBe(q1.options[1].label);
    expect(await db.prisma.auditLog.count({ where: { action: "answer.import" } })).toBe(changes.length);
    const entry = await db.prisma.auditLog.findFirstOrThrow({
      where: { action: "answer.import", entityId: stored.id },
    });
    expect(JSON.stringify(entry.after)).toContain("impor lke-dinkes.xlsx");

    // Applying the same preview again: its versions are stale, nothing is written.
    const again = await writes();
    const stale = await importLkeAnswersAction.run(
      { assessmentId: a.id, fileName: preview.fileName, changes, hasil: null },
      op,
    );
    expect(stale).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await writes()).toEqual(again);
  }, 60_000);

  test("evidence text and links of the workbook are kept with the answer, audited, and survive export → import", async () => {
    const a = await dinkes();
    const catalogue = getCatalogue(a.periode.catalogueId);
    const op = await sessionAs(db.prisma, OPERATOR);
    const first = await exportWorkbookRoute(a.id, new URLSearchParams("lapisan=SELF"), op);
    const read = await readLkeXlsx(new Uint8Array(await first.arrayBuffer()));
    const [q1, q2] = catalogue.questions.filter((q) => q.answerType === "ABC" && q.id in read.answers).slice(-2);
    const answers = { ...read.answers, [q1.id]: read.answers[q1.id] === "A" ? "B" : "A" };
    const catatan = Object.fromEntries(
      read.questions.map((q) => [q.questionId, q.catatan || "Diisi dari berkas Excel unit"]),
    );
    catatan[q2.id] = "Catatan unit\nbaris kedua";
    const note = {
      [q1.id]: {
        text: "1. SK Kepala Dinas tentang Tim ZI\n2. Notulen rapat",
        links: ["https://drive.example.go.id/folder/sk-tim", "https://drive.example.go.id/folder/notulen"],
      },
      [q2.id]: { text: "Laporan monev triwulan", links: ["https://drive.example.go.id/monev"] },
    };
    const bytes = await writeLkeXlsx({
      catalogue,
      self: { answers, catatan, hasil: read.hasil, evidenceNote: note },
    });
    const preview = (await (await previewImportRoute(upload(a.id, bytes), a.id, op)).json()) as ImportPreview;
    const row2 = preview.rows.find((r) => r.code === q2.id)!;
    // Only the catatan and the evidence are new for q2: still a change to apply.
    expect(row2.change).toBe(row2.current ? "ubah" : "baru");
    expect(row2.evidenceLinks).toEqual(note[q2.id].links);
    const changes = preview.rows
      .filter((r) => r.change === "baru" || r.change === "ubah")
      .map((r) => ({
        questionCode: r.code,
        value: r.value!,
        catatan: r.catatan,
        version: r.version,
        evidenceText: r.evidenceText,
        evidenceLinks: r.evidenceLinks,
      }));
    const applied = await importLkeAnswersAction.run(
      { assessmentId: a.id, fileName: "lke-bukti.xlsx", changes, hasil: null },
      op,
    );
    expect(applied).toMatchObject({ ok: true });
    for (const q of [q1, q2]) {
      const stored = await db.prisma.answer.findFirstOrThrow({
        where: { assessmentId: a.id, layer: "SELF", question: { code: q.id } },
      });
      expect({ text: stored.evidenceNote, links: stored.evidenceLinks }).toEqual(note[q.id]);
      const entry = await db.prisma.auditLog.findFirstOrThrow({
        where: { action: "answer.import", entityId: stored.id },
        orderBy: { createdAt: "desc" },
      });
      expect(entry.after).toMatchObject({ buktiDukung: { teks: note[q.id].text, tautan: note[q.id].links } });
    }

    // A link that is not http(s) is refused by the action; nothing is written.
    const before = await writes();
    const bad = await importLkeAnswersAction.run(
      {
        assessmentId: a.id,
        fileName: "x.xlsx",
        changes: [{ ...changes[0], version: changes[0].version + 1, evidenceLinks: ["javascript:alert(1)"] }],
        hasil: null,
      },
      op,
    );
    expect(bad.ok).toBe(false);
    expect(await writes()).toEqual(before);

    // Export → import: the same answers, catatan, evidence text and links; the preview sees nothing to change.
    const again = await exportWorkbookRoute(a.id, new URLSearchParams("lapisan=SELF"), op);
    const againBytes = new Uint8Array(await again.arrayBuffer());
    const back = await readLkeXlsx(againBytes);
    for (const q of [q1, q2]) {
      const got = back.questions.find((x) => x.questionId === q.id)!;
      expect(got.value).toBe(answers[q.id]);
      expect(got.catatan).toBe(catatan[q.id]);
      expect({ text: got.evidenceText, links: got.evidenceLinks }).toEqual(note[q.id]);
    }
    const repeat = (await (await previewImportRoute(upload(a.id, againBytes), a.id, op)).json()) as ImportPreview;
    expect(repeat.rows.find((r) => r.code === q1.id)!.change).toBe("sama");
    expect(repeat.rows.find((r) => r.code === q2.id)!.change).toBe("sama");
  }, 60_000);

  test("an answer changed by someone else between preview and apply rolls the whole import back", async () => {
    const a = await dinkes();
    const catalogue = getCatalogue(a.periode.catalogueId);
    const options = catalogue.questions.filter((q) => q.answerType === "ABCD");
    const bytes = await editedWorkbook(a.id, (answers) => {
      for (const q of options.slice(0, 3)) answers[q.id] = answers[q.id] === "D" ? "C" : "D";
    });
    const op = await sessionAs(db.prisma, OPERATOR);
    const preview = (await (await previewImportRoute(upload(a.id, bytes), a.id, op)).json()) as ImportPreview;
    const changes = preview.rows
      .filter((r) => r.change === "ubah" || r.change === "baru")
      .map((r) => ({ questionCode: r.code, value: r.value!, catatan: r.catatan, version: r.version }));
    expect(changes.length).toBeGreaterThanOrEqual(2);
    // The last of the changed ABCD answers is saved by a colleague first; the import's earlier changes must not stay.
    const last = changes.filter((c) => options.some((q) => q.id === c.questionCode)).at(-1)!;
    const saved = await saveSelfAnswerAction.run(
      {
        assessmentId: a.id,
        questionCode: last.questionCode,
        value: "A",
        catatan: "Diubah rekan kerja di aplikasi",
        version: last.version,
      },
      op,
    );
    expect(saved).toMatchObject({ ok: true });
    const before = await writes();
    const result = await importLkeAnswersAction.run(
      { assessmentId: a.id, fileName: "x.xlsx", changes, hasil: null },
      op,
    );
    expect(result).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await writes()).toEqual(before);
  }, 60_000);

  test("a malformed .xlsx, a renamed .exe and an oversize file each get one clear message and nothing is written", async () => {
    const a = await dinkes();
    const op = await sessionAs(db.prisma, OPERATOR);
    const before = await writes();
    const broken = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode("bukan isi zip yang utuh")]);
    const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]);
    const huge = new Uint8Array(5 * 1024 * 1024 + 10);
    const cases: [Uint8Array, number, RegExp][] = [
      [broken, 422, /bukan workbook Excel/],
      [exe, 422, /bukan workbook Excel/],
      [huge, 413, /terlalu besar/],
    ];
    for (const [body, status, message] of cases) {
      const res = await previewImportRoute(upload(a.id, body, "lke.xlsx"), a.id, op);
      expect(res.status).toBe(status);
      const json = (await res.json()) as { error: string };
      expect(json.error).toMatch(message);
      expect(json.error.split("\n")).toHaveLength(1);
    }
    expect(await writes()).toEqual(before);
  });

  test("ADMIN imports on the unit's behalf (audited as such); KEPALA_OPD and another unit's operator are refused", async () => {
    const a = await dinkes();
    const catalogue = getCatalogue(a.periode.catalogueId);
    const q = catalogue.questions.find((x) => x.answerType === "ABCDE")!;
    const bytes = await editedWorkbook(a.id, (answers) => {
      answers[q.id] = answers[q.id] === "E" ? "D" : "E";
    });
    const admin = await sessionAs(db.prisma, "admin@contoh.go.id");
    const res = await previewImportRoute(upload(a.id, bytes), a.id, admin);
    expect(res.status).toBe(200);
    const preview = (await res.json()) as ImportPreview;
    expect(preview.onBehalf).toBe(true);
    const row = preview.rows.find((r) => r.code === q.id)!;
    expect(row.change).toBe(row.current ? "ubah" : "baru");
    const result = await importLkeAnswersAction.run(
      {
        assessmentId: a.id,
        fileName: "lke.xlsx",
        changes: [{ questionCode: q.id, value: row.value!, catatan: row.catatan, version: row.version }],
        hasil: null,
      },
      admin,
    );
    expect(result.ok).toBe(true);
    const entry = await db.prisma.auditLog.findFirstOrThrow({
      where: { action: "answer.import", actorId: admin.user.id },
      orderBy: { createdAt: "desc" },
    });
    expect(JSON.stringify(entry.after)).toContain("atasNama");

    const kepala = await sessionAs(db.prisma, "kepala.dinkes@contoh.go.id");
    expect((await previewImportRoute(upload(a.id, bytes), a.id, kepala)).status).toBe(403);
    expect(
      (await importLkeAnswersAction.run({ assessmentId: a.id, fileName: "x.xlsx", changes: [], hasil: null }, kepala))
        .ok,
    ).toBe(false);
    const otherOperator = await db.prisma.user.findFirst({
      where: { email: { startsWith: "operator." }, NOT: { email: OPERATOR } },
    });
    if (otherOperator) {
      const other = await sessionAs(db.prisma, otherOperator.email);
      expect((await previewImportRoute(upload(a.id, bytes), a.id, other)).status).toBe(403);
    }
  }, 60_000);
});
