import type { Tx } from "@/server/db/client";
import type { ActionContext } from "@/server/actions/define-action";
import { recomputeAssessmentScores } from "@/server/scoring/recompute";

/**
 * Every active unit proposed for ZI has an LKE in every period that is not closed: when a period is
 * created, and when a unit is proposed (or reactivated) after its period was created.
 */
export async function ensureAssessments(
  tx: Tx,
  audit: ActionContext["audit"],
  where: { instansiId: string; unitIds?: string[]; periodeId?: string },
) {
  const [units, periodes] = await Promise.all([
    tx.unit.findMany({
      where: {
        instansiId: where.instansiId,
        proposedForZi: true,
        active: true,
        ...(where.unitIds ? { id: { in: where.unitIds } } : {}),
      },
      select: { id: true },
    }),
    tx.periode.findMany({
      where: {
        instansiId: where.instansiId,
        status: { not: "DITUTUP" },
        ...(where.periodeId ? { id: where.periodeId } : {}),
      },
      select: { id: true },
    }),
  ]);
  const existing = await tx.assessment.findMany({
    where: { unitId: { in: units.map((u) => u.id) }, periodeId: { in: periodes.map((p) => p.id) } },
    select: { unitId: true, periodeId: true },
  });
  const have = new Set(existing.map((e) => `${e.unitId}:${e.periodeId}`));
  const created: string[] = [];
  for (const p of periodes) {
    for (const u of units) {
      if (have.has(`${u.id}:${p.id}`)) continue;
      const a = await tx.assessment.create({ data: { unitId: u.id, periodeId: p.id } });
      await recomputeAssessmentScores(tx, a.id);
      await audit({
        action: "assessment.create",
        entity: "Assessment",
        entityId: a.id,
        after: { unitId: u.id, periodeId: p.id, status: a.status },
      });
      created.push(a.id);
    }
  }
  return created;
}
