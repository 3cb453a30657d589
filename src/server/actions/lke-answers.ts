"use server";

import { isRevision, selfAnswerDecision } from "@/domain/assessment-policy";
import { countWarningCatatanProblem } from "@/domain/scoring/answers";
import { validateAnswer, validateHasil } from "@/domain/scoring/validate";
import type { Tx } from "@/server/db/client";
import { ConflictError, UserError } from "@/server/errors";
import { answerColumns, answerSnapshot, conflict } from "@/server/lke/answers";
import { afterChange, lockedTarget, questionOf, sharedTarget, questionRowId, startReviewIfSubmitted, type LoadedAssessment } from "@/server/lke/context";
import { loadPolicy, requireAllowed, requireCapability } from "@/server/lke/policy";
import type { Principal } from "@/server/authz";
import { defineAction, isUniqueViolation } from "./define-action";
import { saveSelfAnswerSchema, saveSelfHasilSchema, saveTpiHasilSchema } from "./lke.validation";


/** The unit (OPERATOR_OPD) saves its own answer to one question. */
export const saveSelfAnswerAction = defineAction({
  name: "answer.save",
  schema: saveSelfAnswerSchema,
  permission: "answer:write",
  // Saves share the LKE's lock: only the score refresh at the end (afterChange) runs one at a time.
  target: sharedTarget,
  async handler(input, { tx, user, audit, target: { assessment: a } }) {
    const question = questionOf(a.catalogue, input.questionCode);
    const checked = validateAnswer(a.catalogue, input.questionCode, input.value);
    if (!checked.ok) throw new UserError(`Jawaban tidak sah: ${checked.message}`, { value: checked.message });
    // Counts the catalogue calls unlikely (15 complaints done out of 10 due) need a catatan that explains them.
    const unexplained = countWarningCatatanProblem(question, checked.value, input.catatan);
    if (unexplained) throw new UserError(unexplained, { catatan: unexplained });
    const questionId = await questionRowId(tx, a.catalogue.id, input.questionCode);
    const key = { assessmentId: a.id, questionId, layer: "SELF" as const };
    const existing = await tx.answer.findUnique({ where: { assessmentId_questionId_layer: key } });
    requireAllowed(selfAnswerDecision(await loadPolicy(tx, user, a), existing?.reviewStatus ?? "PENDING"));

    const data = { ...answerColumns(checked.value), catatan: input.catatan, updatedById: user.id };
    let row;
    if (!existing) {
      if (input.version !== 0) await conflict(tx, key);
      // Two first saves of one question can now race: the loser's insert does nothing (instead of
      // aborting the transaction) and it gets the winner's value as a conflict.
      const created = await tx.answer.createMany({ data: [{ ...key, ...data }], skipDuplicates: true });
      if (created.count === 0) await conflict(tx, key);
      row = await tx.answer.findUniqueOrThrow({ where: { assessmentId_questionId_layer: key } });
    } else {
      // A revision of a returned question counts, and the question goes back to the TPI.
      const revising = isRevision(a.status, existing.reviewStatus);
      const updated = await tx.answer.updateMany({
        where: { id: existing.id, version: input.version },
        data: {
          ...data,
          version: { increment: 1 },
          ...(revising ? { reviewStatus: "REVISED" as const, revisionCount: { increment: 1 } } : {}),
        },
      });
      if (updated.count === 0) await conflict(tx, key);
      row = await tx.answer.findUniqueOrThrow({ where: { id: existing.id } });
    }
    await audit({ entity: "Answer", entityId: row.id, before: answerSnapshot(existing, input.questionCode, "SELF"), after: answerSnapshot(row, input.questionCode, "SELF") });
    const scores = await afterChange(tx, a.id);
    return { version: row.version, reviewStatus: row.reviewStatus, revisionCount: row.revisionCount, scores };
  },
});

async function saveHasil(
  input: { assessmentId: string; ipak: number | null; ipkp: number | null; capaianKinerja: string | null; catatan: string; version: number },
  layer: "SELF" | "TPI",
  ctx: { tx: Tx; user: Principal; audit: (e: { entity: string; entityId: string; before?: unknown; after?: unknown }) => Promise<void>; target: { assessment: LoadedAssessment } },
) {
  const { tx, user, audit } = ctx;
  const a = ctx.target.assessment;
  await requireCapability(tx, user, a, layer === "SELF" ? "writeSelfHasil" : "review");
  const checked = validateHasil(a.catalogue, { ipak: input.ipak, ipkp: input.ipkp, capaianKinerja: input.capaianKinerja });
  if (!checked.ok) throw new UserError(checked.message, { [checked.field.replace(/^hasil\./, "")]: checked.message });
  const key = { assessmentId: a.id, layer };
  const existing = await tx.hasilInput.findUnique({ where: { assessmentId_layer: key } });
  const data = { ipak: input.ipak, ipkp: input.ipkp, capaianKinerja: input.capaianKinerja, catatan: input.catatan, updatedById: user.id };
  let row;
  const clash = () => {
    throw new ConflictError("Nilai hasil baru saja diubah oleh pengguna lain. Muat ulang untuk melihat nilai terbaru.", null);
  };
  if (!existing) {
    if (input.version !== 0) clash();
    row = await tx.hasilInput.create({ data: { ...key, ...data } }).catch((e) => (isUniqueViolation(e) ? clash() : Promise.reject(e)));
  } else {
    const updated = await tx.hasilInput.updateMany({ where: { id: existing.id, version: input.version }, data: { ...data, version: { increment: 1 } } });
    if (updated.count === 0) clash();
    row = await tx.hasilInput.findUniqueOrThrow({ where: { id: existing.id } });
  }
  if (layer === "TPI") await startReviewIfSubmitted(tx, a, audit);
  await audit({ entity: "HasilInput", entityId: row!.id, before: existing, after: row });
  const scores = await afterChange(tx, a.id);
  return { version: row!.version, scores };
}

/** The unit enters its IPAK, IPKP and capaian kinerja. */
export const saveSelfHasilAction = defineAction({
  name: "hasil.save",
  schema: saveSelfHasilSchema,
  permission: "answer:write",
  target: lockedTarget,
  handler: (input, ctx) => saveHasil(input, "SELF", ctx),
});

/** The TPI sets its own hasil values, with a note. */
export const saveTpiHasilAction = defineAction({
  name: "hasil.review",
  schema: saveTpiHasilSchema,
  permission: "review:write",
  target: lockedTarget,
  handler: (input, ctx) => saveHasil(input, "TPI", ctx),
});
