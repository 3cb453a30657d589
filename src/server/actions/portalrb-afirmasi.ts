"use server";

import "server-only";
import { afirmasiDecision, portalRbCategory } from "@/domain/portalrb";
import { UserError } from "@/server/errors";
import { lockedTarget } from "@/server/lke/context";
import { defineAction } from "./define-action";
import { afirmasiSchema } from "./lke.validation";

/**
 * Whether the unit is proposed to PortalRB by affirmation ("WBK-AFIRMASI"), with its basis: ADMIN or the
 * unit's TPI, audited. PortalRB reads it on its next fetch of the unit list.
 */
export const setAfirmasiAction = defineAction({
  name: "proposal.afirmasi",
  schema: afirmasiSchema,
  permission: "proposal:afirmasi",
  target: lockedTarget,
  async handler(input, { tx, audit, target: { assessment: a } }) {
    const row = await tx.assessment.findUniqueOrThrow({
      where: { id: a.id },
      select: {
        status: true,
        afirmasi: true,
        afirmasiReason: true,
        scores: { where: { layer: "TPI" }, select: { wbkEligible: true, wbbmEligible: true } },
      },
    });
    const reason = input.afirmasi ? input.reason : "";
    const decision = afirmasiDecision(input.afirmasi, reason, portalRbCategory(row.status, row.scores[0] ?? null));
    if (!decision.allowed) throw new UserError(decision.reason, { reason: decision.reason });
    await tx.assessment.update({
      where: { id: a.id },
      data: { afirmasi: input.afirmasi, afirmasiReason: input.afirmasi ? reason : null },
    });
    await audit({
      entity: "Assessment",
      entityId: a.id,
      before: { afirmasi: row.afirmasi, afirmasiReason: row.afirmasiReason },
      after: { afirmasi: input.afirmasi, afirmasiReason: input.afirmasi ? reason : null },
    });
    return { afirmasi: input.afirmasi };
  },
});
