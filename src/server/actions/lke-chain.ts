"use server";

import { transition, type ChainAction } from "@/domain/review";
import { isoFromDate, todayIso, dateFromIso } from "@/server/dates";
import { UserError } from "@/server/errors";
import { afterChange, chainFacts, lockedTarget, type LockedTarget } from "@/server/lke/context";
import { defineAction, type ActionContext } from "./define-action";
import { assessmentIdSchema, reopenSchema, sendBackSchema } from "./lke.validation";


/** Moves the assessment along the review chain if the domain rules allow it; audited. */
async function move(action: ChainAction, ctx: ActionContext<LockedTarget>, extra: { returnNote?: string | null } = {}) {
  const { tx, audit } = ctx;
  const a = ctx.target.assessment;
  const facts = await chainFacts(tx, a, action === "finalize" ? "TPI" : "SELF");
  const result = transition(a.status, action, facts);
  if (!result.ok) throw new UserError(result.reason, undefined, result.missing ? { missing: result.missing } : undefined);
  const now = new Date();
  const after = await tx.assessment.update({
    where: { id: a.id },
    data: {
      status: result.next,
      // A pimpinan's send-back note is settled once the LKE moves on again.
      ...(action === "submit" ? { submittedAt: now, returnNote: null } : {}),
      ...(action === "return" ? { revisionRound: { increment: 1 }, returnNote: null } : {}),
      ...(action === "finalize" ? { finalizedAt: now, returnNote: null } : {}),
      ...(action === "approve" ? { approvedAt: now, returnNote: null } : {}),
      ...("returnNote" in extra ? { returnNote: extra.returnNote } : {}),
    },
  });
  await audit({
    entity: "Assessment",
    entityId: a.id,
    before: { status: a.status, revisionRound: a.revisionRound, returnNote: a.returnNote },
    after: { status: after.status, revisionRound: after.revisionRound, returnNote: after.returnNote },
  });
  await afterChange(tx, a.id);
  return { status: after.status };
}

/** KEPALA_OPD submits the unit's LKE to the TPI (everything answered, with catatan, and hasil filled). */
export const submitAssessmentAction = defineAction({
  name: "assessment.submit",
  schema: assessmentIdSchema,
  permission: "assessment:submit",
  target: lockedTarget,
  handler: (_input, ctx) => move("submit", ctx),
});

/** The TPI returns the questions it marked to the unit for revision. */
export const returnAssessmentAction = defineAction({
  name: "assessment.return",
  schema: assessmentIdSchema,
  permission: "review:write",
  target: lockedTarget,
  handler: (_input, ctx) => move("return", ctx),
});

/** The TPI finalises its assessment (every question reviewed, TPI hasil set). */
export const finalizeAssessmentAction = defineAction({
  name: "assessment.finalize",
  schema: assessmentIdSchema,
  permission: "assessment:finalize",
  target: lockedTarget,
  handler: (_input, ctx) => move("finalize", ctx),
});

/** PIMPINAN approves proposing the unit to KemenPANRB through PMPZI. */
export const approveAssessmentAction = defineAction({
  name: "assessment.approve",
  schema: assessmentIdSchema,
  permission: "assessment:approve",
  target: lockedTarget,
  handler: (_input, ctx) => move("approve", ctx),
});

/** PIMPINAN sends the assessment back to the TPI with a reason. */
export const sendBackAssessmentAction = defineAction({
  name: "assessment.sendBack",
  schema: sendBackSchema,
  permission: "assessment:approve",
  target: lockedTarget,
  handler: ({ reason }, ctx) => move("sendBack", ctx, { returnNote: reason }),
});

/** ADMIN reopens (or closes again) a unit's answers outside the fill window. */
export const reopenAssessmentAction = defineAction({
  name: "assessment.reopen",
  schema: reopenSchema,
  permission: "assessment:reopen",
  target: lockedTarget,
  async handler({ until, reason }, { tx, audit, target: { assessment: a } }) {
    if (until && until < todayIso()) throw new UserError("Tanggal batas harus hari ini atau sesudahnya.", { until: "Pilih hari ini atau sesudahnya" });
    if (until && !until.startsWith(String(a.periode.year))) throw new UserError(`Tanggal batas harus di tahun ${a.periode.year}.`, { until: `Pilih tanggal di tahun ${a.periode.year}` });
    const after = await tx.assessment.update({
      where: { id: a.id },
      data: { reopenedUntil: until ? dateFromIso(until) : null, reopenReason: until ? reason : null },
    });
    await audit({
      action: until ? "assessment.reopen" : "assessment.close",
      entity: "Assessment",
      entityId: a.id,
      before: { reopenedUntil: a.reopenedUntil && isoFromDate(a.reopenedUntil), reopenReason: a.reopenReason },
      after: { reopenedUntil: after.reopenedUntil && isoFromDate(after.reopenedUntil), reopenReason: after.reopenReason },
    });
    return { reopenedUntil: after.reopenedUntil && isoFromDate(after.reopenedUntil) };
  },
});
