"use server";

import "server-only";
import type { ChainAction } from "@/domain/review";
import { isoFromDate, todayIso, dateFromIso } from "@/server/dates";
import { UserError } from "@/server/errors";
import { afterChange, lockedTarget, type LockedTarget } from "@/server/lke/context";
import { requireCapability } from "@/server/lke/policy";
import { notifyChainMove } from "@/server/notifications/events";
import { notifyEvent } from "@/server/notifications/notify";
import { archiveStageOneLhe } from "@/server/reports/pdf";
import { defineAction, type ActionContext } from "./define-action";
import { assessmentIdSchema, reopenSchema, sendBackSchema } from "./lke.validation";

/** Moves the assessment along the review chain if the assessment policy allows it; audited. */
async function move(
  action: Exclude<ChainAction, "startReview">,
  ctx: ActionContext<LockedTarget>,
  extra: { returnNote?: string | null } = {},
) {
  const { tx, audit, user } = ctx;
  const a = ctx.target.assessment;
  const decision = (await requireCapability(tx, user, a, action)).capabilities[action];
  if (!decision.allowed || !decision.next) throw new Error(`policy allowed ${action} without a next status`);
  const now = new Date();
  const after = await tx.assessment.update({
    where: { id: a.id },
    data: {
      status: decision.next,
      // A pimpinan's send-back note is settled once the LKE moves on again.
      ...(action === "submit" ? { submittedAt: now, returnNote: null } : {}),
      ...(action === "return" ? { revisionRound: { increment: 1 }, returnNote: null } : {}),
      ...(action === "finalize" ? { finalizedAt: now, finalizedById: user.id, returnNote: null } : {}),
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
  if (action === "return") {
    // The stage I LHE handed over with the return stays as it is now, whatever the unit revises next.
    const archived = await archiveStageOneLhe(tx, user, a.id, now);
    if (archived)
      await audit({
        action: "report.lhe.archive",
        entity: "LheArchive",
        entityId: archived.id,
        after: { assessmentId: a.id, stage: 1, total: archived.total, size: archived.size },
      });
  }
  await notifyChainMove(tx, action, a, extra);
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
  async handler({ until, reason }, { tx, user, audit, target: { assessment: a } }) {
    await requireCapability(tx, user, a, "reopen");
    if (until && until < todayIso())
      throw new UserError("Tanggal batas harus hari ini atau sesudahnya.", { until: "Pilih hari ini atau sesudahnya" });
    if (until && !until.startsWith(String(a.periode.year)))
      throw new UserError(`Tanggal batas harus di tahun ${a.periode.year}.`, {
        until: `Pilih tanggal di tahun ${a.periode.year}`,
      });
    const after = await tx.assessment.update({
      where: { id: a.id },
      data: { reopenedUntil: until ? dateFromIso(until) : null, reopenReason: until ? reason : null },
    });
    await audit({
      action: until ? "assessment.reopen" : "assessment.close",
      entity: "Assessment",
      entityId: a.id,
      before: { reopenedUntil: a.reopenedUntil && isoFromDate(a.reopenedUntil), reopenReason: a.reopenReason },
      after: {
        reopenedUntil: after.reopenedUntil && isoFromDate(after.reopenedUntil),
        reopenReason: after.reopenReason,
      },
    });
    if (until) {
      await notifyEvent(
        tx,
        { kind: "LKE_REOPENED", assessmentId: a.id, unitName: a.unit.name, year: a.periode.year, until, reason },
        a.unit,
      );
    }
    return { reopenedUntil: after.reopenedUntil && isoFromDate(after.reopenedUntil) };
  },
});
