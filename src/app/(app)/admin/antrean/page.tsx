import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";
import { requirePermission } from "@/server/auth/guard";
import { queueState } from "@/server/queries/notifications";

export const metadata: Metadata = { title: "Antrean Kirim" };

const STATUS_LABELS = { PENDING: "Menunggu", SENT: "Terkirim", FAILED: "Gagal" } as const;
const TYPE_LABELS: Record<string, string> = {
  "notification.email": "Email notifikasi",
  "reminders.daily": "Pengingat harian",
};
type Status = keyof typeof STATUS_LABELS;

export default async function QueuePage({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  const user = await requirePermission("queue:read");
  const { status } = await searchParams;
  const filter = status && status in STATUS_LABELS ? (status as Status) : undefined;
  const { counts, jobs } = await queueState(user.instansiId, filter);
  return (
    <>
      <PageHeader
        title="Antrean Kirim"
        description="Email notifikasi dan pengingat harian: yang menunggu, yang gagal beserta alasannya, dan yang terkirim."
      />
      <nav className="mb-4 flex flex-wrap gap-2 text-sm" aria-label="Saring status">
        <Link
          href="/admin/antrean"
          className="rounded-md border border-slate-200 px-3 py-1.5 hover:bg-slate-50"
          aria-current={!filter ? "page" : undefined}
        >
          Semua
        </Link>
        {(Object.keys(STATUS_LABELS) as Status[]).map((s) => (
          <Link
            key={s}
            href={`/admin/antrean?status=${s}`}
            data-testid={`queue-count-${s}`}
            className="rounded-md border border-slate-200 px-3 py-1.5 hover:bg-slate-50"
            aria-current={filter === s ? "page" : undefined}
          >
            {STATUS_LABELS[s]}: {counts[s]}
          </Link>
        ))}
      </nav>
      {jobs.length === 0 ? (
        <EmptyState title="Antrean kosong" />
      ) : (
        <Card>
          <Table>
            <thead>
              <tr>
                <Th>Dibuat</Th>
                <Th>Jenis</Th>
                <Th>Status</Th>
                <Th>Percobaan</Th>
                <Th>Jadwal / selesai</Th>
                <Th>Alasan gagal terakhir</Th>
              </tr>
            </thead>
            <tbody>
              {jobs.map((j) => (
                <tr key={j.id}>
                  <Td className="whitespace-nowrap text-slate-600">{formatDateTime(j.createdAt)}</Td>
                  <Td>{TYPE_LABELS[j.type] ?? j.type}</Td>
                  <Td>{STATUS_LABELS[j.status]}</Td>
                  <Td>
                    {j.attempts} / {j.maxAttempts}
                  </Td>
                  <Td className="whitespace-nowrap text-slate-600">{formatDateTime(j.finishedAt ?? j.runAt)}</Td>
                  <Td className="max-w-80 break-words text-xs text-slate-600">{j.lastError ?? "—"}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
      )}
    </>
  );
}
