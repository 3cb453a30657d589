"use server";

import "server-only";
import type { z } from "zod";
import { ownRoleChangeRefusal, roleAssignmentConflict } from "@/domain/assessment-policy";
import { holdsDeploymentRole, roleAssignmentsOf, type RoleCode } from "@/domain/roles";
import { accountKey } from "@/server/auth/authenticate";
import { hashPassword, verifyPassword } from "@/server/auth/password";
import { passwordProblem } from "@/domain/password-policy";
import type { Tx } from "@/server/db/client";
import { ForbiddenError, NotFoundError, UserError } from "@/server/errors";
import { defineAction } from "./define-action";
import {
  changeOwnPasswordSchema,
  createUserSchema,
  resetPasswordSchema,
  setUserActiveSchema,
  updateUserSchema,
} from "./users.validation";

type UserInput = z.output<typeof createUserSchema> | z.output<typeof updateUserSchema>;

/** Role rows from the form: TPI per assigned unit, OPD roles on their one unit, others instansi-wide. */
function roleRows(input: UserInput): { role: RoleCode; unitId: string | null }[] {
  return roleAssignmentsOf(input.roles, input.tpiUnitIds, input.opdUnitId ?? null);
}

/**
 * A user of the caller's instansi that its ADMIN may manage. A SUPERADMIN's account spans every instansi,
 * so an instansi's ADMIN may not edit, reset or deactivate it (that would hand them the roll-up).
 */
async function managedUser(tx: Tx, id: string, instansiId: string) {
  const found = await tx.user.findFirst({
    where: { id, instansiId },
    include: { roles: { select: { role: true, unitId: true } } },
  });
  if (!found) throw new NotFoundError("Pengguna tidak ditemukan.");
  if (holdsDeploymentRole(found.roles.map((r) => r.role)))
    throw new ForbiddenError(
      "Akun superadmin hanya dapat diubah di tingkat provinsi/kementerian, bukan oleh admin instansi.",
    );
  return found;
}

async function checkUnits(tx: Tx, instansiId: string, input: UserInput) {
  const opd = input.roles.includes("KEPALA_OPD") || input.roles.includes("OPERATOR_OPD");
  const ids = [
    ...new Set(
      [...(input.roles.includes("TPI") ? input.tpiUnitIds : []), opd ? input.opdUnitId : null, input.unitId].filter(
        (x): x is string => !!x,
      ),
    ),
  ];
  const found = await tx.unit.count({ where: { id: { in: ids }, instansiId } });
  if (found !== ids.length) throw new NotFoundError("Unit yang dipilih tidak ditemukan.");
}

async function checkUnique(tx: Tx, input: UserInput, selfId?: string) {
  const clash = await tx.user.findFirst({
    where: {
      OR: [{ email: input.email }, ...(input.nip ? [{ nip: input.nip }] : [])],
      NOT: selfId ? { id: selfId } : undefined,
    },
    select: { email: true, nip: true },
  });
  if (!clash) return;
  if (clash.email === input.email)
    throw new UserError("Email sudah terdaftar.", { email: "Email sudah dipakai pengguna lain" });
  throw new UserError("NIP sudah terdaftar.", { nip: "NIP sudah dipakai pengguna lain" });
}

/** Separation of duties, when the instansi keeps it: nobody on both sides of a unit's review. */
async function checkDuties(tx: Tx, instansiId: string, rows: { role: RoleCode; unitId: string | null }[]) {
  const enforced =
    (await tx.instansi.findUnique({ where: { id: instansiId }, select: { separationOfDuties: true } }))
      ?.separationOfDuties ?? true;
  const conflict = roleAssignmentConflict(rows, enforced);
  if (conflict) throw new UserError(conflict, { tpiUnitIds: conflict }, undefined, "SEPARATION_OF_DUTIES");
  return enforced;
}

const homeUnit = (input: UserInput) => input.opdUnitId ?? input.unitId ?? null;

const roleKey = (rows: { role: string; unitId: string | null }[]) =>
  rows
    .map((r) => `${r.role}:${r.unitId ?? ""}`)
    .sort()
    .join(",");

export const createUserAction = defineAction({
  name: "user.create",
  schema: createUserSchema,
  permission: "user:manage",
  async handler(input, { tx, user, audit }) {
    await checkUnits(tx, user.instansiId, input);
    await checkDuties(tx, user.instansiId, roleRows(input));
    await checkUnique(tx, input);
    const created = await tx.user.create({
      data: {
        instansiId: user.instansiId,
        name: input.name,
        nip: input.nip ?? null,
        email: input.email,
        unitId: homeUnit(input),
        active: input.active,
        passwordHash: await hashPassword(input.password),
        // The admin chose it and may have sent it around: the owner sets their own at first sign-in.
        mustChangePassword: true,
        roles: { create: roleRows(input) },
      },
      include: { roles: { select: { role: true, unitId: true } } },
    });
    await audit({ entity: "User", entityId: created.id, after: created });
    return { id: created.id };
  },
});

export const updateUserAction = defineAction({
  name: "user.update",
  schema: updateUserSchema,
  permission: "user:manage",
  async handler(input, { tx, user, audit }) {
    const before = await managedUser(tx, input.id, user.instansiId);
    if (before.id === user.id && (!input.roles.includes("ADMIN") || !input.active)) {
      throw new UserError("Anda tidak dapat mencabut peran admin atau menonaktifkan akun sendiri.");
    }
    await checkUnits(tx, user.instansiId, input);
    const enforced = await checkDuties(tx, user.instansiId, roleRows(input));
    const ownRoles = ownRoleChangeRefusal(user.id, before.id, before.roles, roleRows(input), enforced);
    if (ownRoles) throw new ForbiddenError(ownRoles, "SEPARATION_OF_DUTIES");
    await checkUnique(tx, input, input.id);
    await tx.roleAssignment.deleteMany({ where: { userId: input.id } });
    const rolesChanged = roleKey(before.roles) !== roleKey(roleRows(input)) || before.active !== input.active;
    const after = await tx.user.update({
      where: { id: input.id },
      data: {
        name: input.name,
        nip: input.nip ?? null,
        email: input.email,
        unitId: homeUnit(input),
        active: input.active,
        roles: { create: roleRows(input) },
        // Other roles or scope: sessions signed in under the old ones end.
        ...(rolesChanged ? { sessionVersion: { increment: 1 } } : {}),
      },
      include: { roles: { select: { role: true, unitId: true } } },
    });
    await audit({ entity: "User", entityId: input.id, before, after });
    return { id: input.id };
  },
});

export const resetPasswordAction = defineAction({
  name: "user.resetPassword",
  schema: resetPasswordSchema,
  permission: "user:manage",
  async handler({ id, password }, { tx, user, audit }) {
    const target = await managedUser(tx, id, user.instansiId);
    // The reset password is one-time: its owner must choose a new one, and every open session ends.
    await tx.user.update({
      where: { id },
      data: { passwordHash: await hashPassword(password), mustChangePassword: true, sessionVersion: { increment: 1 } },
    });
    // A reset also lifts the account's sign-in lockout: failures are counted since the last success.
    await tx.loginAttempt.create({
      data: { identifier: accountKey(target.id, ""), ip: "reset-by-admin", success: true },
    });
    await audit({ entity: "User", entityId: id, after: { passwordReset: true } });
    return { id };
  },
});

export const setUserActiveAction = defineAction({
  name: "user.setActive",
  schema: setUserActiveSchema,
  permission: "user:manage",
  async handler({ id, active }, { tx, user, audit }) {
    if (id === user.id) throw new UserError("Anda tidak dapat menonaktifkan akun sendiri.");
    const before = await managedUser(tx, id, user.instansiId).then((u) => ({ id: u.id, active: u.active }));
    // Deactivation ends every session; one from before it must not come back with a reactivation.
    await tx.user.update({ where: { id }, data: { active, sessionVersion: { increment: 1 } } });
    await audit({
      action: active ? "user.activate" : "user.deactivate",
      entity: "User",
      entityId: id,
      before,
      after: { id, active },
    });
    return { id };
  },
});

/**
 * Any signed-in user changes their own password: the current one is checked, the new one must pass
 * the policy. Every session of the account ends, this one included (the form signs in again).
 */
export const changeOwnPasswordAction = defineAction({
  name: "user.changeOwnPassword",
  schema: changeOwnPasswordSchema,
  permission: "account:self",
  async handler({ currentPassword, newPassword }, { tx, user, audit }) {
    const row = await tx.user.findUniqueOrThrow({
      where: { id: user.id },
      select: { passwordHash: true, email: true, nip: true },
    });
    if (!(await verifyPassword(row.passwordHash, currentPassword))) {
      throw new UserError("Kata sandi saat ini salah.", { currentPassword: "Kata sandi saat ini salah" });
    }
    const problem = passwordProblem(newPassword, row);
    if (problem) throw new UserError(problem, { newPassword: problem });
    if (await verifyPassword(row.passwordHash, newPassword)) {
      throw new UserError("Pilih kata sandi yang berbeda dari yang sekarang.", {
        newPassword: "Sama dengan kata sandi sekarang",
      });
    }
    await tx.user.update({
      where: { id: user.id },
      data: {
        passwordHash: await hashPassword(newPassword),
        mustChangePassword: false,
        passwordChangedAt: new Date(),
        sessionVersion: { increment: 1 },
      },
    });
    await audit({ entity: "User", entityId: user.id, after: { passwordChanged: true } });
    return { email: row.email };
  },
});
