/**
 * Saving the unit's answer to one question: shared by the one-question save and the workbook import, so
 * both pass the same validation, policy check, version check and audit. The caller refreshes the scores
 * (afterChange) once, after its last answer.
 */
import { Prisma } from "@/generated/prisma/client";
import { isRevision, selfAnswerDecision, type AssessmentPolicy } from "@/domain/assessment-policy";
import { countWarningCatatanProblem } from "@/domain/scoring/answers";
import { validateAnswer } from "@/domain/scoring/validate";
import type { Principal } from "@/server/authz";
import type { Tx } from "@/server/db/client";
import { UserError } from "@/server/errors";
import { answerColumns, answerSnapshot, conflict } from "./answers";
import { questionOf, questionRowId, type LoadedAssessment } from "./context";
import { requireAllowed } from "./policy";

export interface SelfAnswerInput {
  questionCode: string;
  value: unknown;
  catatan: string;
  /** The version the writer read (0 = no answer yet). */
  version: number;
  /** Evidence text and links named by an imported workbook; absent = left as stored. */
  evidenceText?: string;
  evidenceLinks?: string[];
}

export interface SelfAnswerContext {
  tx: Tx;
  user: Principal;
  assessment: LoadedAssessment;
  /** The writer's policy on this LKE (loaded once by the caller). */
  policy: () => Promise<AssessmentPolicy>;
  audit: (entry: {
    entity: string;
    entityId: string;
    before?: unknown;
    after?: unknown;
    action?: string;
  }) => Promise<void>;
  /** Added to the audit entry's "after" (e.g. that an ADMIN acted on the unit's behalf). */
  auditNote?: Record<string, unknown>;
  /** Where a value the app filled came from (an import, the complaints); a value typed by hand has none. */
  provenance?: Record<string, unknown> | null;
}

export async function writeSelfAnswer(input: SelfAnswerInput, ctx: SelfAnswerContext) {
  const { tx, user, assessment: a } = ctx;
  const question = questionOf(a.catalogue, input.questionCode);
  const checked = validateAnswer(a.catalogue, input.questionCode, input.value);
  if (!checked.ok) throw new UserError(`Jawaban tidak sah: ${checked.message}`, { value: checked.message });
  // Counts the catalogue calls unlikely (15 complaints done out of 10 due) need a catatan that explains them.
  const unexplained = countWarningCatatanProblem(question, checked.value, input.catatan);
  if (unexplained) throw new UserError(unexplained, { catatan: unexplained });
  const questionId = await questionRowId(tx, a.catalogue.id, input.questionCode);
  const key = { assessmentId: a.id, questionId, layer: "SELF" as const };
  const existing = await tx.answer.findUnique({ where: { assessmentId_questionId_layer: key } });
  requireAllowed(selfAnswerDecision(await ctx.policy(), existing?.reviewStatus ?? "PENDING"));

  const provenance = ctx.provenance ?? null;
  const data = {
    ...answerColumns(checked.value),
    provenance: provenance ? (provenance as Prisma.InputJsonValue) : Prisma.DbNull,
    catatan: input.catatan,
    ...(input.evidenceText !== undefined ? { evidenceNote: input.evidenceText || null } : {}),
    ...(input.evidenceLinks !== undefined ? { evidenceLinks: input.evidenceLinks } : {}),
    updatedById: user.id,
  };
  let row;
  if (!existing) {
    if (input.version !== 0) await conflict(tx, key);
    // Two first saves of one question can race: the loser's insert does nothing (instead of
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
  const after = { ...answerSnapshot(row, input.questionCode, "SELF"), ...(provenance ? { provenance } : {}) };
  await ctx.audit({
    entity: "Answer",
    entityId: row.id,
    before: answerSnapshot(existing, input.questionCode, "SELF"),
    after: ctx.auditNote ? { ...after, ...ctx.auditNote } : after,
  });
  return { row, existing };
}
