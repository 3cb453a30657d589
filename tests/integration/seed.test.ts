import { ROLES } from "@/domain/roles";
import { describe, expect, test } from "vitest";
import { seed } from "../../prisma/seed";
import { useTestDatabase } from "./db";

const db = useTestDatabase();

describe("demo seed", () => {
  test("has the demo instansi, 14 units and a user for every role", async () => {
    expect(await db.prisma.instansi.count({ where: { name: "Pemerintah Kabupaten Contoh" } })).toBe(1);
    expect(await db.prisma.unit.count()).toBe(14);
    const roles = await db.prisma.roleAssignment.groupBy({ by: ["role"], _count: true });
    expect(roles.map((r) => r.role).sort()).toEqual([...ROLES].sort());
  });

  test("last year is closed with both layers complete and penetapan results", async () => {
    const closed = await db.prisma.periode.findFirstOrThrow({ where: { status: "DITUTUP" } });
    const scores = await db.prisma.assessmentScore.findMany({ where: { assessment: { periodeId: closed.id } } });
    expect(scores.length).toBeGreaterThan(10);
    expect(scores.every((s) => s.answeredCount === s.questionCount && s.questionCount === 110)).toBe(true);
    const results = await db.prisma.penetapan.groupBy({ by: ["result"], where: { year: closed.year }, _count: true });
    const byResult = Object.fromEntries(results.map((r) => [r.result, r._count]));
    expect(byResult.WBBM).toBe(1);
    expect(byResult.WBK).toBeGreaterThanOrEqual(2);
    expect(byResult.TIDAK).toBeGreaterThanOrEqual(2);
  });

  test("this year is in progress: partial answers, evidence, one unit returned with reasons", async () => {
    const running = await db.prisma.periode.findFirstOrThrow({ where: { status: "BERJALAN" } });
    const statuses = await db.prisma.assessment.groupBy({
      by: ["status"],
      where: { periodeId: running.id },
      _count: true,
    });
    expect(statuses.find((s) => s.status === "RETURNED")?._count).toBe(1);
    expect(statuses.find((s) => s.status === "DRAFT")?._count).toBeGreaterThan(2);
    expect(
      await db.prisma.answer.count({
        where: { assessment: { periodeId: running.id }, reviewStatus: "RETURNED", returnReason: { not: null } },
      }),
    ).toBe(3);
    expect(await db.prisma.evidence.count()).toBeGreaterThan(50);
    // Plausible answers: every option label is used, not all "A".
    const labels = await db.prisma.answer.groupBy({
      by: ["optionLabel"],
      where: { layer: "SELF", optionLabel: { not: null } },
      _count: true,
    });
    expect(labels.map((l) => l.optionLabel).sort()).toEqual(["A", "B", "C", "D", "E", "Tidak", "Ya"]);
  });

  test("running it again changes nothing", async () => {
    const tables = async () => [
      await db.prisma.unit.count(),
      await db.prisma.user.count(),
      await db.prisma.answer.count(),
      await db.prisma.lkeQuestion.count(),
      await db.prisma.periode.count(),
    ];
    const before = await tables();
    await seed(db.prisma);
    expect(await tables()).toEqual(before);
  });
});
