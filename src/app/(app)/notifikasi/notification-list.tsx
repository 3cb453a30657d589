"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/page-header";
import { markAllNotificationsReadAction, markNotificationReadAction } from "@/server/actions/notifications";

export interface NotificationItem {
  id: string;
  title: string;
  body: string;
  link: string;
  read: boolean;
  kind: string;
  at: string;
}

export function NotificationList({ items }: { items: NotificationItem[] }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const unread = items.filter((i) => !i.read).length;

  const open = (item: NotificationItem) =>
    startTransition(async () => {
      const result = await markNotificationReadAction({ id: item.id });
      if (!result.ok) return setError(result.error);
      router.push(result.data.link);
    });
  const markAll = () =>
    startTransition(async () => {
      const result = await markAllNotificationsReadAction({});
      if (!result.ok) return setError(result.error);
      router.refresh();
    });

  if (items.length === 0) return <EmptyState title="Belum ada notifikasi" />;
  return (
    <Card className="mb-6">
      <div className="flex items-center justify-between gap-3 border-b border-slate-200 px-4 py-3">
        <p className="text-sm text-slate-600">{unread > 0 ? `${unread} belum dibaca` : "Semua sudah dibaca"}</p>
        <Button variant="secondary" size="sm" onClick={markAll} disabled={pending || unread === 0}>
          Tandai semua dibaca
        </Button>
      </div>
      {error && (
        <Alert tone="error" className="m-4">
          {error}
        </Alert>
      )}
      <ul className="divide-y divide-slate-100" aria-label="Daftar notifikasi">
        {items.map((item) => (
          <li key={item.id}>
            <button
              type="button"
              onClick={() => open(item)}
              disabled={pending}
              data-testid="notification-item"
              data-read={item.read ? "1" : "0"}
              className="block w-full px-4 py-3 text-left hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-600"
            >
              <span className="flex items-center gap-2">
                {!item.read && <span className="h-2 w-2 shrink-0 rounded-full bg-brand-600" aria-hidden />}
                <span className={item.read ? "text-sm text-slate-700" : "text-sm font-semibold text-slate-900"}>
                  {item.title}
                </span>
                {!item.read && <span className="sr-only">(belum dibaca)</span>}
              </span>
              <span className="mt-1 block whitespace-pre-line text-sm text-slate-600">{item.body}</span>
              <span className="mt-1 block text-xs text-slate-500">
                {item.kind} · {item.at}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </Card>
  );
}
