import Link from "next/link";
import { Bell } from "lucide-react";
import { unreadNotificationCount } from "@/server/queries/notifications";

/** The header's bell: the number of unread notifications, linking to the inbox. */
export async function NotificationBell({ userId }: { userId: string }) {
  const unread = await unreadNotificationCount(userId);
  const label = unread > 0 ? `Notifikasi, ${unread} belum dibaca` : "Notifikasi, tidak ada yang belum dibaca";
  return (
    <Link
      href="/notifikasi"
      aria-label={label}
      title={label}
      data-testid="notification-bell"
      className="relative inline-flex h-10 w-10 items-center justify-center rounded-md text-slate-600 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-600"
    >
      <Bell className="h-5 w-5" aria-hidden />
      {unread > 0 && (
        <span
          data-testid="notification-count"
          className="absolute -right-0.5 -top-0.5 min-w-5 rounded-full bg-red-600 px-1 text-center text-xs font-semibold leading-5 text-white"
        >
          {unread > 99 ? "99+" : unread}
        </span>
      )}
    </Link>
  );
}
