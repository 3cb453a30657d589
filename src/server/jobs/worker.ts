/**
 * The in-process worker `npm start` runs next to the web server: every JOB_POLL_MS it queues today's
 * reminder run (once per day, by its key) and runs the due jobs. Several app processes may each run
 * one: the queue hands each job to one of them.
 */
import { DIGEST_JOB, scheduleDigests, sendDigest } from "@/server/notifications/digest";
import { sendNotificationEmail } from "@/server/notifications/email";
import { EMAIL_JOB } from "@/server/notifications/notify";
import { REMINDER_JOB, runReminders, scheduleDailyReminders } from "@/server/notifications/reminders";
import type { Db } from "@/server/lke/context";
import { runDueJobs, type JobHandler } from "./queue";

export const JOB_HANDLERS: Record<string, JobHandler> = {
  [EMAIL_JOB]: sendNotificationEmail,
  [DIGEST_JOB]: sendDigest,
  [REMINDER_JOB]: async (payload, db) => {
    await runReminders(db, String(payload.date));
    await scheduleDigests(db, String(payload.date));
  },
};

/** One pass: schedule today's reminders, then run what is due. */
export async function workOnce(db: Db): Promise<{ done: number; failed: number }> {
  await scheduleDailyReminders(db);
  return runDueJobs(db, JOB_HANDLERS);
}

export function startWorker(db: Db, intervalMs = Number(process.env.JOB_POLL_MS ?? 30_000)): { stop(): Promise<void> } {
  let running: Promise<unknown> | null = null;
  const tick = () => {
    if (running) return;
    running = workOnce(db)
      .catch((e) => console.error("[antrean]", e))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, intervalMs);
  tick();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
