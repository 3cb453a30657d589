/**
 * The daily reminder job: for every running periode, the stage windows and the PMPZI deadline that end
 * in 7 days or tomorrow, to the people whose step on each LKE is still open. Each reminder's key is
 * unit × stage × offset × person, so running the job twice (or in two processes) notifies once.
 */
import { dueReminders, reminderAudience, SURVEY_REMINDER_AUDIENCE } from "@/domain/notifications";
import { roundNeedsRespondents } from "@/domain/survey/instruments";
import type { AssessmentStatus } from "@/domain/review";
import { dateFromIso, isoFromDate, todayIso } from "@/server/dates";
import { enqueue } from "@/server/jobs/queue";
import { stageWindows, type Db } from "@/server/lke/context";
import { deliver, usersWithRoles } from "./notify";

export const REMINDER_JOB = "reminders.daily";

export async function runReminders(db: Db, today = todayIso()): Promise<number> {
  let sent = 0;
  const periodes = await db.periode.findMany({
    where: { status: "BERJALAN" },
    include: {
      stages: true,
      assessments: { where: { unit: { active: true } }, include: { unit: { select: { id: true, name: true } } } },
    },
  });
  for (const p of periodes) {
    const due = dueReminders(today, stageWindows(p), isoFromDate(p.pmpziDeadline));
    for (const reminder of due) {
      for (const a of p.assessments) {
        const status = a.status as AssessmentStatus;
        const userIds = await usersWithRoles(db, p.instansiId, a.unitId, reminderAudience(reminder, status));
        const key = `${p.year}:${a.unitId}:${reminder.subject}:${reminder.offset}`;
        sent += await deliver(
          db,
          { kind: reminder.kind, assessmentId: a.id, unitName: a.unit.name, year: p.year, reminder, status },
          userIds,
          p.instansiId,
          key,
        );
      }
    }
  }
  return sent + (await runSurveyReminders(db, today));
}

/**
 * Open survey rounds ending within 7 days with fewer respondents than their minimum: one reminder per round
 * to the unit's operator and head (the key is the round), however often the job runs.
 */
export async function runSurveyReminders(db: Db, today = todayIso()): Promise<number> {
  const day = dateFromIso(today);
  const rounds = await db.surveyRound.findMany({
    where: {
      status: "OPEN",
      closesOn: { gte: day, lte: new Date(day.getTime() + 7 * 86_400_000) },
      unit: { active: true },
    },
    include: {
      unit: { select: { id: true, name: true, instansiId: true } },
      _count: { select: { responses: { where: { voidedAt: null } } } },
    },
  });
  let sent = 0;
  for (const r of rounds) {
    const n = r._count.responses;
    if (!roundNeedsRespondents(r, n, day)) continue;
    const userIds = await usersWithRoles(db, r.unit.instansiId, r.unit.id, SURVEY_REMINDER_AUDIENCE);
    const event = {
      kind: "SURVEY_REMINDER" as const,
      roundId: r.id,
      roundTitle: r.title,
      unitName: r.unit.name,
      year: r.year,
      n,
      minRespondents: r.minRespondents,
      closesOn: isoFromDate(r.closesOn!),
    };
    sent += await deliver(db, event, userIds, r.unit.instansiId, `survey:${r.id}`);
  }
  return sent;
}

/** Queues today's reminder run; any process may call it any number of times a day. */
export async function scheduleDailyReminders(db: Db, today = todayIso()): Promise<void> {
  await enqueue(db, [{ type: REMINDER_JOB, payload: { date: today }, dedupeKey: `${REMINDER_JOB}:${today}` }]);
}
