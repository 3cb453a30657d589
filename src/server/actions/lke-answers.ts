"use server";

import { isRevision, selfAnswerDecision } from "@/domain/assessment-policy";
import { countWarningCatatanProblem } from "@/domain/scoring/answers";
import { validateAnswer } from "@/domain/scoring/validate";
import { UserError } from "@/server/errors";
import { answerColumns, answerSnapshot, conflict } from "@/server/lke/answers";
import { afterChange, lockedTarget, questionOf, questionRowId, sharedTarget } from "@/server/lke/context";
import { loadPolicy, requireAllowed } from "@/server/lke/policy";
import { defineAction } from "./define-action";
import { saveSelfAnswerSchema, saveSelfHasilSchema, saveTpiHasilSchema } from "./lke.validation";
import { saveHasil } from "@/server/lke/hasil";

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
