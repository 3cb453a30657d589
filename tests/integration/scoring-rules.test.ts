import { describe, expect, test } from "vitest";
import { getCatalogue } from "@/domain/catalogue/registry";
import { scoreAssessment } from "@/domain/scoring/score";
import { saveSelfAnswerAction } from "@/server/actions/lke-answers";
import { updateZeroBaseAction } from "@/server/actions/periodes";
import { DATA_MIGRATIONS, runDataMigrations } from "@/server/db/data-migrations";
import { answersOf, hasilValue, previousPredicate } from "@/server/scoring/inputs";
import { pinToday, sessionAs, useTestDatabase } from "./db";

const db = useTestDatabase();
const year = new Date().getFullYear();
pinToday();

const RESCORE = DATA_MIGRATIONS[0].name;

async function dinkes() {
  return db.prisma.assessment.findFirstOrThrow({
    where: { unit: { shortName: "Dinkes" }, periode: { year } },
    include: { periode: true },
  });
}

async function selfRow(assessmentId: string, code: string) {
  return db.prisma.answer.findFirst({ where: { assessmentId, layer: "SELF", question: { code } } });
}

async function writes() {
  return {
    audit: await db.prisma.auditLog.count({ where: { action: { not: "access.denied" } } }),
    answers: await db.prisma.answer.count(),
    versions: (await db.prisma.answer.aggregate({ _sum: { version: true } }))._sum.version,
  };
}

/** What the engine says now for the stored answers of one layer, under the periode's rule. */
async function engineTotal(assessmentId: string, layer: "SELF" | "TPI") {
  const a = await db.prisma.assessment.findUniqueOrThrow({
    where: { id: assessmentId },
    include: { periode: true, answers: { include: { question: { select: { code: true } } } }, hasil: true },
  });
  return scoreAssessment({
    catalogue: getCatalogue(a.periode.catalogueId),
    answers: answersOf(a.answers, layer),
    hasil: hasilValue(a.hasil.find((h) => h.layer === layer)),
    previousPredicate: await previousPredicate(db.prisma, a.unitId, a.periode.year),
    zeroBase: a.periode.zeroBase,
  }).total;
}

describe("unlikely counts through the real save action", () => {
  const over = { pengaduanHarusDitindaklanjuti: 10, pengaduanDiproses: 0, pengaduanSelesai: 15 };

  test("15 complaints done out of 10 due needs a catatan that explains it; nothing is written until then", async () => {
    const op = await sessionAs(db.prisma, "operator.dinkes@contoh.go.id");
    const a = await dinkes();
    const version = (await selfRow(a.id, "PRE2A"))?.version ?? 0;
    const before = await writes();
    const refused = await saveSelfAnswerAction.run(
      { assessmentId: a.id, questionCode: "PRE2A", value: over, catatan: "Data 2026", version },
      op,
    );
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.fieldErrors?.catatan).toBe(
        "Pengaduan yang selesai ditindaklanjuti lebih banyak daripada pengaduan yang harus ditindaklanjuti (15 dari 10): jelaskan di catatan (minimal 20 karakter)",
      );
    }
    expect(await writes()).toEqual(before);

    const saved = await saveSelfAnswerAction.run(
      {
        assessmentId: a.id,
        questionCode: "PRE2A",
        value: over,
        catatan: "5 pengaduan sisa tahun lalu ikut selesai tahun ini",
        version,
      },
      op,
    );
    expect(saved.ok).toBe(true);
    const row = await selfRow(a.id, "PRE2A");
    expect(row?.counts).toEqual(over);
    // Still capped at 100 %: the stored total is the engine's.
    const stored = await db.prisma.assessmentScore.findUniqueOrThrow({
      where: { assessmentId_layer: { assessmentId: a.id, layer: "SELF" } },
    });
    expect(stored.total).toBe(await engineTotal(a.id, "SELF"));
  });

  test.each([
    [
      { pengaduanHarusDitindaklanjuti: -3, pengaduanDiproses: 0, pengaduanSelesai: 0 },
      "Jumlah tidak boleh negatif: -3",
    ],
    [
      { pengaduanHarusDitindaklanjuti: 2.5, pengaduanDiproses: 0, pengaduanSelesai: 0 },
      "Jumlah harus bilangan bulat: 2.5",
    ],
  ])("counts %j are refused with %s and nothing is written", async (value, message) => {
    const op = await sessionAs(db.prisma, "operator.dinkes@contoh.go.id");
    const a = await dinkes();
    const version = (await selfRow(a.id, "PRE2A"))?.version ?? 0;
    const before = await writes();
    const result = await saveSelfAnswerAction.run(
      { assessmentId: a.id, questionCode: "PRE2A", value, catatan: "Catatan yang cukup panjang untuk lolos", version },
      op,
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.fieldErrors?.value).toBe(message);
    expect(await writes()).toEqual(before);
  });
});

describe("the periode's zero-base rule", () => {
  test("only an ADMIN sets it; the change is audited and every LKE of the periode is rescored", async () => {
    const a = await dinkes();
    const op = await sessionAs(db.prisma, "operator.dinkes@contoh.go.id");
    const admin = await sessionAs(db.prisma, "admin@contoh.go.id");
    const version = (await selfRow(a.id, "PRE2A"))?.version ?? 0;
    const none = { pengaduanHarusDitindaklanjuti: 0, pengaduanDiproses: 0, pengaduanSelesai: 0 };
    expect(
      (
        await saveSelfAnswerAction.run(
          { assessmentId: a.id, questionCode: "PRE2A", value: none, catatan: "Tidak ada pengaduan tahun ini", version },
          op,
        )
      ).ok,
    ).toBe(true);
    const zero = (
      await db.prisma.assessmentScore.findUniqueOrThrow({
        where: { assessmentId_layer: { assessmentId: a.id, layer: "SELF" } },
      })
    ).total;

    const forbidden = await updateZeroBaseAction.run({ id: a.periodeId, zeroBase: "ONE" }, op);
    expect(forbidden.ok).toBe(false);
    expect((await db.prisma.periode.findUniqueOrThrow({ where: { id: a.periodeId } })).zeroBase).toBe("ZERO");

    const bad = await updateZeroBaseAction.run({ id: a.periodeId, zeroBase: "HALF" as never }, admin);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.fieldErrors?.zeroBase).toBe("Pilih aturan untuk jumlah dasar 0");

    const done = await updateZeroBaseAction.run({ id: a.periodeId, zeroBase: "ONE" }, admin);
    expect(done.ok).toBe(true);
    const one = (
      await db.prisma.assessmentScore.findUniqueOrThrow({
        where: { assessmentId_layer: { assessmentId: a.id, layer: "SELF" } },
      })
    ).total;
    expect(one - zero).toBeCloseTo(3, 9); // PRE2 weighs 3
    expect(one).toBe(await engineTotal(a.id, "SELF"));
    const entry = await db.prisma.auditLog.findFirstOrThrow({
      where: { entity: "Periode", entityId: a.periodeId, action: "periode.zeroBase" },
      orderBy: { id: "desc" },
    });
    expect(entry.before).toMatchObject({ zeroBase: "ZERO" });
    expect(entry.after).toMatchObject({ zeroBase: "ONE" });
    // Every other LKE of the periode agrees with the engine under the new rule too.
    for (const other of await db.prisma.assessment.findMany({
      where: { periodeId: a.periodeId },
      select: { id: true },
    })) {
      const stored = await db.prisma.assessmentScore.findUniqueOrThrow({
        where: { assessmentId_layer: { assessmentId: other.id, layer: "TPI" } },
      });
      expect(stored.total).toBe(await engineTotal(other.id, "TPI"));
    }
  });
});

describe("the data step that rescored stored scores with the official A–D values", () => {
  test("recomputes every assessment once, with an audit entry that says why", async () => {
    const a = await dinkes();
    // As a database from before the change would be: the step not recorded, a stored total out of date.
    await db.prisma.$executeRawUnsafe(`DELETE FROM "_prisma_migrations" WHERE migration_name = $1`, RESCORE);
    await db.prisma.assessmentScore.update({
      where: { assessmentId_layer: { assessmentId: a.id, layer: "SELF" } },
      data: { total: 12.34 },
    });
    const count = await db.prisma.assessment.count();

    expect(await runDataMigrations(db.prisma)).toEqual([RESCORE]);
    const stored = await db.prisma.assessmentScore.findUniqueOrThrow({
      where: { assessmentId_layer: { assessmentId: a.id, layer: "SELF" } },
    });
    expect(stored.total).toBe(await engineTotal(a.id, "SELF"));
    const entries = await db.prisma.auditLog.findMany({ where: { action: "score.recompute" } });
    expect(entries).toHaveLength(count);
    const mine = entries.find((e) => e.entityId === a.id)!;
    expect(mine.instansiId).not.toBeNull();
    expect(mine.before).toMatchObject({ scores: { SELF: { total: 12.34 } } });
    expect(mine.after).toMatchObject({
      scores: { SELF: { total: stored.total } },
      reason: expect.stringContaining("0,67 / 0,33"),
    });

    // Recorded: a second run (a restart, a second app process) does nothing.
    expect(await runDataMigrations(db.prisma)).toEqual([]);
    expect(await db.prisma.auditLog.count({ where: { action: "score.recompute" } })).toBe(count);
  });
});
