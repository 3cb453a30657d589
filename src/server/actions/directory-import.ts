"use server";

import "server-only";
import { z } from "zod";
import { hashPassword } from "@/server/auth/password";
import type { Tx } from "@/server/db/client";
import { planDirectoryImport, type DirectoryPlan, type UnitRef } from "@/server/directory-import/plan";
import { readDirectoryWorkbook } from "@/server/directory-import/workbook";
import { UserError } from "@/server/errors";
import { ensureAssessments } from "@/server/lke/ensure-assessments";
import { oneTimePassword } from "@/server/onboarding";
import { defineAction } from "./define-action";
import { roleAssignmentsOf } from "@/domain/roles";

const fileSchema = z.object({
  file: z.instanceof(File, { message: "Pilih berkas .xlsx" }).refine((f) => f.size > 0, "Berkas kosong"),
});

async function planOf(file: File, tx: Tx, instansiId: string) {
  return planDirectoryImport(tx, instansiId, await readDirectoryWorkbook(await file.arrayBuffer()));
}

/** Reads the workbook and shows what it would create, row by row; writes nothing but the trail. */
export const previewDirectoryImportAction = defineAction({
  name: "directory.preview",
  schema: fileSchema,
  permission: "user:manage",
  async handler({ file }, { tx, user, audit }): Promise<DirectoryPlan> {
    const plan = await planOf(file, tx, user.instansiId);
    await audit({
      entity: "Instansi",
      entityId: user.instansiId,
      after: { file: file.name, units: plan.units.length, users: plan.users.length, problems: plan.problems },
    });
    return plan;
  },
});

export interface ImportedUser {
  name: string;
  email: string;
  password: string;
}

/**
 * Creates every unit and user of the workbook in one transaction, or nothing: the file is read and
 * checked again here (the preview may be stale). Each new user gets a one-time password, shown once.
 */
export const importDirectoryAction = defineAction({
  name: "directory.import",
  schema: fileSchema,
  permission: "user:manage",
  async handler({ file }, ctx): Promise<{ units: number; users: ImportedUser[] }> {
    const { tx, user, audit } = ctx;
    const plan = await planOf(file, tx, user.instansiId);
    if (plan.problems > 0) {
      throw new UserError(
        `Impor dibatalkan: ${plan.problems} baris bermasalah. Perbaiki berkas lalu pratinjau lagi; tidak ada yang disimpan.`,
      );
    }
    const created = new Map<string, string>();
    const idOf = (ref: UnitRef) => ("existing" in ref ? ref.existing : created.get(ref.created)!);
    // Parents before children: a unit waits until the unit it sits under exists.
    const pending = plan.units.map((u) => u.data!);
    while (pending.length > 0) {
      const i = pending.findIndex((u) => !u.parent || "existing" in u.parent || created.has(u.parent.created));
      const u = pending.splice(i, 1)[0];
      const row = await tx.unit.create({
        data: {
          instansiId: user.instansiId,
          name: u.name,
          shortName: u.shortName,
          type: u.type,
          parentId: u.parent ? idOf(u.parent) : null,
          headName: u.headName,
          headNip: u.headNip,
          proposedForZi: u.proposedForZi,
          selectionCriteria: u.selectionCriteria,
        },
      });
      created.set(u.shortName.trim().toLowerCase().replace(/\s+/g, " "), row.id);
      await audit({
        action: "unit.create",
        entity: "Unit",
        entityId: row.id,
        after: { ...row, via: `impor ${file.name}` },
      });
    }
    if (created.size > 0)
      await ensureAssessments(tx, audit, { instansiId: user.instansiId, unitIds: [...created.values()] });

    const users: ImportedUser[] = [];
    for (const u of plan.users.map((r) => r.data!)) {
      const password = oneTimePassword();
      const unitId = u.unit ? idOf(u.unit) : null;
      const roles = roleAssignmentsOf(u.roles, u.tpiUnits.map(idOf), unitId);
      const row = await tx.user.create({
        data: {
          instansiId: user.instansiId,
          name: u.name,
          nip: u.nip,
          email: u.email,
          unitId,
          active: true,
          passwordHash: await hashPassword(password),
          mustChangePassword: true,
          roles: { create: roles },
        },
        include: { roles: { select: { role: true, unitId: true } } },
      });
      await audit({
        action: "user.create",
        entity: "User",
        entityId: row.id,
        after: { ...row, via: `impor ${file.name}` },
      });
      users.push({ name: u.name, email: u.email, password });
    }
    await audit({
      entity: "Instansi",
      entityId: user.instansiId,
      after: { file: file.name, units: created.size, users: users.length },
    });
    return { units: created.size, users };
  },
});
