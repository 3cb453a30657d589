/**
 * A small job queue in the database, the same on PostgreSQL and on the embedded PGlite.
 *
 * - `enqueue` inserts with ON CONFLICT DO NOTHING on `dedupeKey`: the same job is queued once, even
 *   from several processes, and inside the caller's transaction (a rolled-back action queues nothing).
 * - `claim` takes due rows with FOR UPDATE SKIP LOCKED and in the same statement pushes `runAt` ahead by
 *   a lease and counts the attempt, so two workers never take the same job and a job whose worker died
 *   (crash, restart) becomes due again when the lease ends. Nothing is held in memory.
 * - A failure is retried with exponential backoff until `maxAttempts`, then the job is FAILED with its
 *   last error; success marks it SENT.
 */
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/lke/context";

export interface NewJob {
  type: string;
  payload: Record<string, unknown>;
  dedupeKey: string;
  runAt?: Date;
  maxAttempts?: number;
}

export interface ClaimedJob {
  id: string;
  type: string;
  payload: Record<string, unknown>;
  attempts: number;
  maxAttempts: number;
}

export async function enqueue(db: Db, jobs: NewJob[]): Promise<number> {
  if (jobs.length === 0) return 0;
  const { count } = await db.job.createMany({
    data: jobs.map((j) => ({
      type: j.type,
      payload: j.payload as Prisma.InputJsonValue,
      dedupeKey: j.dedupeKey,
      runAt: j.runAt ?? new Date(),
      maxAttempts: j.maxAttempts ?? maxAttemptsDefault(),
    })),
    skipDuplicates: true,
  });
  return count;
}

export function maxAttemptsDefault(): number {
  return Number(process.env.JOB_MAX_ATTEMPTS ?? 5);
}

function backoffBaseMs(): number {
  return Number(process.env.JOB_BACKOFF_MS ?? 60_000);
}

/** 1×, 2×, 4×, 8× … the base after each failed attempt. */
export function backoffMs(attempts: number, base = backoffBaseMs()): number {
  return base * 2 ** Math.max(0, attempts - 1);
}

/** Claims up to `limit` due jobs for `leaseMs`; timestamps are the database's own (UTC), not the caller's clock. */
export async function claim(db: Db, limit: number, leaseMs = 5 * 60_000): Promise<ClaimedJob[]> {
  return db.$queryRaw<ClaimedJob[]>`
    UPDATE "Job" SET "runAt" = (now() AT TIME ZONE 'UTC') + make_interval(secs => ${leaseMs / 1000}::float8), "attempts" = "attempts" + 1
    WHERE id IN (
      SELECT id FROM "Job"
      WHERE status = 'PENDING' AND "runAt" <= (now() AT TIME ZONE 'UTC')
      ORDER BY "runAt"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id, type, payload, attempts, "maxAttempts"`;
}

export async function complete(db: Db, id: string): Promise<void> {
  await db.job.update({ where: { id }, data: { status: "SENT", finishedAt: new Date(), lastError: null } });
}

export async function fail(db: Db, job: ClaimedJob, error: unknown): Promise<"retry" | "failed"> {
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
  if (job.attempts >= job.maxAttempts) {
    await db.job.update({
      where: { id: job.id },
      data: { status: "FAILED", lastError: message, finishedAt: new Date() },
    });
    return "failed";
  }
  await db.job.update({
    where: { id: job.id },
    data: { lastError: message, runAt: new Date(Date.now() + backoffMs(job.attempts)) },
  });
  return "retry";
}

export type JobHandler = (payload: Record<string, unknown>, db: Db) => Promise<void>;

/** Runs the due jobs once; returns how many succeeded and failed. Unknown types fail (and end FAILED). */
export async function runDueJobs(
  db: Db,
  handlers: Record<string, JobHandler>,
  limit = 20,
): Promise<{ done: number; failed: number }> {
  const jobs = await claim(db, limit);
  let done = 0;
  let failed = 0;
  for (const job of jobs) {
    try {
      const handler = handlers[job.type];
      if (!handler) throw new Error(`Jenis tugas tidak dikenal: ${job.type}`);
      await handler(job.payload, db);
      await complete(db, job.id);
      done++;
    } catch (e) {
      await fail(db, job, e);
      failed++;
    }
  }
  return { done, failed };
}
