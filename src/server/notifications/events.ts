/** The review chain's moves as notification events (the one place an action's move maps to a kind). */
import type { ChainAction } from "@/domain/review";
import type { Tx } from "@/server/db/client";
import type { LoadedAssessment } from "@/server/lke/context";
import { notifyEvent } from "./notify";

export async function notifyChainMove(
  tx: Tx,
  action: ChainAction,
  a: LoadedAssessment,
  extra: { returnNote?: string | null },
): Promise<void> {
  const base = { assessmentId: a.id, unitName: a.unit.name, year: a.periode.year };
  switch (action) {
    case "submit":
      await notifyEvent(tx, { kind: "LKE_SUBMITTED", ...base }, a.unit);
      return;
    case "return": {
      const rows = await tx.answer.findMany({
        where: { assessmentId: a.id, layer: "SELF", reviewStatus: "RETURNED" },
        select: { returnReason: true, question: { select: { code: true } } },
      });
      const order = new Map(a.catalogue.questions.map((q, i) => [q.id, i]));
      const returned = rows
        .map((r) => ({ code: r.question.code, reason: r.returnReason }))
        .sort((x, y) => (order.get(x.code) ?? 0) - (order.get(y.code) ?? 0));
      await notifyEvent(tx, { kind: "LKE_RETURNED", ...base, returned }, a.unit);
      return;
    }
    case "finalize":
      await notifyEvent(tx, { kind: "LKE_FINALIZED", ...base }, a.unit);
      return;
    case "approve":
      await notifyEvent(tx, { kind: "LKE_APPROVED", ...base }, a.unit);
      return;
    case "sendBack":
      await notifyEvent(tx, { kind: "LKE_SENT_BACK", ...base, reason: extra.returnNote ?? "" }, a.unit);
      return;
    case "startReview":
      return;
  }
}
