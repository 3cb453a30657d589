/**
 * The program timeline of a periode: its stage windows and, for every unit the user may see, where
 * its LKE stands in the review chain, by when it must move on and whether it is late.
 */
import { daysBetween } from "@/domain/readiness";
import { STATUS_LABELS, type AssessmentStatus } from "@/domain/review";
import { dueFor, isOverdue, stageAt, type Due, type StageCode } from "@/domain/timeline";
import { unitWhere, type Principal } from "@/server/authz";
import { todayIso } from "@/server/dates";
import { getDb } from "@/server/db/client";
import { getPeriodeSchedule, type PeriodeSchedule } from "./overview";

export interface TimelineRow {
  assessmentId: string;
  unitId: string;
  name: string;
  shortName: string;
  status: AssessmentStatus;
  statusLabel: string;
  due: Due | null;
  /** The stage the due date falls in. */
  dueStage: StageCode | null;
  overdue: boolean;
  /** Days past the due date (overdue) or left until it (not overdue); null when nothing is due. */
  daysLate: number | null;
  daysLeft: number | null;
}

export interface Timeline {
  periode: PeriodeSchedule;
  today: string;
  /** The stage today falls in, if any. */
  currentStage: StageCode | null;
  rows: TimelineRow[];
}

export async function getTimeline(user: Principal, periodeId: string, today = todayIso()): Promise<Timeline | null> {
  const [periode, assessments] = await Promise.all([
    getPeriodeSchedule(user.instansiId, periodeId),
    getDb().assessment.findMany({
      where: { periodeId, unit: { ...unitWhere(user, "timeline:read"), active: true } },
      orderBy: { unit: { name: "asc" } },
      select: { id: true, status: true, unit: { select: { id: true, name: true, shortName: true } } },
    }),
  ]);
  if (!periode) return null;
  const rows = assessments.map((a): TimelineRow => {
    const due = dueFor(a.status, periode.windows, periode.pmpziDeadline);
    const overdue = isOverdue(a.status, periode.windows, periode.pmpziDeadline, today);
    return {
      assessmentId: a.id,
      unitId: a.unit.id,
      name: a.unit.name,
      shortName: a.unit.shortName,
      status: a.status,
      statusLabel: STATUS_LABELS[a.status],
      due,
      dueStage: due ? stageAt(periode.windows, due.date) : null,
      overdue,
      daysLate: due && overdue ? daysBetween(due.date, today) : null,
      daysLeft: due && !overdue ? daysBetween(today, due.date) : null,
    };
  });
  return { periode, today, currentStage: stageAt(periode.windows, today), rows };
}
