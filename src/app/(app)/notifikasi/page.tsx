import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import {
  DIGEST_ROLES,
  NOTIFICATION_KINDS,
  NOTIFICATION_KIND_LABELS,
  type NotificationKind,
} from "@/domain/notifications";
import { formatDateTime } from "@/lib/format";
import { requirePermission } from "@/server/auth/guard";
import { digestKinds, emailKinds, listNotifications } from "@/server/queries/notifications";
import { NotificationList } from "./notification-list";
import { NotificationPreferencesForm } from "./preferences-form";

export const metadata: Metadata = { title: "Notifikasi" };

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<{ berhenti?: string }> }) {
  const user = await requirePermission("notification:own");
  const { berhenti } = await searchParams;
  const [rows, kinds, digest] = await Promise.all([
    listNotifications(user.id),
    emailKinds(user.id),
    digestKinds(user.id),
  ]);
  // The unsubscribe link of an email lands here with its kind; the user confirms by saving.
  const stop = NOTIFICATION_KINDS.includes(berhenti as NotificationKind) ? (berhenti as NotificationKind) : null;
  return (
    <>
      <PageHeader
        title="Notifikasi"
        description="Pemberitahuan tentang LKE dan tenggat yang perlu Anda tindak lanjuti."
      />
      <NotificationList
        items={rows.map((n) => ({
          id: n.id,
          title: n.title,
          body: n.body,
          link: n.link,
          read: n.readAt !== null,
          kind: NOTIFICATION_KIND_LABELS[n.kind],
          at: formatDateTime(n.createdAt),
        }))}
      />
      <NotificationPreferencesForm
        options={NOTIFICATION_KINDS.map((k) => ({ value: k, label: NOTIFICATION_KIND_LABELS[k] }))}
        emailKinds={stop ? kinds.filter((k) => k !== stop) : kinds}
        stopKind={stop ? NOTIFICATION_KIND_LABELS[stop] : null}
        digestKinds={user.roles.some((r) => DIGEST_ROLES.includes(r)) ? digest : null}
      />
    </>
  );
}
