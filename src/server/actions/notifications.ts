"use server";

import "server-only";
import { DIGEST_ROLES, NOTIFICATION_KINDS } from "@/domain/notifications";
import { NotFoundError, UserError } from "@/server/errors";
import { defineAction } from "./define-action";
import {
  markAllNotificationsReadSchema,
  markNotificationReadSchema,
  saveNotificationPreferencesSchema,
} from "./notifications.validation";

/** Marks one of the user's own notifications read (a forged id of someone else's matches nothing). */
export const markNotificationReadAction = defineAction({
  name: "notification.read",
  schema: markNotificationReadSchema,
  permission: "notification:own",
  async handler({ id }, { tx, user, audit }) {
    const n = await tx.notification.findFirst({ where: { id, userId: user.id } });
    if (!n) throw new NotFoundError("Notifikasi tidak ditemukan.");
    const readAt = n.readAt ?? new Date();
    if (!n.readAt) await tx.notification.update({ where: { id: n.id }, data: { readAt } });
    await audit({ entity: "Notification", entityId: n.id, before: { readAt: n.readAt }, after: { readAt } });
    return { link: n.link };
  },
});

export const markAllNotificationsReadAction = defineAction({
  name: "notification.readAll",
  schema: markAllNotificationsReadSchema,
  permission: "notification:own",
  async handler(_input, { tx, user, audit }) {
    const { count } = await tx.notification.updateMany({
      where: { userId: user.id, readAt: null },
      data: { readAt: new Date() },
    });
    await audit({ entity: "User", entityId: user.id, after: { marked: count } });
    return { marked: count };
  },
});

/** Which kinds also go by email for this user (one row per kind, so an email job reads one row). */
export const saveNotificationPreferencesAction = defineAction({
  name: "notification.preferences",
  schema: saveNotificationPreferencesSchema,
  permission: "notification:own",
  async handler({ emailKinds, digestKinds }, { tx, user, audit }) {
    if (digestKinds.length > 0 && !user.roles.some((r) => DIGEST_ROLES.includes(r))) {
      throw new UserError("Ringkasan harian hanya tersedia untuk TPI dan pimpinan.", {
        digestKinds: "Tidak tersedia untuk peran Anda",
      });
    }
    const before = await tx.notificationPreference.findMany({
      where: { userId: user.id },
      select: { kind: true, email: true, digest: true },
    });
    const on = new Set(emailKinds);
    const digest = new Set(digestKinds.filter((k) => on.has(k)));
    for (const kind of NOTIFICATION_KINDS) {
      await tx.notificationPreference.upsert({
        where: { userId_kind: { userId: user.id, kind } },
        create: { userId: user.id, kind, email: on.has(kind), digest: digest.has(kind) },
        update: { email: on.has(kind), digest: digest.has(kind) },
      });
    }
    const offBefore = NOTIFICATION_KINDS.filter((k) => before.some((p) => p.kind === k && !p.email));
    const digestBefore = before.filter((p) => p.digest).map((p) => p.kind);
    await audit({
      entity: "User",
      entityId: user.id,
      before: { emailOff: offBefore, digest: digestBefore },
      after: { emailOff: NOTIFICATION_KINDS.filter((k) => !on.has(k)), digest: [...digest] },
    });
    return { emailKinds: [...on], digestKinds: [...digest] };
  },
});
