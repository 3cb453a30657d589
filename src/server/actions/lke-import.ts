"use server";

import "server-only";
import { UserError, ForbiddenError } from "@/server/errors";
import { afterChange, lockedTarget } from "@/server/lke/context";
import { saveHasil } from "@/server/lke/hasil";
import { writeSelfAnswer } from "@/server/lke/self-answer";
import { importPolicy, onBehalfOf } from "@/server/lke-xlsx/app";
import { defineAction } from "./define-action";
import { importLkeSchema } from "./lke.validation";

/**
 * Applies a previewed workbook import to the unit's SELF layer in one transaction: each answer through the
 * same save as the one-question form (validation, policy, version check), one audit entry per answer. Any
 * refusal or a version that moved since the preview rolls the whole import back.
 */
export const importLkeAnswersAction = defineAction({
  name: "lke.import",
  schema: importLkeSchema,
  permission: "lke:import",
  target: lockedTarget,
  async handler(input, { tx, user, audit, target: { assessment: a } }) {
    const access = await importPolicy(tx, user, a);
    if (!access) throw new ForbiddenError("Anda tidak berwenang mengimpor jawaban untuk unit ini.");
    if (input.changes.length === 0 && !input.hasil) throw new UserError("Tidak ada perubahan untuk diterapkan.");
    const note = { sumber: `impor ${input.fileName}`, ...(access.onBehalf ? { atasNama: "unit (oleh admin)" } : {}) };
    const provenance = { source: "impor", file: input.fileName, by: user.name, at: new Date().toISOString() };
    for (const change of input.changes) {
      await writeSelfAnswer(change, {
        tx,
        user,
        assessment: a,
        policy: async () => access.policy,
        audit: (e) => audit({ ...e, action: "answer.import" }),
        auditNote: note,
        provenance,
      });
    }
    if (input.hasil) {
      const current = await tx.hasilInput.findUnique({
        where: { assessmentId_layer: { assessmentId: a.id, layer: "SELF" } },
        select: { catatan: true },
      });
      await saveHasil({ assessmentId: a.id, ...input.hasil, catatan: current?.catatan ?? "" }, "SELF", {
        tx,
        user: access.onBehalf ? onBehalfOf(user, a.unit.id) : user,
        audit: (e) => audit({ ...e, action: "hasil.import", after: { ...(e.after as object), ...note } }),
        target: { assessment: a },
      });
    } else {
      await afterChange(tx, a.id);
    }
    return { applied: input.changes.length, hasil: !!input.hasil };
  },
});
