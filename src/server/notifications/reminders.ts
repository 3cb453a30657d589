/**
 * The daily reminder job: for every running periode, the stage windows and the PMPZI deadline that end
 * in 7 days or tomorrow, to the people whose step on each LKE is still open. Each reminder's key is
 * unit × stage × offset × person, so running the job twice (or in two processes) notifies once.
 */
import { dueReminders, reminderAudience } from "@/domain/notifications";
import type { AssessmentStatus } from "@/domain/review";
import { isoFromDate, todayIso } from "@/server/dates";
import { enqueue } from "@/server/jobs/queue";
import { stageWindows, type Db } from "@/server/lke/context";
import { deliver, usersWithRoles } from "./notify";

export const REMINDER_JOB = "reminders.daily";

export async function runReminders(db: Db, today = todayIso()): Promise<number> {
  let sent = 0;
  const periodes = await db.periode.findMany({
    where: { status: "BERJALAN" },
    include: { stages: true, assessments: { where: { unit: { active: true } }, include: { unit: { select: { id: true, name: true } } } } },
  });
  for (const p of periodes) {
    const due = dueReminders(today, stageWindows(p), isoFromDate(p.pmpziDeadline));
    for (const reminder of due) {
      for (const a of p.assessments) {
        const status = a.status as AssessmentStatus;
        const userIds = await usersWithRoles(db, p.instansiId, a.unitId, reminderAudience(reminder, status));
        const key = `${p.year}:${a.unitId}:${reminder.subject}:${reminder.offset}`;
        sent += await deliver(db, { kind: reminder.kind, assessmentId: a.id, unitName: a.unit.name, year: p.year, reminder, status }, userIds, p.instansiId, key);
      }
    }
  }
  return sent;
}

/** Queues today's reminder run; any process may call it any number of times a day. */
export async function scheduleDailyReminders(db: Db, today = todayIso()): Promise<void> {
  await enqueue(db, [{ type: REMINDER_JOB, payload: { date: today }, dedupeKey: `${REMINDER_JOB}:${today}` }]);
}
