/**
 * The program timeline of a periode: its stage windows and, for every unit the user may see, where
 * its LKE stands in the review chain, by when it must move on and whether it is late.
 */
import "server-only";
import { STATUS_LABELS, type AssessmentStatus } from "@/domain/review";
import { lateness, stageAt, type Due, type StageCode } from "@/domain/timeline";
import { unitWhere, type Principal } from "@/server/authz";
import { isoFromDate, todayIso } from "@/server/dates";
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
      select: {
        id: true,
        status: true,
        reopenedUntil: true,
        unit: { select: { id: true, name: true, shortName: true } },
      },
    }),
  ]);
  if (!periode) return null;
  const rows = assessments.map((a): TimelineRow => {
    const {
      due,
      late: overdue,
      daysLate,
      daysLeft,
    } = lateness(
      a.status,
      {
        windows: periode.windows,
        pmpziDeadline: periode.pmpziDeadline,
        reopenedUntil: a.reopenedUntil && isoFromDate(a.reopenedUntil),
      },
      today,
    );
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
      daysLate,
      daysLeft,
    };
  });
  return { periode, today, currentStage: stageAt(periode.windows, today), rows };
}
