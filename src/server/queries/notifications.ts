import "server-only";
import { NOTIFICATION_KINDS, type NotificationKind } from "@/domain/notifications";
import { getDb } from "@/server/db/client";

export async function unreadNotificationCount(userId: string): Promise<number> {
  return getDb().notification.count({ where: { userId, readAt: null } });
}

export async function listNotifications(userId: string, limit = 100) {
  return getDb().notification.findMany({ where: { userId }, orderBy: { createdAt: "desc" }, take: limit });
}

/** The kinds the user receives by email (no row = on). */
export async function emailKinds(userId: string): Promise<NotificationKind[]> {
  const off = new Set(
    (await getDb().notificationPreference.findMany({ where: { userId, email: false }, select: { kind: true } })).map(
      (p) => p.kind,
    ),
  );
  return NOTIFICATION_KINDS.filter((k) => !off.has(k));
}

export async function digestKinds(userId: string): Promise<NotificationKind[]> {
  return (
    await getDb().notificationPreference.findMany({
      where: { userId, email: true, digest: true },
      select: { kind: true },
    })
  ).map((p) => p.kind);
}

/** The queue's state for the ADMIN: counts per status and the latest jobs of the instansi (and the daily runs). */
export async function queueState(instansiId: string, status?: "PENDING" | "SENT" | "FAILED") {
  const db = getDb();
  const scope = { OR: [{ payload: { path: ["instansiId"], equals: instansiId } }, { type: "reminders.daily" }] };
  const [counts, jobs] = await Promise.all([
    db.job.groupBy({ by: ["status"], where: scope, _count: { _all: true } }),
    db.job.findMany({ where: { ...scope, ...(status ? { status } : {}) }, orderBy: { createdAt: "desc" }, take: 100 }),
  ]);
  const count = (s: string) => counts.find((c) => c.status === s)?._count._all ?? 0;
  return { counts: { PENDING: count("PENDING"), SENT: count("SENT"), FAILED: count("FAILED") }, jobs };
}
