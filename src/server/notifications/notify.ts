/**
 * Storing notifications: resolves the roles the domain names to the active people holding them for
 * the unit, writes one inbox row per person and queues an email job for those who want this kind by
 * email. Runs inside the caller's transaction, so an event that rolls back notifies nobody.
 */
import { randomUUID } from "node:crypto";
import {
  composeMessage,
  EVENT_AUDIENCE,
  type NotificationEvent,
  type NotificationKind,
  type ReminderKind,
} from "@/domain/notifications";
import type { RoleCode } from "@/domain/roles";
import { enqueue } from "@/server/jobs/queue";
import type { Db } from "@/server/lke/context";
import { emailConfigured } from "./email";

export const EMAIL_JOB = "notification.email";

/** Active users holding one of the roles: on the unit for unit roles, across the instansi for ADMIN/PIMPINAN. */
export async function usersWithRoles(
  db: Db,
  instansiId: string,
  unitId: string | null,
  roles: RoleCode[],
): Promise<string[]> {
  if (roles.length === 0) return [];
  const rows = await db.roleAssignment.findMany({
    where: {
      role: { in: roles },
      user: { instansiId, active: true },
      OR: [{ role: { in: ["ADMIN", "PIMPINAN"] } }, { unitId: unitId ?? "__none__" }],
    },
    select: { userId: true },
  });
  return [...new Set(rows.map((r) => r.userId))];
}

/**
 * Writes the event's notification for each recipient. `key` identifies the occurrence: an event gets
 * a fresh one, a reminder a fixed one (unit × stage × offset), so repeating it adds nothing.
 */
export async function deliver(
  db: Db,
  event: NotificationEvent,
  userIds: string[],
  instansiId: string,
  key: string = randomUUID(),
): Promise<number> {
  if (userIds.length === 0) return 0;
  const message = composeMessage(event);
  const rows = userIds.map((userId) => ({ userId, ...message, dedupeKey: `${message.kind}:${key}:${userId}` }));
  const { count } = await db.notification.createMany({ data: rows, skipDuplicates: true });
  if (emailConfigured()) {
    // Email off, or collected into the daily digest (src/server/notifications/digest.ts): no email now.
    const optedOut = new Set(
      (
        await db.notificationPreference.findMany({
          where: { userId: { in: userIds }, kind: message.kind, OR: [{ email: false }, { digest: true }] },
          select: { userId: true },
        })
      ).map((p) => p.userId),
    );
    await enqueue(
      db,
      rows
        .filter((r) => !optedOut.has(r.userId))
        .map((r) => ({
          type: EMAIL_JOB,
          payload: { notificationKey: r.dedupeKey, instansiId },
          dedupeKey: `email:${r.dedupeKey}`,
        })),
    );
  }
  return count;
}

type UnitEvent = Exclude<NotificationEvent, { kind: ReminderKind }>;

/** An event of the review chain or penetapan, to the roles `EVENT_AUDIENCE` names on the unit. */
export async function notifyEvent(db: Db, event: UnitEvent, unit: { id: string; instansiId: string }): Promise<number> {
  const roles = EVENT_AUDIENCE[event.kind as Exclude<NotificationKind, ReminderKind>];
  return deliver(db, event, await usersWithRoles(db, unit.instansiId, unit.id, roles), unit.instansiId);
}
