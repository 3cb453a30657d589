"use server";

import "server-only";
import { hashPassword } from "@/server/auth/password";
import { UserError } from "@/server/errors";
import { createInstansiWithAdmin, oneTimePassword, SetupRefused } from "@/server/onboarding";
import { defineAction } from "./define-action";
import { createInstansiSchema, setSeparationOfDutiesSchema } from "./instansi.validation";

/** ADMIN turns the instansi's separation of duties on or off (on by default); audited like every write. */
export const setSeparationOfDutiesAction = defineAction({
  name: "instansi.separationOfDuties",
  schema: setSeparationOfDutiesSchema,
  permission: "user:manage",
  async handler({ enabled }, { tx, user, audit }) {
    const before = await tx.instansi.findUniqueOrThrow({
      where: { id: user.instansiId },
      select: { separationOfDuties: true },
    });
    await tx.instansi.update({ where: { id: user.instansiId }, data: { separationOfDuties: enabled } });
    await audit({ entity: "Instansi", entityId: user.instansiId, before, after: { separationOfDuties: enabled } });
    return { enabled };
  },
});

/**
 * A SUPERADMIN adds an instansi to the deployment with its first periode and ADMIN, as `npm run setup`
 * does; the admin's one-time password is returned once, to be handed over.
 */
export const createInstansiAction = defineAction({
  name: "instansi.create",
  schema: createInstansiSchema,
  permission: "instansi:create",
  async handler(input, { tx, user, ip, audit }) {
    const password = oneTimePassword();
    try {
      const created = await createInstansiWithAdmin(tx, input, await hashPassword(password), {
        actorId: user.id,
        via: ip,
      });
      await audit({
        entity: "Instansi",
        entityId: created.instansiId,
        after: { instansi: input.instansi, admin: input.adminEmail, periode: created.year },
      });
      return { instansiId: created.instansiId, adminEmail: input.adminEmail, password };
    } catch (e) {
      if (e instanceof SetupRefused) throw new UserError(e.message, e.field ? { [e.field]: e.message } : undefined);
      throw e;
    }
  },
});
