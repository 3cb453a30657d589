import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/generated/prisma/client";
import { auditSnapshot } from "@/server/audit";
import type { Tx } from "@/server/db/client";
import { recomputeAssessmentScores } from "@/server/scoring/recompute";

/**
 * Steps that need the app's TypeScript (the scoring engine) rather than SQL. Each runs once, after the SQL
 * migrations, and is recorded in the same `_prisma_migrations` table under its name.
 */
interface DataMigration {
  name: string;
  run(tx: Tx): Promise<void>;
}

const RESCORE_REASON =
  "Nilai dihitung ulang: jawaban A–D kini bernilai 1 / 0,67 / 0,33 / 0 sesuai rumus LKE Lampiran III dan multiplier PortalRB 2026 (sebelumnya 1 / ⅔ / ⅓ / 0).";

export const DATA_MIGRATIONS: DataMigration[] = [
  {
    name: "20261202080001_data_rescore_official_option_values",
    async run(tx) {
      const assessments = await tx.assessment.findMany({
        select: {
          id: true,
          unit: { select: { instansiId: true } },
          scores: { select: { layer: true, total: true, wbkEligible: true, wbbmEligible: true } },
        },
        orderBy: { id: "asc" },
      });
      for (const a of assessments) {
        const before = Object.fromEntries(
          a.scores.map((s) => [s.layer, { total: s.total, wbk: s.wbkEligible, wbbm: s.wbbmEligible }]),
        );
        const result = await recomputeAssessmentScores(tx, a.id);
        const after = Object.fromEntries(
          (["SELF", "TPI"] as const).map((layer) => [
            layer,
            { total: result[layer].total, wbk: result[layer].wbk.eligible, wbbm: result[layer].wbbm.eligible },
          ]),
        );
        await tx.auditLog.create({
          data: {
            instansiId: a.unit.instansiId,
            action: "score.recompute",
            entity: "Assessment",
            entityId: a.id,
            before: auditSnapshot({ scores: before }) ?? undefined,
            after: auditSnapshot({ scores: after, reason: RESCORE_REASON }) ?? undefined,
          },
        });
      }
    },
  },
];

/**
 * Runs the data steps not yet recorded, each in one transaction together with its record; a transaction
 * advisory lock keeps two starting app processes from running a step twice. Returns the names applied.
 */
export async function runDataMigrations(prisma: PrismaClient, steps = DATA_MIGRATIONS): Promise<string[]> {
  const done: string[] = [];
  for (const step of steps) {
    const ran = await prisma.$transaction(
      async (tx) => {
        await tx.$queryRawUnsafe("SELECT pg_advisory_xact_lock(72312)::text AS locked");
        const seen = await tx.$queryRawUnsafe<unknown[]>(
          `SELECT 1 FROM "_prisma_migrations" WHERE migration_name = $1 AND finished_at IS NOT NULL`,
          step.name,
        );
        if (seen.length > 0) return false;
        await step.run(tx);
        await tx.$executeRawUnsafe(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count) VALUES ($1, 'data-step', $2, now(), 1)`,
          randomUUID(),
          step.name,
        );
        return true;
      },
      { timeout: 30 * 60_000, maxWait: 60_000 },
    );
    if (ran) done.push(step.name);
  }
  return done;
}
