"use server";

import "server-only";
import { checkPenetapan } from "@/domain/penetapan";
import { dateFromIso, isoFromDate, todayIso } from "@/server/dates";
import { NotFoundError, UserError } from "@/server/errors";
import { notifyEvent } from "@/server/notifications/notify";
import { recomputeAssessmentScores } from "@/server/scoring/recompute";
import { defineAction } from "./define-action";
import { recordPenetapanSchema } from "./penetapan.validation";

function snapshot(p: {
  unitId: string;
  year: number;
  result: string;
  decreeNumber: string | null;
  decreeDate: Date | null;
  notes: string | null;
}) {
  return {
    unitId: p.unitId,
    year: p.year,
    result: p.result,
    decreeNumber: p.decreeNumber,
    decreeDate: p.decreeDate ? isoFromDate(p.decreeDate) : null,
    notes: p.notes,
  };
}

/**
 * Records (or corrects) a unit's penetapan result for a year, then rescores the unit's assessments
 * of later years: the WBBM verdict needs a WBK held from an earlier year.
 */
export const recordPenetapanAction = defineAction({
  name: "penetapan.record",
  schema: recordPenetapanSchema,
  permission: "penetapan:manage",
  async target({ unitId }, { tx }) {
    const unit = await tx.unit.findUnique({ where: { id: unitId }, select: { id: true, instansiId: true } });
    if (!unit) throw new NotFoundError("Unit tidak ditemukan.", { unitId: "Pilih unit dari daftar" });
    return { instansiId: unit.instansiId, unitId: unit.id };
  },
  async handler(input, { tx, user, audit, target }) {
    // One writer per unit at a time, so the WBBM check reads a settled history.
    await tx.$queryRaw`SELECT id FROM "Unit" WHERE id = ${input.unitId} AND "instansiId" = ${user.instansiId} FOR UPDATE`;
    const history = await tx.penetapan.findMany({ where: { unitId: input.unitId } });
    const today = todayIso();
    const check = checkPenetapan(history, { year: input.year, result: input.result }, Number(today.slice(0, 4)));
    if (!check.ok) throw new UserError(check.reason, { [check.field]: check.fieldMessage });
    if (input.decreeDate && input.decreeDate > today) {
      throw new UserError("Tanggal SK tidak boleh setelah hari ini.", {
        decreeDate: "Tanggal SK tidak boleh setelah hari ini",
      });
    }

    const before = history.find((p) => p.year === input.year) ?? null;
    const data = {
      result: input.result,
      decreeNumber: input.decreeNumber ?? null,
      decreeDate: input.decreeDate ? dateFromIso(input.decreeDate) : null,
      notes: input.notes ?? null,
    };
    const after = await tx.penetapan.upsert({
      where: { unitId_year: { unitId: input.unitId, year: input.year } },
      create: { unitId: input.unitId, year: input.year, ...data },
      update: data,
    });
    await audit({
      action: before ? "penetapan.update" : "penetapan.create",
      entity: "Penetapan",
      entityId: after.id,
      before: before ? snapshot(before) : undefined,
      after: snapshot(after),
    });

    const unit = await tx.unit.findUniqueOrThrow({ where: { id: input.unitId }, select: { name: true } });
    await notifyEvent(
      tx,
      { kind: "PENETAPAN_RECORDED", unitName: unit.name, year: input.year, result: input.result },
      { id: input.unitId, instansiId: target.instansiId },
    );

    const later = await tx.assessment.findMany({
      where: { unitId: input.unitId, periode: { year: { gt: input.year } } },
      select: { id: true },
    });
    for (const a of later) await recomputeAssessmentScores(tx, a.id);
    return { id: after.id, rescored: later.length };
  },
});
