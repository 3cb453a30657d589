import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { formatDate } from "@/lib/format";
import { requirePermission } from "@/server/auth/guard";
import { pengaduanList } from "@/server/queries/pengaduan";

export const metadata: Metadata = { title: "Pengaduan Masyarakat" };

export default async function PengaduanListPage({ searchParams }: { searchParams: Promise<{ filter?: string }> }) {
  const user = await requirePermission("pengaduan:read");
  const all = await pengaduanList(user);
  const filter = (await searchParams).filter;
  const rows =
    filter === "terlambat"
      ? all.filter((r) => r.overdue)
      : filter === "terbuka"
        ? all.filter((r) => r.daysLeft !== null)
        : all;
  const overdue = all.filter((r) => r.overdue).length;
  return (
    <>
      <PageHeader
        title="Pengaduan Masyarakat"
        description="Pengaduan dari formulir publik unit. Unit dan Inspektorat menindaklanjuti: diterima → diproses → selesai, atau ditolak dengan alasan."
      />
      <nav aria-label="Saring pengaduan" className="mb-4 flex flex-wrap gap-3 text-sm">
        <Link href="/pengaduan" className="text-brand-800 underline">
          Semua ({all.length})
        </Link>
        <Link href="/pengaduan?filter=terbuka" className="text-brand-800 underline">
          Belum selesai
        </Link>
        <Link href="/pengaduan?filter=terlambat" className="text-brand-800 underline">
          Melewati batas waktu ({overdue})
        </Link>
      </nav>
      {rows.length === 0 ? (
        <EmptyState title="Tidak ada pengaduan" />
      ) : (
        <Card>
          <Table>
            <thead>
              <tr>
                <Th>Kode</Th>
                <Th>Unit</Th>
                <Th>Pokok pengaduan</Th>
                <Th>Status</Th>
                <Th>Batas waktu</Th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} data-testid="baris-pengaduan">
                  <Td className="font-mono text-xs">
                    <Link href={`/pengaduan/${r.id}`} className="text-brand-800 underline">
                      {r.trackingCode}
                    </Link>
                  </Td>
                  <Td>{r.unit.shortName}</Td>
                  <Td>{r.subject}</Td>
                  <Td>{r.statusLabel}</Td>
                  <Td>
                    {formatDate(r.dueDate)}
                    {r.overdue && (
                      <Badge tone="red" className="ml-2">
                        terlambat
                      </Badge>
                    )}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
      )}
    </>
  );
}
