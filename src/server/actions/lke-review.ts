"use server";

import "server-only";
import { REVIEW_STATUS_LABELS } from "@/domain/review";
import { countWarningCatatanProblem } from "@/domain/scoring/answers";
import { validateAnswer } from "@/domain/scoring/validate";
import type { Tx } from "@/server/db/client";
import { ConflictError, UserError } from "@/server/errors";
import { answerColumns, answerSnapshot, conflict } from "@/server/lke/answers";
import { afterChange, lockedTarget, questionOf, questionRowId, startReviewIfSubmitted } from "@/server/lke/context";
import { requireCapability } from "@/server/lke/policy";
import { defineAction, isUniqueViolation } from "./define-action";
import { acceptRemainingSchema, reviewQuestionSchema } from "./lke.validation";

/**
 * The TPI reviews one question: accepts the unit's answer, sets its own answer with a note, or
 * returns the question to the unit with a reason. The unit's own answer is never overwritten: the
 * TPI's answer lives in its own layer.
 */
export const reviewQuestionAction = defineAction({
  name: "answer.review",
  schema: reviewQuestionSchema,
  permission: "review:write",
  target: lockedTarget,
  async handler(input, { tx, user, audit, target: { assessment: a } }) {
    await requireCapability(tx, user, a, "review");
    questionOf(a.catalogue, input.questionCode);
    const questionId = await questionRowId(tx, a.catalogue.id, input.questionCode);
    const selfKey = { assessmentId: a.id, questionId, layer: "SELF" as const };
    const tpiKey = { assessmentId: a.id, questionId, layer: "TPI" as const };
    const self = await tx.answer.findUnique({ where: { assessmentId_questionId_layer: selfKey } });
    if (!self || (!self.optionLabel && !self.counts)) throw new UserError("Unit belum menjawab pertanyaan ini.");
    const tpi = await tx.answer.findUnique({ where: { assessmentId_questionId_layer: tpiKey } });
    if ((tpi?.version ?? 0) !== input.tpiVersion) await conflict(tx, tpiKey);
    // A return deletes the TPI's answer, so its version alone cannot tell a stale page: the review
    // state the TPI saw must still be the current one.
    if (self.reviewStatus !== input.seenReviewStatus) {
      throw new ConflictError(
        `Status reviu pertanyaan ini baru saja berubah menjadi "${REVIEW_STATUS_LABELS[self.reviewStatus]}". Muat ulang halaman untuk melihat keadaan terbaru.`,
        null,
      );
    }

    await startReviewIfSubmitted(tx, a, audit);

    let tpiAfter = null;
    if (input.decision === "RETURN") {
      if (tpi) await tx.answer.delete({ where: { id: tpi.id } });
    } else {
      let value;
      if (input.decision === "CHANGE") {
        const checked = validateAnswer(a.catalogue, input.questionCode, input.value);
        if (!checked.ok) throw new UserError(`Jawaban TPI tidak sah: ${checked.message}`, { value: checked.message });
        const unexplained = countWarningCatatanProblem(
          questionOf(a.catalogue, input.questionCode),
          checked.value,
          input.note,
        );
        if (unexplained) throw new UserError(unexplained, { note: unexplained });
        value = checked.value;
      } else {
        value = self.optionLabel ?? (self.counts as Record<string, number>);
      }
      const note = input.note?.trim() || "Sesuai bukti dukung.";
      const data = {
        ...answerColumns(value),
        catatan: note,
        updatedById: user.id,
        reviewStatus: input.decision === "CHANGE" ? ("CHANGED" as const) : ("ACCEPTED" as const),
      };
      tpiAfter = await upsertVersioned(tx, tpiKey, tpi?.id ?? null, input.tpiVersion, data);
    }

    const reviewStatus =
      input.decision === "ACCEPT" ? "ACCEPTED" : input.decision === "CHANGE" ? "CHANGED" : "RETURNED";
    const selfAfter = await tx.answer.update({
      where: { id: self.id },
      // The reason of an earlier return is kept in the history, not on a settled question. The unit's
      // "filled by … at …" line stays the unit's: a review does not touch when the answer was saved.
      data: {
        reviewStatus,
        returnReason: input.decision === "RETURN" ? input.reason : null,
        updatedAt: self.updatedAt,
      },
    });
    await audit({
      action: `answer.review.${input.decision.toLowerCase()}`,
      entity: "Answer",
      entityId: self.id,
      before: {
        self: answerSnapshot(self, input.questionCode, "SELF"),
        tpi: answerSnapshot(tpi, input.questionCode, "TPI"),
      },
      after: {
        self: answerSnapshot(selfAfter, input.questionCode, "SELF"),
        tpi: answerSnapshot(tpiAfter, input.questionCode, "TPI"),
      },
    });
    const scores = await afterChange(tx, a.id);
    return { reviewStatus, tpiVersion: tpiAfter?.version ?? 0, scores };
  },
});

async function upsertVersioned(
  tx: Tx,
  key: { assessmentId: string; questionId: string; layer: "TPI" },
  existingId: string | null,
  version: number,
  data: ReturnType<typeof answerColumns> & {
    catatan: string;
    updatedById: string;
    reviewStatus: "CHANGED" | "ACCEPTED";
  },
) {
  if (!existingId) {
    try {
      return await tx.answer.create({ data: { ...key, ...data } });
    } catch (e) {
      if (isUniqueViolation(e)) await conflict(tx, key);
      throw e;
    }
  }
  const updated = await tx.answer.updateMany({
    where: { id: existingId, version },
    data: { ...data, version: { increment: 1 } },
  });
  if (updated.count === 0) await conflict(tx, key);
  return tx.answer.findUniqueOrThrow({ where: { id: existingId } });
}

/**
 * The TPI accepts, in one step, every answered question of an area (or of the whole LKE) that it
 * has not reviewed yet. Each question gets its own TPI answer and its own audit entry.
 */
export const acceptRemainingAction = defineAction({
  name: "answer.review.accept",
  schema: acceptRemainingSchema,
  permission: "review:write",
  target: lockedTarget,
  async handler({ areaId }, { tx, user, audit, target: { assessment: a } }) {
    await requireCapability(tx, user, a, "review");
    const codes = new Set(a.catalogue.questions.filter((q) => !areaId || q.areaId === areaId).map((q) => q.id));
    const selves = await tx.answer.findMany({
      where: { assessmentId: a.id, layer: "SELF", reviewStatus: { in: ["PENDING", "REVISED"] } },
      include: { question: { select: { code: true } } },
    });
    const pending = selves.filter((s) => codes.has(s.question.code) && (s.optionLabel || s.counts));
    if (pending.length === 0) throw new UserError("Tidak ada jawaban yang menunggu reviu di bagian ini.");
    await startReviewIfSubmitted(tx, a, audit);
    const existingTpi = new Map(
      (
        await tx.answer.findMany({
          where: { assessmentId: a.id, layer: "TPI", questionId: { in: pending.map((p) => p.questionId) } },
        })
      ).map((t) => [t.questionId, t]),
    );
    for (const self of pending) {
      const value = self.optionLabel ?? (self.counts as Record<string, number>);
      const before = existingTpi.get(self.questionId) ?? null;
      const data = {
        ...answerColumns(value),
        catatan: "Sesuai bukti dukung.",
        updatedById: user.id,
        reviewStatus: "ACCEPTED" as const,
      };
      const tpi = before
        ? await tx.answer.update({ where: { id: before.id }, data: { ...data, version: { increment: 1 } } })
        : await tx.answer.create({ data: { assessmentId: a.id, questionId: self.questionId, layer: "TPI", ...data } });
      const selfAfter = await tx.answer.update({
        where: { id: self.id },
        data: { reviewStatus: "ACCEPTED", returnReason: null, updatedAt: self.updatedAt },
      });
      await audit({
        entity: "Answer",
        entityId: self.id,
        before: {
          self: answerSnapshot(self, self.question.code, "SELF"),
          tpi: answerSnapshot(before, self.question.code, "TPI"),
        },
        after: {
          self: answerSnapshot(selfAfter, self.question.code, "SELF"),
          tpi: answerSnapshot(tpi, self.question.code, "TPI"),
        },
      });
    }
    const scores = await afterChange(tx, a.id);
    return { accepted: pending.length, scores };
  },
});
