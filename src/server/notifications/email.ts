/**
 * Email for notifications, through SMTP (nodemailer) when SMTP_URL is set. Without it nothing is
 * queued and the inbox alone carries the notifications. The message is the notification's own title
 * and text (which never hold LKE answers or evidence), a link back and an unsubscribe link for its kind.
 */
import nodemailer from "nodemailer";
import { NOTIFICATION_KIND_LABELS, type NotificationKind } from "@/domain/notifications";
import type { Db } from "@/server/lke/context";

export function emailConfigured(): boolean {
  return Boolean(process.env.SMTP_URL);
}

/** The public address of the app for links in emails. */
export function appUrl(): string {
  return (process.env.APP_URL ?? process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, "");
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
  unsubscribeUrl: string;
}

export function renderEmail(n: { kind: NotificationKind; title: string; body: string; link: string }, recipientName: string): EmailContent {
  const url = `${appUrl()}${n.link}`;
  const unsubscribeUrl = `${appUrl()}/notifikasi?berhenti=${n.kind}`;
  const stop = `Anda menerima email ini karena notifikasi "${NOTIFICATION_KIND_LABELS[n.kind]}" dikirim juga lewat email. Berhenti menerima email jenis ini: ${unsubscribeUrl}`;
  const text = `Yth. ${recipientName},\n\n${n.body}\n\nBuka di aplikasi Zona Integritas: ${url}\n\n--\n${stop}\n`;
  const html = `<p>Yth. ${escapeHtml(recipientName)},</p><p>${escapeHtml(n.body).replace(/\n/g, "<br>")}</p>`
    + `<p><a href="${escapeHtml(url)}">Buka di aplikasi Zona Integritas</a></p>`
    + `<hr><p style="font-size:12px;color:#64748b">Anda menerima email ini karena notifikasi "${escapeHtml(NOTIFICATION_KIND_LABELS[n.kind])}" dikirim juga lewat email. `
    + `<a href="${escapeHtml(unsubscribeUrl)}">Berhenti menerima email jenis ini</a>.</p>`;
  return { subject: n.title, text, html, unsubscribeUrl };
}

let transport: nodemailer.Transporter | null = null;
let transportUrl: string | null = null;

function getTransport(): nodemailer.Transporter {
  const url = process.env.SMTP_URL;
  if (!url) throw new Error("SMTP_URL tidak diatur");
  if (!transport || transportUrl !== url) {
    transport = nodemailer.createTransport(url);
    transportUrl = url;
  }
  return transport;
}

/** The email job: sends the stored notification to its recipient. A user who opted out meanwhile gets nothing. */
export async function sendNotificationEmail(payload: Record<string, unknown>, db: Db): Promise<void> {
  const n = await db.notification.findUnique({
    where: { dedupeKey: String(payload.notificationKey) },
    include: { user: { select: { name: true, email: true, active: true, instansi: { select: { name: true } } } } },
  });
  if (!n || !n.user.active) return;
  const pref = await db.notificationPreference.findUnique({ where: { userId_kind: { userId: n.userId, kind: n.kind } } });
  if (pref && !pref.email) return;
  const content = renderEmail(n, n.user.name);
  const fromAddress = process.env.SMTP_FROM ?? `no-reply@${new URL(appUrl()).hostname}`;
  await getTransport().sendMail({
    from: { name: n.user.instansi.name, address: fromAddress },
    to: { name: n.user.name, address: n.user.email },
    subject: content.subject,
    text: content.text,
    html: content.html,
    headers: { "List-Unsubscribe": `<${content.unsubscribeUrl}>` },
  });
}
