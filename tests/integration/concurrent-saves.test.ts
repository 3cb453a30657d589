import { describe, expect, test } from "vitest";
import { getCatalogue } from "@/domain/catalogue/registry";
import { saveSelfAnswerAction } from "@/server/actions/lke-answers";
import { mulberry32 } from "@/lib/prng";
import { pinToday, sessionAs, useTestDatabase } from "./db";
import { engineScores } from "./engine-scores";

// Saves into one LKE no longer wait for each other's whole transaction: only the short score
// refresh is serialised. Every save must still land, and the stored totals must be the engine's.
const db = useTestDatabase();
const year = new Date().getFullYear();
pinToday();

describe("concurrent answer saves into one LKE", () => {
  test("all land, and the stored scores equal the engine's after random concurrent saves", async () => {
    const a = await db.prisma.assessment.findFirstOrThrow({
      where: { unit: { shortName: "Dinkes" }, periode: { year } },
      include: { periode: true },
    });
    expect(a.status).toBe("DRAFT");
    const op = await sessionAs(db.prisma, "operator.dinkes@contoh.go.id");
    const catalogue = getCatalogue(a.periode.catalogueId);
    const rows = await db.prisma.answer.findMany({
      where: { assessmentId: a.id, layer: "SELF" },
      select: { version: true, question: { select: { code: true } } },
    });
    const versions = new Map(rows.map((r) => [r.question.code, r.version]));
    const rand = mulberry32(20261202);
    // Option questions only (a percentage question needs its counts); answered and new ones mixed.
    const options = catalogue.questions.filter((q) => q.options.length > 0 && q.answerType !== "PERSENTASE");
    const questions = [
      ...options.filter((q) => versions.has(q.id)).slice(0, 20),
      ...options.filter((q) => !versions.has(q.id)).slice(0, 20),
    ];
    expect(questions.filter((q) => versions.has(q.id)).length).toBeGreaterThan(5);
    expect(questions.filter((q) => !versions.has(q.id)).length).toBeGreaterThan(5);

    for (let round = 0; round < 2; round++) {
      const wanted = new Map(questions.map((q) => [q.id, q.options[Math.floor(rand() * q.options.length)].label]));
      const results = await Promise.all(
        questions.map((q) =>
          saveSelfAnswerAction.run(
            {
              assessmentId: a.id,
              questionCode: q.id,
              value: wanted.get(q.id),
              catatan: `Putaran ${round + 1}: sesuai dokumen`,
              version: versions.get(q.id) ?? 0,
            },
            op,
          ),
        ),
      );
      expect(results.filter((r) => !r.ok)).toEqual([]);
      results.forEach((r, i) => r.ok && versions.set(questions[i].id, r.data.version));
      const saved = await db.prisma.answer.findMany({
        where: { assessmentId: a.id, layer: "SELF", question: { code: { in: questions.map((q) => q.id) } } },
        select: { optionLabel: true, question: { select: { code: true } } },
      });
      expect(Object.fromEntries(saved.map((s) => [s.question.code, s.optionLabel]))).toEqual(
        Object.fromEntries(wanted),
      );

      const stored = await db.prisma.assessmentScore.findMany({ where: { assessmentId: a.id } });
      const engine = await engineScores(db.prisma, a.id);
      for (const s of stored) {
        expect({ total: s.total, pengungkit: s.pengungkit, answeredCount: s.answeredCount }).toEqual(engine[s.layer]);
      }
      expect(stored).toHaveLength(2);
    }
  });

  test("two first saves of the same question: one lands, the other gets a conflict with its value", async () => {
    const a = await db.prisma.assessment.findFirstOrThrow({
      where: { unit: { shortName: "Dinkes" }, periode: { year } },
      include: { periode: true },
    });
    const op = await sessionAs(db.prisma, "operator.dinkes@contoh.go.id");
    const answered = new Set(
      (
        await db.prisma.answer.findMany({
          where: { assessmentId: a.id, layer: "SELF" },
          select: { question: { select: { code: true } } },
        })
      ).map((r) => r.question.code),
    );
    const q = getCatalogue(a.periode.catalogueId).questions.find(
      (x) => x.answerType === "YA_TIDAK" && !answered.has(x.id),
    )!;
    const [x, y] = await Promise.all(
      ["Ya", "Tidak"].map((value) =>
        saveSelfAnswerAction.run(
          { assessmentId: a.id, questionCode: q.id, value, catatan: "Sesuai SK terlampir", version: 0 },
          op,
        ),
      ),
    );
    expect([x.ok, y.ok].filter(Boolean)).toHaveLength(1);
    const loser = x.ok ? y : x;
    const winner = x.ok ? "Ya" : "Tidak";
    expect(loser).toMatchObject({ ok: false, code: "CONFLICT", conflict: { value: winner } });
    expect(
      await db.prisma.answer.count({ where: { assessmentId: a.id, layer: "SELF", question: { code: q.id } } }),
    ).toBe(1);
  });
});
