"use server";

import "server-only";
import type { Permission } from "@/server/authz";
import { ForbiddenError, NotFoundError } from "@/server/errors";
import { afterChange, lockAssessment } from "@/server/lke/context";
import { requireAllowed } from "@/server/lke/policy";
import { canOnOwner, evidenceOwner, evidenceWriteDecision } from "@/server/evidence/owners";
import { defineAction } from "./define-action";
import { deleteEvidenceSchema } from "./lke.validation";

/**
 * Soft-deletes an evidence file: the bytes and the row stay for the audit trail. One action per
 * kind of owner, each with the owner's write permission.
 */
const softDelete = (permission: Permission) =>
  defineAction({
    name: "evidence.delete",
    schema: deleteEvidenceSchema,
    permission,
    async target({ evidenceId }, { tx, user }) {
      const evidence = await tx.evidence.findFirst({ where: { id: evidenceId, deletedAt: null } });
      const owner = evidence && (await evidenceOwner(tx, evidence));
      if (!evidence || !owner) throw new NotFoundError("Berkas tidak ditemukan.");
      if (!canOnOwner(user, owner, owner.write)) throw new ForbiddenError();
      // Like every other LKE write, a deletion waits for the assessment's lock (it changes the stored scores).
      if (owner.assessmentId) await lockAssessment(tx, owner.assessmentId);
      return owner.targets[0];
    },
    async handler({ evidenceId }, { tx, user, audit }) {
      const evidence = await tx.evidence.findUniqueOrThrow({ where: { id: evidenceId } });
      const owner = (await evidenceOwner(tx, evidence))!;
      requireAllowed(await evidenceWriteDecision(tx, user, owner));
      const after = await tx.evidence.update({
        where: { id: evidenceId },
        data: { deletedAt: new Date(), deletedById: user.id },
      });
      await audit({
        entity: "Evidence",
        entityId: evidenceId,
        before: { deletedAt: null },
        after: { deletedAt: after.deletedAt, originalName: after.originalName },
      });
      if (owner.assessmentId) await afterChange(tx, owner.assessmentId);
      return { id: evidenceId };
    },
  });

/** Evidence of an LKE answer or hasil input. */
export const deleteEvidenceAction = softDelete("answer:write");
/** A pencanangan event's document or photo. */
export const deletePencananganDocumentAction = softDelete("pencanangan:manage");
/** Evidence of a rencana aksi item. */
export const deleteRencanaAksiEvidenceAction = softDelete("monev:write");
