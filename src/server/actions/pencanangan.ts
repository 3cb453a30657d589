"use server";

import "server-only";
import type { Tx } from "@/server/db/client";
import { dateFromIso, isoFromDate, todayIso } from "@/server/dates";
import { NotFoundError, UserError } from "@/server/errors";
import { defineAction } from "./define-action";
import { createPencananganSchema, updatePencananganSchema } from "./pencanangan.validation";

const withRelations = {
  units: { select: { unit: { select: { id: true, shortName: true } } } },
  witnesses: { select: { institution: true, name: true }, orderBy: { id: "asc" } },
} as const;

type Stored = Awaited<ReturnType<typeof loadPencanangan>>;

async function loadPencanangan(tx: Tx, instansiId: string, id: string) {
  return tx.pencanangan.findFirst({ where: { id, instansiId }, include: withRelations });
}

/** What the audit log keeps of an event: readable dates and unit names. */
function snapshot(p: NonNullable<Stored>) {
  return {
    title: p.title,
    date: isoFromDate(p.date),
    place: p.place,
    signatoriesCount: p.signatoriesCount,
    notes: p.notes,
    periodeId: p.periodeId,
    units: p.units
      .map((u) => ({ id: u.unit.id, shortName: u.unit.shortName }))
      .sort((a, b) => a.shortName.localeCompare(b.shortName)),
    witnesses: p.witnesses,
  };
}

function checkDate(date: string) {
  if (date > todayIso()) {
    throw new UserError("Tanggal pencanangan tidak boleh setelah hari ini.", {
      date: "Tanggal tidak boleh setelah hari ini",
    });
  }
}

/**
 * The declaring units, loaded from the user's instansi (ids from the form are not trusted).
 * A unit already on the event may stay even if it was deactivated since; new ones must be active.
 */
async function checkUnits(tx: Tx, instansiId: string, unitIds: string[], alreadyLinked: string[] = []) {
  const units = await tx.unit.findMany({
    where: { id: { in: unitIds }, instansiId },
    select: { id: true, active: true },
  });
  if (units.length !== unitIds.length) {
    throw new NotFoundError("Unit yang dipilih tidak ditemukan.", { unitIds: "Pilih unit dari daftar" });
  }
  if (units.some((u) => !u.active && !alreadyLinked.includes(u.id))) {
    throw new UserError("Unit nonaktif tidak dapat ditambahkan ke pencanangan.", { unitIds: "Pilih unit yang aktif" });
  }
}

/** The program year the event belongs to, when the instansi has a period for that year. */
async function periodeIdFor(tx: Tx, instansiId: string, date: string) {
  const periode = await tx.periode.findFirst({
    where: { instansiId, year: Number(date.slice(0, 4)) },
    select: { id: true },
  });
  return periode?.id ?? null;
}

export const createPencananganAction = defineAction({
  name: "pencanangan.create",
  schema: createPencananganSchema,
  permission: "pencanangan:manage",
  async handler(input, { tx, user, audit }) {
    checkDate(input.date);
    await checkUnits(tx, user.instansiId, input.unitIds);
    const created = await tx.pencanangan.create({
      data: {
        instansiId: user.instansiId,
        periodeId: await periodeIdFor(tx, user.instansiId, input.date),
        title: input.title,
        date: dateFromIso(input.date),
        place: input.place,
        signatoriesCount: input.signatoriesCount,
        notes: input.notes ?? null,
        createdById: user.id,
        units: { create: input.unitIds.map((unitId) => ({ unitId })) },
        witnesses: { create: input.witnesses },
      },
      include: withRelations,
    });
    await audit({ entity: "Pencanangan", entityId: created.id, after: snapshot(created) });
    return { id: created.id };
  },
});

export const updatePencananganAction = defineAction({
  name: "pencanangan.update",
  schema: updatePencananganSchema,
  permission: "pencanangan:manage",
  async handler({ id, ...input }, { tx, user, audit }) {
    const before = await loadPencanangan(tx, user.instansiId, id);
    if (!before) throw new NotFoundError("Pencanangan tidak ditemukan.");
    checkDate(input.date);
    await checkUnits(
      tx,
      user.instansiId,
      input.unitIds,
      before.units.map((u) => u.unit.id),
    );
    await tx.pencananganUnit.deleteMany({ where: { pencananganId: id } });
    await tx.pencananganWitness.deleteMany({ where: { pencananganId: id } });
    await tx.pencanangan.update({
      where: { id },
      data: {
        periodeId: await periodeIdFor(tx, user.instansiId, input.date),
        title: input.title,
        date: dateFromIso(input.date),
        place: input.place,
        signatoriesCount: input.signatoriesCount,
        notes: input.notes ?? null,
        units: { create: input.unitIds.map((unitId) => ({ unitId })) },
        witnesses: { create: input.witnesses },
      },
    });
    const after = (await loadPencanangan(tx, user.instansiId, id))!;
    await audit({ entity: "Pencanangan", entityId: id, before: snapshot(before), after: snapshot(after) });
    return { id };
  },
});
