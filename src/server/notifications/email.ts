/**
 * Email for notifications, through SMTP (nodemailer) when SMTP_URL is set. Without it nothing is
 * queued and the inbox alone carries the notifications. The message is the notification's own title
 * and text (which never hold LKE answers or evidence), a link back and an unsubscribe link for its kind.
 */
import nodemailer from "nodemailer";
import { NOTIFICATION_KIND_LABELS } from "@/domain/notifications";
import type { Db } from "@/server/lke/context";

export function emailConfigured(): boolean {
  return Boolean(process.env.SMTP_URL);
}

/** The public address of the app for links in emails. */
export function appUrl(): string {
  return (process.env.APP_URL ?? process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(
    /\/$/,
    "",
  );
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
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

/** One email: plain text and the same as simple HTML, from the instansi's name. */
export async function sendEmail(m: {
  instansiName: string;
  to: { name: string; address: string };
  recipientName: string;
  subject: string;
  intro?: string;
  body: string;
  link: string;
  footer: string;
  unsubscribeUrl: string;
}): Promise<void> {
  const url = `${appUrl()}${m.link}`;
  const text = `Yth. ${m.recipientName},\n\n${m.intro ? `${m.intro}\n` : ""}${m.body}\n\nBuka di aplikasi Zona Integritas: ${url}\n\n--\n${m.footer}\n`;
  const html =
    `<p>Yth. ${escapeHtml(m.recipientName)},</p>${m.intro ? `<p>${escapeHtml(m.intro)}</p>` : ""}<p>${escapeHtml(m.body).replace(/\n/g, "<br>")}</p>` +
    `<p><a href="${escapeHtml(url)}">Buka di aplikasi Zona Integritas</a></p>` +
    `<hr><p style="font-size:12px;color:#64748b">${escapeHtml(m.footer)}</p>`;
  const fromAddress = process.env.SMTP_FROM ?? `no-reply@${new URL(appUrl()).hostname}`;
  await getTransport().sendMail({
    from: { name: m.instansiName, address: fromAddress },
    to: m.to,
    subject: m.subject,
    text,
    html,
    headers: { "List-Unsubscribe": `<${m.unsubscribeUrl}>` },
  });
}

/** The email job: sends the stored notification to its recipient. A user who opted out meanwhile gets nothing. */
export async function sendNotificationEmail(payload: Record<string, unknown>, db: Db): Promise<void> {
  const n = await db.notification.findUnique({
    where: { dedupeKey: String(payload.notificationKey) },
    include: { user: { select: { name: true, email: true, active: true, instansi: { select: { name: true } } } } },
  });
  if (!n || !n.user.active) return;
  const pref = await db.notificationPreference.findUnique({
    where: { userId_kind: { userId: n.userId, kind: n.kind } },
  });
  if (pref && !pref.email) return;
  const unsubscribeUrl = `${appUrl()}/notifikasi?berhenti=${n.kind}`;
  await sendEmail({
    instansiName: n.user.instansi.name,
    to: { name: n.user.name, address: n.user.email },
    recipientName: n.user.name,
    subject: n.title,
    body: n.body,
    link: n.link,
    footer: `Anda menerima email ini karena notifikasi "${NOTIFICATION_KIND_LABELS[n.kind]}" dikirim juga lewat email. Berhenti menerima email jenis ini: ${unsubscribeUrl}`,
    unsubscribeUrl,
  });
}
