"use server";

import "server-only";
import { UserError } from "@/server/errors";
import { assertCan } from "@/server/authz";
import { lockAssessment, loadAssessment, targetOf } from "@/server/lke/context";
import { saveHasil } from "@/server/lke/hasil";
import { hasilWriter } from "@/server/lke-xlsx/hasil-import";
import { defineAction } from "./define-action";
import { importHasilSchema } from "./lke.validation";

/**
 * Applies a previewed bulk hasil import in one transaction: each unit's hasil through the same save as the
 * form (policy, version check, audit, rescoring), the survey indices the file gave marked with their
 * provenance. One refused row rolls every row back.
 */
export const importHasilAction = defineAction({
  name: "hasil.import",
  schema: importHasilSchema,
  permission: "hasil:import",
  // The rows span units: the chain checks the first row's unit (a TPI's scope is its units, never the
  // instansi as such), the handler each row's.
  target: async ({ rows }, { tx }) => targetOf(await loadAssessment(tx, rows[0].assessmentId)),
  async handler(input, { tx, user, audit }) {
    const at = new Date();
    const provenance = `impor ${input.fileName}, ${user.name}, ${at.toLocaleString("id-ID", { timeZone: "Asia/Jakarta" })}`;
    const seen = new Set<string>();
    for (const row of input.rows) {
      if (seen.has(row.assessmentId)) throw new UserError("Satu unit muncul lebih dari sekali.");
      seen.add(row.assessmentId);
      await lockAssessment(tx, row.assessmentId);
      const a = await loadAssessment(tx, row.assessmentId);
      assertCan(user, "hasil:import", targetOf(a));
      const { principal, reason } = await hasilWriter(tx, user, a, input.layer);
      if (reason) throw new UserError(`${a.unit.name}: ${reason}`);
      const existing = await tx.hasilInput.findUnique({
        where: { assessmentId_layer: { assessmentId: a.id, layer: input.layer } },
      });
      const source = (field: "ipak" | "ipkp") =>
        row.fromFile[field]
          ? { kind: "impor", label: provenance, file: input.fileName, by: user.name, at: at.toISOString() }
          : ((existing?.[`${field}Source`] as object | null) ?? null);
      await saveHasil(
        {
          assessmentId: a.id,
          ipak: row.ipak,
          ipkp: row.ipkp,
          capaianKinerja: row.capaianKinerja,
          catatan: existing?.catatan?.trim() || `Nilai hasil dari ${provenance}.`,
          version: row.version,
        },
        input.layer,
        {
          tx,
          user: principal,
          audit: (e) => audit({ ...e, after: { ...(e.after as object), sumber: provenance } }),
          target: { assessment: a },
        },
        { ipak: source("ipak"), ipkp: source("ipkp") },
      );
    }
    return { applied: input.rows.length };
  },
});
