import { describe, expect, test } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { getCatalogue } from "@/domain/catalogue/registry";
import { daysBetween, scoreLayerFor } from "@/domain/readiness";
import { gapAnalysis } from "@/domain/scoring/gap";
import { scoreAssessment } from "@/domain/scoring/score";
import { ForbiddenError } from "@/server/errors";
import { getReviewQueue, getUnitDesk } from "@/server/queries/home";
import { getOverview } from "@/server/queries/overview";
import { getScorecard } from "@/server/queries/scorecard";
import { getTimeline } from "@/server/queries/timeline";
import { answersOf, hasilValue, previousPredicate } from "@/server/scoring/inputs";
import { recomputeAssessmentScores } from "@/server/scoring/recompute";
import { loadAssessment } from "@/server/lke/context";
import { loadPolicyFacts } from "@/server/lke/policy";
import { sessionAs, useTestDatabase } from "./db";

const db = useTestDatabase();

async function current() {
  const periode = await db.prisma.periode.findFirstOrThrow({ where: { status: "BERJALAN" } });
  return { periode, today: `${periode.year}-10-15` };
}

async function unitId(shortName: string) {
  return (await db.prisma.unit.findFirstOrThrow({ where: { shortName } })).id;
}

/**
 * Runs fn with the app's client counting Prisma operations and, on the embedded database, the SQL
 * statements that reach it.
 */
async function countQueries<T>(
  fn: () => Promise<T>,
): Promise<{ result: T; operations: number; statements: number | null }> {
  const base = db.prisma;
  let operations = 0;
  let statements = 0;
  globalThis.__ziPrisma = base.$extends({
    query: {
      async $allOperations({ args, query }) {
        operations++;
        return query(args);
      },
    },
  }) as unknown as PrismaClient;
  const pglite = globalThis.__ziPglite;
  const original = pglite?.query;
  if (pglite && original) {
    pglite.query = ((...a: Parameters<typeof original>) => {
      statements++;
      return original.apply(pglite, a);
    }) as typeof original;
  }
  try {
    const result = await fn();
    return { result, operations, statements: pglite ? statements : null };
  } finally {
    globalThis.__ziPrisma = base;
    if (pglite && original) pglite.query = original;
  }
}

describe("overview", () => {
  test("lists every active unit of the instansi with the stored score of the layer that speaks for it", async () => {
    const admin = await sessionAs(db.prisma, "admin@contoh.go.id");
    const { periode, today } = await current();
    const overview = (await getOverview(admin.user, periode.id, today))!;

    const units = await db.prisma.unit.findMany({
      where: { instansiId: admin.user.instansiId, active: true },
      select: { id: true },
    });
    expect(overview.rows.map((r) => r.unitId).sort()).toEqual(units.map((u) => u.id).sort());
    expect(overview.rows).toHaveLength(14);

    let checked = 0;
    for (const row of overview.rows) {
      const assessment = await db.prisma.assessment.findUnique({
        where: { unitId_periodeId: { unitId: row.unitId, periodeId: periode.id } },
      });
      if (!assessment) {
        expect(row.assessment).toBeNull();
        continue;
      }
      const layer = scoreLayerFor(assessment.status);
      const stored = await db.prisma.assessmentScore.findUniqueOrThrow({
        where: { assessmentId_layer: { assessmentId: assessment.id, layer } },
      });
      expect(row.assessment).toMatchObject({
        id: assessment.id,
        status: assessment.status,
        layer,
        total: stored.total,
        pengungkit: stored.pengungkit,
        hasil: stored.hasil,
        wbkEligible: stored.wbkEligible,
        wbbmEligible: stored.wbbmEligible,
        evidenceCount: stored.evidenceCount,
        questionCount: stored.questionCount,
        evidencePct: (stored.evidenceCount / stored.questionCount) * 100,
        lastActivityAt: assessment.lastActivityAt,
      });
      checked++;
    }
    expect(checked).toBe(11);

    const by = (s: string) => overview.rows.find((r) => r.shortName === s)!;
    expect(by("RSUD").assessment!.layer).toBe("TPI");
    expect(by("PKM Sukamaju").assessment!.layer).toBe("TPI");
    expect(by("Disdukcapil").assessment!.layer).toBe("SELF");
    expect(by("Inspektorat").assessment).toBeNull();

    // On 15 October the LKEs still with the unit were reopened until 31 December (the demo's seed), so
    // they are not late; the three with the TPI or pimpinan are past the PMPZI deadline (31 May).
    const withLke = overview.rows.flatMap((r) => (r.assessment ? [r.assessment] : []));
    expect(overview.summary).toEqual({
      proposed: 11,
      readyWbk: withLke.filter((a) => a.wbkEligible).length,
      readyWbbm: withLke.filter((a) => a.wbbmEligible).length,
      overdue: 3,
    });
    expect(overview.summary.readyWbk).toBeGreaterThan(0);
    expect(by("PKM Sukamaju").assessment!.overdue).toBe(false);
  });

  test("a TPI sees the whole instansi on the overview", async () => {
    const tpi = await sessionAs(db.prisma, "tpi@contoh.go.id");
    const { periode, today } = await current();
    expect((await getOverview(tpi.user, periode.id, today))!.rows).toHaveLength(14);
  });
});

describe("scorecard", () => {
  test.each(["Disdukcapil", "RSUD", "DPMPTSP", "Dindikbud", "PKM Mekarsari", "PKM Sukamaju"])(
    "%s: the numbers are the engine's on the same answers, and equal the stored score",
    async (shortName) => {
      const admin = await sessionAs(db.prisma, "admin@contoh.go.id");
      const { periode } = await current();
      const id = await unitId(shortName);
      const data = await getScorecard(admin.user, id, periode.year);
      if (!data.found || data.periodeMissing) throw new Error("scorecard not found");

      // Read the same rows independently and run the engine on them.
      const assessment = await db.prisma.assessment.findUniqueOrThrow({
        where: { unitId_periodeId: { unitId: id, periodeId: periode.id } },
        include: { answers: { include: { question: { select: { code: true } } } }, hasil: true },
      });
      const layer = scoreLayerFor(assessment.status);
      const catalogue = getCatalogue(periode.catalogueId);
      const input = {
        catalogue,
        answers: answersOf(assessment.answers, layer),
        hasil: hasilValue(assessment.hasil.find((h) => h.layer === layer)),
        previousPredicate: await previousPredicate(db.prisma, id, periode.year),
      };
      const expected = scoreAssessment(input);
      expect(data.layer).toBe(layer);
      expect(data.shown.scorecard).toEqual(expected);
      expect(data.gap).toEqual(gapAnalysis(input, expected));
      expect(data.self.scorecard).toEqual(
        scoreAssessment({
          ...input,
          answers: answersOf(assessment.answers, "SELF"),
          hasil: hasilValue(assessment.hasil.find((h) => h.layer === "SELF")),
        }),
      );

      // The stored score the overview shows is the same number.
      const stored = await db.prisma.assessmentScore.findUniqueOrThrow({
        where: { assessmentId_layer: { assessmentId: assessment.id, layer } },
      });
      expect(data.shown.scorecard.total).toBeCloseTo(stored.total, 9);
      expect(data.shown.scorecard.wbk.eligible).toBe(stored.wbkEligible);
      expect(data.shown.scorecard.wbbm.unmet.map((u) => u.code)).toEqual(stored.wbbmUnmet);

      // Evidence per area: matches the rows, and adds up to the stored count.
      const withEvidence = await db.prisma.answer.findMany({
        where: { assessmentId: assessment.id, layer: "SELF", evidence: { some: { deletedAt: null } } },
        select: { question: { select: { code: true } } },
      });
      for (const area of catalogue.areas) {
        const counted = data.evidence.areas.find((e) => e.areaId === area.id)!;
        const questions = catalogue.questions.filter((q) => q.areaId === area.id);
        expect(counted.questionCount).toBe(questions.length);
        expect(counted.withEvidence).toBe(
          withEvidence.filter((w) => catalogue.questionById.get(w.question.code)?.areaId === area.id).length,
        );
      }
      expect(data.evidence.total).toEqual({
        areaId: "TOTAL",
        questionCount: catalogue.questions.length,
        withEvidence: stored.evidenceCount,
      });
    },
  );

  test("the TPI layer is empty until the TPI reviews, partial while it does", async () => {
    const admin = await sessionAs(db.prisma, "admin@contoh.go.id");
    const { periode } = await current();
    const draft = await getScorecard(admin.user, await unitId("Dinkes"), periode.year);
    const inReview = await getScorecard(admin.user, await unitId("Disdukcapil"), periode.year);
    if (!draft.found || draft.periodeMissing || !inReview.found || inReview.periodeMissing)
      throw new Error("scorecard not found");
    expect(draft.tpi.empty).toBe(true);
    expect(inReview.tpi.empty).toBe(false);
    expect(inReview.tpi.scorecard.answeredCount).toBeGreaterThan(0);
    expect(inReview.tpi.scorecard.answeredCount).toBeLessThan(inReview.self.scorecard.answeredCount);
  });

  test("the trend has the stored total of each year and the penetapan results", async () => {
    const admin = await sessionAs(db.prisma, "admin@contoh.go.id");
    const { periode } = await current();
    const data = await getScorecard(admin.user, await unitId("Disdukcapil"), periode.year);
    if (!data.found || data.periodeMissing) throw new Error("scorecard not found");
    const y = periode.year;
    const lastYear = await db.prisma.assessmentScore.findFirstOrThrow({
      where: { layer: "TPI", assessment: { unit: { shortName: "Disdukcapil" }, periode: { year: y - 1 } } },
    });
    expect(data.trend.map((t) => [t.year, t.penetapan, t.layer])).toEqual([
      [y - 2, "WBK", null],
      [y - 1, "WBBM", "TPI"],
      [y, null, "SELF"],
    ]);
    expect(data.trend[1].total).toBe(lastYear.total);
    expect(data.trend[2].total).toBeCloseTo(data.shown.scorecard.total, 9);
  });

  test("a head of unit A is refused unit B's scorecard; everyone with the permission gets theirs", async () => {
    const { periode } = await current();
    const disdukcapil = await unitId("Disdukcapil");
    const dinkes = await unitId("Dinkes");
    const dindikbud = await unitId("Dindikbud");
    const kepala = await sessionAs(db.prisma, "kepala.disdukcapil@contoh.go.id");
    const operator = await sessionAs(db.prisma, "operator.dinkes@contoh.go.id");
    const tpi = await sessionAs(db.prisma, "tpi@contoh.go.id");
    const pimpinan = await sessionAs(db.prisma, "pimpinan@contoh.go.id");

    await expect(getScorecard(kepala.user, dinkes, periode.year)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getScorecard(operator.user, disdukcapil, periode.year)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await getScorecard(kepala.user, disdukcapil, periode.year)).toMatchObject({ found: true, canOpenLke: true });
    expect(await getScorecard(operator.user, dinkes, periode.year)).toMatchObject({ found: true, canOpenLke: true });
    // The TPI reads every scorecard but opens only the LKEs it is assigned to.
    expect(await getScorecard(tpi.user, dindikbud, periode.year)).toMatchObject({ found: true, canOpenLke: false });
    expect(await getScorecard(tpi.user, dinkes, periode.year)).toMatchObject({ found: true, canOpenLke: true });
    expect(await getScorecard(pimpinan.user, dindikbud, periode.year)).toMatchObject({ found: true });

    // A unit of another instansi does not exist for these users.
    const other = await db.prisma.instansi.create({
      data: { name: "Pemerintah Kota Lain", units: { create: { name: "Dinas Lain", shortName: "DL", type: "DINAS" } } },
      include: { units: true },
    });
    expect(await getScorecard(pimpinan.user, other.units[0].id, periode.year)).toEqual({ found: false });
  });
});

describe("timeline", () => {
  test("every unit's due date and lateness; OPD roles see only their own unit", async () => {
    const admin = await sessionAs(db.prisma, "admin@contoh.go.id");
    const { periode, today } = await current();
    const timeline = (await getTimeline(admin.user, periode.id, today))!;
    expect(timeline.rows).toHaveLength(11);
    expect(timeline.currentStage).toBe("EVALUASI");
    const dinkes = timeline.rows.find((r) => r.shortName === "Dinkes")!;
    // Reopened until 31 December: due then, not late — whatever the stage windows say.
    expect(dinkes).toMatchObject({
      status: "DRAFT",
      due: { date: `${periode.year}-12-31` },
      dueStage: "PENETAPAN",
      overdue: false,
      daysLate: null,
      daysLeft: daysBetween(today, `${periode.year}-12-31`),
    });
    expect(timeline.rows.find((r) => r.shortName === "RSUD")).toMatchObject({
      status: "FINALIZED",
      due: { date: `${periode.year}-05-31` },
      overdue: true,
    });
    expect(timeline.rows.find((r) => r.shortName === "PKM Sukamaju")).toMatchObject({
      status: "APPROVED",
      due: null,
      overdue: false,
      daysLate: null,
    });

    for (const email of ["kepala.dinkes@contoh.go.id", "operator.dinkes@contoh.go.id"]) {
      const own = (await getTimeline((await sessionAs(db.prisma, email)).user, periode.id, today))!;
      expect(own.rows.map((r) => r.shortName)).toEqual(["Dinkes"]);
    }
  });

  test("a draft unit without a reopening is late after Pembinaan; moving the window past today takes it off the list", async () => {
    const admin = await sessionAs(db.prisma, "admin@contoh.go.id");
    const { periode, today } = await current();
    const dindikbud = await db.prisma.assessment.findFirstOrThrow({
      where: { periodeId: periode.id, unit: { shortName: "Dindikbud" } },
    });
    await db.prisma.assessment.update({ where: { id: dindikbud.id }, data: { reopenedUntil: null } });
    const closed = (await getTimeline(admin.user, periode.id, today))!.rows.find((r) => r.shortName === "Dindikbud");
    expect(closed).toMatchObject({
      overdue: true,
      due: { date: `${periode.year}-04-30` },
      daysLate: daysBetween(`${periode.year}-04-30`, today),
    });
    expect((await getOverview(admin.user, periode.id, today))!.summary.overdue).toBe(4);
    await db.prisma.periodeStage.update({
      where: { periodeId_stage: { periodeId: periode.id, stage: "PEMBINAAN" } },
      data: { endDate: new Date(`${periode.year}-10-31T00:00:00Z`) },
    });
    try {
      const timeline = (await getTimeline(admin.user, periode.id, today))!;
      expect(timeline.rows.find((r) => r.shortName === "Dindikbud")).toMatchObject({
        overdue: false,
        daysLeft: 16,
        daysLate: null,
      });
      // Still late: the three LKEs with the TPI or pimpinan, due by the PMPZI deadline.
      expect((await getOverview(admin.user, periode.id, today))!.summary.overdue).toBe(3);
    } finally {
      await db.prisma.periodeStage.update({
        where: { periodeId_stage: { periodeId: periode.id, stage: "PEMBINAAN" } },
        data: { endDate: new Date(`${periode.year}-04-30T00:00:00Z`) },
      });
      await db.prisma.assessment.update({
        where: { id: dindikbud.id },
        data: { reopenedUntil: dindikbud.reopenedUntil },
      });
    }
  });
});

describe("role homes", () => {
  test("the operator's to-do: unanswered questions in catalogue order and the returned ones with the TPI's reason", async () => {
    const { periode, today } = await current();
    const catalogue = getCatalogue(periode.catalogueId);
    const dinkes = await getUnitDesk(
      (await sessionAs(db.prisma, "kepala.dinkes@contoh.go.id")).user,
      await unitId("Dinkes"),
      periode.id,
      today,
    );
    const a = dinkes!.assessment!;
    const stored = await db.prisma.assessmentScore.findFirstOrThrow({ where: { assessmentId: a.id, layer: "SELF" } });
    expect(a.unanswered).toHaveLength(catalogue.questions.length - stored.answeredCount);
    const answeredCodes = new Set(
      Object.keys(
        answersOf(
          await db.prisma.answer.findMany({
            where: { assessmentId: a.id },
            include: { question: { select: { code: true } } },
          }),
          "SELF",
        ),
      ),
    );
    expect(a.unanswered.map((q) => q.code)).toEqual(
      catalogue.questions.filter((q) => !answeredCodes.has(q.id)).map((q) => q.id),
    );
    expect(a.submit).toMatchObject({ allowed: false, code: "INCOMPLETE" });

    const kepala = await sessionAs(db.prisma, "kepala.dpmptsp@contoh.go.id");
    const dpmptsp = (await getUnitDesk(kepala.user, await unitId("DPMPTSP"), periode.id, today))!.assessment!;
    expect(dpmptsp.unanswered).toEqual([]);
    expect(dpmptsp.returned).toHaveLength(3);
    expect(dpmptsp.returned.every((r) => r.reason && r.reason.length > 10)).toBe(true);
    expect(dpmptsp.submit).toEqual({
      allowed: false,
      code: "INCOMPLETE",
      reason: "Masih ada 3 pertanyaan yang dikembalikan dan belum direvisi.",
    });
    expect(dpmptsp.next).toEqual({
      role: "OPERATOR_OPD",
      label: "Operator OPD merevisi pertanyaan yang dikembalikan.",
    });
    // The operator sees the same LKE, but submitting is the head's step.
    const operator = await sessionAs(db.prisma, "operator.dpmptsp@contoh.go.id");
    expect(
      (await getUnitDesk(operator.user, await unitId("DPMPTSP"), periode.id, today))!.assessment!.submit,
    ).toMatchObject({ allowed: false, code: "FORBIDDEN" });
  });

  test("the TPI's queue holds only its assigned units that are submitted or in review", async () => {
    const { periode } = await current();
    const tpiA = await getReviewQueue((await sessionAs(db.prisma, "tpi@contoh.go.id")).user, periode.id);
    expect(tpiA.map((q) => [q.shortName, q.status])).toEqual([["Disdukcapil", "IN_REVIEW"]]);
    // The queue's count is the one finalising checks (the review chain's facts).
    const facts = await loadPolicyFacts(db.prisma, await loadAssessment(db.prisma, tpiA[0].assessmentId));
    expect(tpiA[0].unreviewed).toBe(facts.unreviewed);
    expect(tpiA[0].unreviewed).toBeGreaterThan(0);
    expect(tpiA[0].unreviewed).toBeLessThan(getCatalogue(periode.catalogueId).questions.length);

    const tpiB = await getReviewQueue((await sessionAs(db.prisma, "tpi2@contoh.go.id")).user, periode.id);
    expect(tpiB.map((q) => [q.shortName, q.status, q.unreviewed])).toEqual([["Bapenda", "SUBMITTED", 110]]);
    expect(await getReviewQueue((await sessionAs(db.prisma, "admin@contoh.go.id")).user, periode.id)).toEqual([]);
  });
});

// Last: it adds units to this file's database.
describe("overview query count", () => {
  test("the number of queries does not grow with the number of units", async () => {
    const admin = await sessionAs(db.prisma, "admin@contoh.go.id");
    const { periode, today } = await current();
    const before = await countQueries(() => getOverview(admin.user, periode.id, today));
    expect(before.operations).toBe(2);

    for (let i = 1; i <= 6; i++) {
      const unit = await db.prisma.unit.create({
        data: {
          instansiId: admin.user.instansiId,
          name: `Unit Uji ${i}`,
          shortName: `UU${i}`,
          type: "UPT",
          proposedForZi: true,
          selectionCriteria: ["PELAYANAN_STRATEGIS"],
        },
      });
      const a = await db.prisma.assessment.create({ data: { unitId: unit.id, periodeId: periode.id } });
      await recomputeAssessmentScores(db.prisma, a.id);
    }
    const after = await countQueries(() => getOverview(admin.user, periode.id, today));
    expect(after.result!.rows).toHaveLength(20);
    expect(after.operations).toBe(before.operations);
    expect(after.statements).toBe(before.statements);
  });
});
