"use server";

import "server-only";
import { periodeClosed, type PeriodeStatus } from "@/domain/periode";
import { getCatalogue } from "@/domain/catalogue/registry";
import { unitWhere } from "@/server/authz";
import type { Tx } from "@/server/db/client";
import { dateFromIso, isoFromDate } from "@/server/dates";
import { NotFoundError, UserError } from "@/server/errors";
import { defineAction } from "./define-action";
import {
  createRencanaAksiSchema,
  setRencanaAksiStatusSchema,
  updateRencanaAksiSchema,
} from "./rencana-aksi.validation";

interface PeriodeFacts {
  year: number;
  status: PeriodeStatus;
  catalogueId: string;
}

function snapshot(r: {
  unitId: string;
  periodeId: string;
  areaCode: string;
  activity: string;
  targetDate: Date;
  personInCharge: string;
  status: string;
  notes: string | null;
}) {
  return {
    unitId: r.unitId,
    periodeId: r.periodeId,
    areaCode: r.areaCode,
    activity: r.activity,
    targetDate: isoFromDate(r.targetDate),
    personInCharge: r.personInCharge,
    status: r.status,
    notes: r.notes,
  };
}

function assertPeriodeOpen(periode: PeriodeFacts) {
  if (periodeClosed(periode.status))
    throw new UserError(`Periode ${periode.year} sudah ditutup; rencana aksinya tidak dapat diubah.`);
}

/** The area must be a pengungkit area of the period's LKE catalogue and the target date in its year. */
function checkPlan(periode: PeriodeFacts, input: { areaCode: string; targetDate: string }) {
  const areas = getCatalogue(periode.catalogueId).areas;
  if (!areas.some((a) => a.id === input.areaCode)) {
    throw new UserError("Area tidak dikenal dalam LKE periode ini.", { areaCode: "Pilih salah satu area pengungkit" });
  }
  if (!input.targetDate.startsWith(`${periode.year}-`)) {
    throw new UserError(`Tanggal target harus di tahun periode (${periode.year}).`, {
      targetDate: `Pilih tanggal di tahun ${periode.year}`,
    });
  }
}

/** The stored item's unit decides who may change it, never an id the form claims. */
async function storedTarget(tx: Tx, id: string) {
  const row = await tx.rencanaAksi.findUnique({
    where: { id },
    select: { unitId: true, unit: { select: { instansiId: true } } },
  });
  if (!row) throw new NotFoundError("Rencana aksi tidak ditemukan.");
  return { instansiId: row.unit.instansiId, unitId: row.unitId };
}

export const createRencanaAksiAction = defineAction({
  name: "rencanaAksi.create",
  schema: createRencanaAksiSchema,
  permission: "monev:write",
  async target({ unitId }, { tx }) {
    const unit = await tx.unit.findUnique({ where: { id: unitId }, select: { id: true, instansiId: true } });
    if (!unit) throw new NotFoundError("Unit tidak ditemukan.", { unitId: "Pilih unit dari daftar" });
    return { instansiId: unit.instansiId, unitId: unit.id };
  },
  async handler(input, { tx, user, audit }) {
    const unit = await tx.unit.findFirst({
      where: { id: input.unitId, ...unitWhere(user, "monev:write") },
      select: { active: true },
    });
    if (!unit) throw new NotFoundError("Unit tidak ditemukan.", { unitId: "Pilih unit dari daftar" });
    if (!unit.active)
      throw new UserError("Unit nonaktif tidak dapat diberi rencana aksi.", { unitId: "Pilih unit yang aktif" });
    const periode = await tx.periode.findFirst({ where: { id: input.periodeId, instansiId: user.instansiId } });
    if (!periode) throw new NotFoundError("Periode tidak ditemukan.");
    assertPeriodeOpen(periode);
    checkPlan(periode, input);
    const created = await tx.rencanaAksi.create({
      data: {
        unitId: input.unitId,
        periodeId: periode.id,
        areaCode: input.areaCode,
        activity: input.activity,
        targetDate: dateFromIso(input.targetDate),
        personInCharge: input.personInCharge,
        status: input.status,
        notes: input.notes ?? null,
      },
    });
    await audit({ entity: "RencanaAksi", entityId: created.id, after: snapshot(created) });
    return { id: created.id };
  },
});

export const updateRencanaAksiAction = defineAction({
  name: "rencanaAksi.update",
  schema: updateRencanaAksiSchema,
  permission: "monev:write",
  target: ({ id }, { tx }) => storedTarget(tx, id),
  async handler({ id, ...input }, { tx, user, audit }) {
    const before = await tx.rencanaAksi.findFirst({
      where: { id, unit: unitWhere(user, "monev:write") },
      include: { periode: true },
    });
    if (!before) throw new NotFoundError("Rencana aksi tidak ditemukan.");
    assertPeriodeOpen(before.periode);
    checkPlan(before.periode, input);
    const after = await tx.rencanaAksi.update({
      where: { id },
      data: {
        areaCode: input.areaCode,
        activity: input.activity,
        targetDate: dateFromIso(input.targetDate),
        personInCharge: input.personInCharge,
        status: input.status,
        notes: input.notes ?? null,
      },
    });
    await audit({ entity: "RencanaAksi", entityId: id, before: snapshot(before), after: snapshot(after) });
    return { id };
  },
});

/** The monthly update from the list: only the status changes. */
export const setRencanaAksiStatusAction = defineAction({
  name: "rencanaAksi.setStatus",
  schema: setRencanaAksiStatusSchema,
  permission: "monev:write",
  target: ({ id }, { tx }) => storedTarget(tx, id),
  async handler({ id, status }, { tx, user, audit }) {
    const before = await tx.rencanaAksi.findFirst({
      where: { id, unit: unitWhere(user, "monev:write") },
      include: { periode: true },
    });
    if (!before) throw new NotFoundError("Rencana aksi tidak ditemukan.");
    assertPeriodeOpen(before.periode);
    await tx.rencanaAksi.update({ where: { id }, data: { status } });
    await audit({ entity: "RencanaAksi", entityId: id, before: { status: before.status }, after: { status } });
    return { id, status };
  },
});
