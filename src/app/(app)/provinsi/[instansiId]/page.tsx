import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { OverviewSummaryCards } from "@/components/dashboard/overview-summary";
import { Alert } from "@/components/ui/alert";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { getCatalogue } from "@/domain/catalogue/registry";
import { requirePermission } from "@/server/auth/guard";
import { getInstansiOverview } from "@/server/queries/overview";
import { getInstansiForRollup } from "@/server/queries/province";
import { overviewTableRows } from "../../ikhtisar/overview-rows";
import { OverviewTable } from "../../ikhtisar/overview-table";

export const metadata: Metadata = { title: "Rekap Provinsi — instansi" };

/** A read-only look at one instansi's units for the province: the overview's figures, no links into the LKEs. */
export default async function ProvinceInstansiPage({
  params,
  searchParams,
}: {
  params: Promise<{ instansiId: string }>;
  searchParams: Promise<{ tahun?: string }>;
}) {
  await requirePermission("province:read");
  const { instansiId } = await params;
  const year = Number((await searchParams).tahun) || Number(new Date().getFullYear());
  const instansi = await getInstansiForRollup(instansiId, year);
  if (!instansi) notFound();
  const periode = instansi.periodes[0];
  const overview = periode ? await getInstansiOverview(instansi.id, periode.id) : null;

  return (
    <>
      <PageHeader
        eyebrow={`Rekap Provinsi · Tahun ${year}`}
        title={instansi.name}
        description="Tampilan hanya baca: angka yang sama dengan Ikhtisar Unit instansi ini. Jawaban LKE dan bukti dukung tetap di dalam instansi."
        actions={
          <Link href={`/provinsi?tahun=${year}`} className="text-sm font-medium text-brand-700 underline">
            Kembali ke rekap
          </Link>
        }
      />
      {!overview ? (
        <EmptyState title={`Belum ada periode ${year}`}>
          Admin instansi ini belum membuat periode penilaian tahun {year}.
        </EmptyState>
      ) : (
        <div className="space-y-6">
          <Alert tone="info">Hanya baca — perubahan dilakukan oleh admin dan unit di instansi tersebut.</Alert>
          <OverviewSummaryCards summary={overview.summary} linked={false} />
          <Card className="min-w-0">
            <CardHeader title="Semua unit" />
            <OverviewTable
              rows={overviewTableRows(overview, getCatalogue(overview.periode.catalogueId), () => null)}
              initial={{ readiness: "", status: "", type: "", search: "" }}
            />
          </Card>
        </div>
      )}
    </>
  );
}
