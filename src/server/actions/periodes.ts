"use server";

import "server-only";
import { CATALOGUES } from "@/domain/catalogue/registry";
import { defaultPmpziDeadline, defaultStageWindows } from "@/domain/timeline";
import { NotFoundError, UserError } from "@/server/errors";
import { dateFromIso } from "@/server/dates";
import { ensureAssessments } from "@/server/lke/ensure-assessments";
import { recomputeAssessmentScores } from "@/server/scoring/recompute";
import { defineAction } from "./define-action";
import { createPeriodeSchema, updateScheduleSchema, updateZeroBaseSchema } from "./periodes.validation";

export const createPeriodeAction = defineAction({
  name: "periode.create",
  schema: createPeriodeSchema,
  permission: "periode:manage",
  async handler({ year, catalogueId }, { tx, user, audit }) {
    if (!CATALOGUES.has(catalogueId))
      throw new UserError("Versi katalog LKE tidak dikenal.", { catalogueId: "Pilih versi yang tersedia" });
    if (await tx.periode.findFirst({ where: { instansiId: user.instansiId, year } })) {
      throw new UserError(`Periode ${year} sudah ada.`, { year: "Tahun ini sudah memiliki periode" });
    }
    const periode = await tx.periode.create({
      data: {
        instansiId: user.instansiId,
        year,
        catalogueId,
        status: "PERSIAPAN",
        pmpziDeadline: dateFromIso(defaultPmpziDeadline(year)),
        stages: {
          create: defaultStageWindows(year).map((w) => ({
            stage: w.stage,
            startDate: dateFromIso(w.start),
            endDate: dateFromIso(w.end),
          })),
        },
      },
      include: { stages: true },
    });
    await audit({ entity: "Periode", entityId: periode.id, after: periode });
    // Every unit proposed for ZI gets its LKE for the year.
    await ensureAssessments(tx, audit, { instansiId: user.instansiId, periodeId: periode.id });
    return { id: periode.id };
  },
});

export const updateScheduleAction = defineAction({
  name: "periode.updateSchedule",
  schema: updateScheduleSchema,
  permission: "periode:manage",
  async handler({ id, status, pmpziDeadline, stages }, { tx, user, audit }) {
    const before = await tx.periode.findFirst({
      where: { id, instansiId: user.instansiId },
      include: { stages: true },
    });
    if (!before) throw new NotFoundError("Periode tidak ditemukan.");
    if (!pmpziDeadline.startsWith(String(before.year))) {
      throw new UserError("Batas PMPZI harus di tahun periode.", {
        pmpziDeadline: `Pilih tanggal di tahun ${before.year}`,
      });
    }
    await tx.periode.update({ where: { id }, data: { status, pmpziDeadline: dateFromIso(pmpziDeadline) } });
    for (const s of stages) {
      await tx.periodeStage.upsert({
        where: { periodeId_stage: { periodeId: id, stage: s.stage } },
        create: { periodeId: id, stage: s.stage, startDate: dateFromIso(s.start), endDate: dateFromIso(s.end) },
        update: { startDate: dateFromIso(s.start), endDate: dateFromIso(s.end) },
      });
    }
    const after = await tx.periode.findUniqueOrThrow({ where: { id }, include: { stages: true } });
    await audit({ entity: "Periode", entityId: id, before, after });
    return { id };
  },
});

/**
 * The periode's zero-base rule (a ratio whose base count is 0: the workbook gives #DIV/0!, so it is a
 * decision). Changing it rescores every LKE of the periode in the same transaction.
 */
export const updateZeroBaseAction = defineAction({
  name: "periode.zeroBase",
  schema: updateZeroBaseSchema,
  permission: "periode:manage",
  async handler({ id, zeroBase }, { tx, user, audit }) {
    const before = await tx.periode.findFirst({
      where: { id, instansiId: user.instansiId },
      select: { id: true, year: true, zeroBase: true },
    });
    if (!before) throw new NotFoundError("Periode tidak ditemukan.");
    // Nothing to write, and every write of the chain leaves an entry: say so instead of a server error.
    if (before.zeroBase === zeroBase) throw new UserError("Aturan ini sudah berlaku; tidak ada yang diubah.");
    await tx.periode.update({ where: { id }, data: { zeroBase } });
    const assessments = await tx.assessment.findMany({ where: { periodeId: id }, select: { id: true } });
    for (const a of assessments) await recomputeAssessmentScores(tx, a.id);
    await audit({
      entity: "Periode",
      entityId: id,
      before,
      after: { ...before, zeroBase, rescored: assessments.length },
    });
    return { id, rescored: assessments.length };
  },
});
