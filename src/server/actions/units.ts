"use server";

import "server-only";
import { defineAction } from "./define-action";
import { createUnitSchema, setUnitActiveSchema, updateUnitSchema } from "./units.validation";
import { NotFoundError, UserError } from "@/server/errors";
import type { Tx } from "@/server/db/client";
import { ensureAssessments } from "@/server/lke/ensure-assessments";

async function checkParent(tx: Tx, instansiId: string, parentId: string | null | undefined, selfId?: string) {
  if (!parentId) return;
  if (parentId === selfId)
    throw new UserError("Unit induk tidak boleh unit itu sendiri.", { parentId: "Pilih unit lain" });
  const parent = await tx.unit.findFirst({ where: { id: parentId, instansiId }, select: { id: true, parentId: true } });
  if (!parent) throw new NotFoundError("Unit induk tidak ditemukan.", { parentId: "Unit induk tidak ditemukan" });
  // Walk up to refuse cycles (A → B → A).
  let cursor = parent.parentId;
  for (let depth = 0; cursor && depth < 20; depth++) {
    if (cursor === selfId)
      throw new UserError("Unit induk membentuk lingkaran.", { parentId: "Unit induk membentuk lingkaran" });
    cursor = (await tx.unit.findUnique({ where: { id: cursor }, select: { parentId: true } }))?.parentId ?? null;
  }
}

async function checkShortName(tx: Tx, instansiId: string, shortName: string, selfId?: string) {
  const clash = await tx.unit.findFirst({
    where: {
      instansiId,
      shortName: { equals: shortName, mode: "insensitive" },
      NOT: selfId ? { id: selfId } : undefined,
    },
  });
  if (clash)
    throw new UserError("Singkatan sudah dipakai unit lain.", { shortName: `Sudah dipakai oleh ${clash.name}` });
}

export const createUnitAction = defineAction({
  name: "unit.create",
  schema: createUnitSchema,
  permission: "unit:manage",
  async handler(input, { tx, user, audit }) {
    await checkParent(tx, user.instansiId, input.parentId);
    await checkShortName(tx, user.instansiId, input.shortName);
    const unit = await tx.unit.create({ data: { ...input, instansiId: user.instansiId } });
    await audit({ entity: "Unit", entityId: unit.id, after: unit });
    await ensureAssessments(tx, audit, { instansiId: user.instansiId, unitIds: [unit.id] });
    return { id: unit.id };
  },
});

export const updateUnitAction = defineAction({
  name: "unit.update",
  schema: updateUnitSchema,
  permission: "unit:manage",
  async handler({ id, ...input }, { tx, user, audit }) {
    const before = await tx.unit.findFirst({ where: { id, instansiId: user.instansiId } });
    if (!before) throw new NotFoundError("Unit tidak ditemukan.");
    await checkParent(tx, user.instansiId, input.parentId, id);
    await checkShortName(tx, user.instansiId, input.shortName, id);
    const after = await tx.unit.update({ where: { id }, data: input });
    await audit({ entity: "Unit", entityId: id, before, after });
    // A unit proposed after its period was created gets that period's LKE now.
    await ensureAssessments(tx, audit, { instansiId: user.instansiId, unitIds: [id] });
    return { id };
  },
});

export const setUnitActiveAction = defineAction({
  name: "unit.setActive",
  schema: setUnitActiveSchema,
  permission: "unit:manage",
  async handler({ id, active }, { tx, user, audit }) {
    const before = await tx.unit.findFirst({ where: { id, instansiId: user.instansiId } });
    if (!before) throw new NotFoundError("Unit tidak ditemukan.");
    const after = await tx.unit.update({ where: { id }, data: { active } });
    await audit({
      action: active ? "unit.activate" : "unit.deactivate",
      entity: "Unit",
      entityId: id,
      before: { active: before.active },
      after: { active: after.active },
    });
    if (active) await ensureAssessments(tx, audit, { instansiId: user.instansiId, unitIds: [id] });
    return { id };
  },
});
