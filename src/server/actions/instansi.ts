"use server";

import "server-only";
import { defineAction } from "./define-action";
import { setSeparationOfDutiesSchema } from "./instansi.validation";

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
