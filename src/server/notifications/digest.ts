/**
 * The daily digest: a user (the option is offered to TPI and PIMPINAN) may collect some kinds into one
 * email a day instead of one email each. The daily run queues one digest job per such user and day
 * (`digest:<day>:<user>`), which sends the notifications of those kinds from the previous UTC day.
 * Each notification falls in exactly one day, so nothing is sent twice or skipped while the daily run runs.
 */
import { NOTIFICATION_KIND_LABELS } from "@/domain/notifications";
import { enqueue } from "@/server/jobs/queue";
import type { Db } from "@/server/lke/context";
import { appUrl, emailConfigured, sendEmail } from "./email";

export const DIGEST_JOB = "notification.digest";

export async function scheduleDigests(db: Db, day: string): Promise<void> {
  if (!emailConfigured()) return;
  const users = await db.notificationPreference.findMany({
    where: { digest: true, email: true, user: { active: true } },
    select: { userId: true, user: { select: { instansiId: true } } },
    distinct: ["userId"],
  });
  await enqueue(
    db,
    users.map((u) => ({
      type: DIGEST_JOB,
      payload: { userId: u.userId, day, instansiId: u.user.instansiId },
      dedupeKey: `digest:${day}:${u.userId}`,
    })),
  );
}

export async function sendDigest(payload: Record<string, unknown>, db: Db): Promise<void> {
  const userId = String(payload.userId);
  const end = new Date(`${String(payload.day)}T00:00:00Z`);
  const start = new Date(end.getTime() - 24 * 60 * 60 * 1000);
  const kinds = (
    await db.notificationPreference.findMany({ where: { userId, digest: true, email: true }, select: { kind: true } })
  ).map((p) => p.kind);
  const rows = await db.notification.findMany({
    where: { userId, kind: { in: kinds }, createdAt: { gte: start, lt: end } },
    orderBy: { createdAt: "asc" },
  });
  if (rows.length === 0) return;
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { name: true, email: true, active: true, instansi: { select: { name: true } } },
  });
  if (!user.active) return;
  const day = start.toISOString().slice(0, 10);
  const lines = rows.map((n) => `- ${n.title}\n  ${appUrl()}${n.link}`).join("\n");
  const kindsText = kinds.map((k) => NOTIFICATION_KIND_LABELS[k]).join(", ");
  await sendEmail({
    instansiName: user.instansi.name,
    to: { name: user.name, address: user.email },
    subject: `Ringkasan notifikasi Zona Integritas ${day} (${rows.length})`,
    intro: `Notifikasi untuk Anda pada ${day}:`,
    body: lines,
    link: "/notifikasi",
    footer: `Ringkasan harian ini berisi: ${kindsText}. Ubah pengaturannya di ${appUrl()}/notifikasi`,
    unsubscribeUrl: `${appUrl()}/notifikasi`,
    recipientName: user.name,
  });
}
