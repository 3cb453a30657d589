"use server";

import { CATALOGUES } from "@/domain/catalogue/registry";
import { defaultPmpziDeadline, defaultStageWindows } from "@/domain/timeline";
import { UserError } from "@/server/errors";
import { dateFromIso } from "@/server/dates";
import { ensureAssessments } from "@/server/lke/ensure-assessments";
import { defineAction } from "./define-action";
import { createPeriodeSchema, updateScheduleSchema } from "./periodes.validation";

export const createPeriodeAction = defineAction({
  name: "periode.create",
  schema: createPeriodeSchema,
  permission: "periode:manage",
  async handler({ year, catalogueId }, { tx, user, audit }) {
    if (!CATALOGUES.has(catalogueId)) throw new UserError("Versi katalog LKE tidak dikenal.", { catalogueId: "Pilih versi yang tersedia" });
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
        stages: { create: defaultStageWindows(year).map((w) => ({ stage: w.stage, startDate: dateFromIso(w.start), endDate: dateFromIso(w.end) })) },
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
    const before = await tx.periode.findFirst({ where: { id, instansiId: user.instansiId }, include: { stages: true } });
    if (!before) throw new UserError("Periode tidak ditemukan.");
    if (!pmpziDeadline.startsWith(String(before.year))) {
      throw new UserError("Batas PMPZI harus di tahun periode.", { pmpziDeadline: `Pilih tanggal di tahun ${before.year}` });
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
