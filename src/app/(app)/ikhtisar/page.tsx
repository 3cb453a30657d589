import type { Metadata } from "next";
import { TotalsDistributionChart } from "@/components/charts/lazy";
import { OverviewSummaryCards } from "@/components/dashboard/overview-summary";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { getCatalogue } from "@/domain/catalogue/registry";
import { LAYER_LABELS, READINESS, type Readiness } from "@/domain/readiness";
import { ASSESSMENT_STATUSES } from "@/domain/review";
import { requirePermission } from "@/server/auth/guard";
import { can } from "@/server/authz";
import { UNIT_TYPE_LABELS } from "@/server/actions/units.validation";
import { getActivePeriode } from "@/server/periode";
import { getOverview } from "@/server/queries/overview";
import { OverviewTable } from "./overview-table";
import { overviewTableRows } from "./overview-rows";

export const metadata: Metadata = { title: "Ikhtisar Unit" };

const pick = <T extends string>(value: string | undefined, allowed: readonly T[]): T | "" =>
  allowed.includes(value as T) ? (value as T) : "";

export default async function OverviewPage({
  searchParams,
}: {
  searchParams: Promise<{ kesiapan?: string; status?: string; jenis?: string; q?: string }>;
}) {
  const user = await requirePermission("overview:read");
  const periode = await getActivePeriode(user.instansiId);
  if (!periode) {
    return (
      <>
        <PageHeader title="Ikhtisar Unit" />
        <EmptyState title="Belum ada periode penilaian">Buat periode di menu Administrasi → Periode.</EmptyState>
      </>
    );
  }
  const overview = (await getOverview(user, periode.id))!;
  const catalogue = getCatalogue(overview.periode.catalogueId);
  const sp = await searchParams;

  const rows = overviewTableRows(overview, catalogue, (unitId) => `/rapor/${unitId}`);
  const initial = {
    readiness: pick<Readiness>(sp.kesiapan, READINESS),
    status: pick(sp.status, [...ASSESSMENT_STATUSES, "NONE"] as const),
    type: pick(sp.jenis, Object.keys(UNIT_TYPE_LABELS) as (keyof typeof UNIT_TYPE_LABELS)[]),
    search: sp.q ?? "",
  };
  const withLke = overview.rows.flatMap((r) => (r.assessment ? [{ ...r, a: r.assessment }] : []));

  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow={`Periode ${overview.periode.year}`}
        title="Ikhtisar Unit"
        description="Kesiapan seluruh unit menuju WBK/WBBM. Nilai diambil dari penilaian TPI bila LKE sudah difinalkan TPI, selain itu dari penilaian mandiri unit."
        actions={
          <>
            <a
              className={buttonClass("secondary", "sm")}
              href={`/api/ikhtisar/lke-zip?periode=${encodeURIComponent(periode.id)}&lapisan=BOTH`}
            >
              Unduh LKE Excel semua unit (ZIP)
            </a>
            {can(user, "hasil:import") && (
              <Link className={buttonClass("secondary", "sm")} href="/ikhtisar/impor-hasil">
                Impor nilai hasil
              </Link>
            )}
          </>
        }
      />
      <OverviewSummaryCards summary={overview.summary} />
      <Card className="min-w-0">
        <CardHeader title="Semua unit" description="Klik nama unit untuk membuka rapornya." />
        {/* Keyed by the filters in the address, so a summary card's link resets the table to them. */}
        <OverviewTable key={JSON.stringify(initial)} rows={rows} initial={initial} />
      </Card>
      <Card>
        <CardHeader
          title="Sebaran nilai total"
          description={`Garis batas WBK ${catalogue.thresholds.WBK.total} dan WBBM ${catalogue.thresholds.WBBM.total}.`}
        />
        <CardBody>
          {withLke.length === 0 ? (
            <p className="text-sm text-slate-500">Belum ada unit dengan LKE pada periode ini.</p>
          ) : (
            <TotalsDistributionChart
              units={withLke.map((r) => ({
                unitId: r.unitId,
                shortName: r.shortName,
                name: r.name,
                total: r.a.total,
                readiness: r.a.readiness,
                layerLabel: LAYER_LABELS[r.a.layer],
              }))}
              wbkTotal={catalogue.thresholds.WBK.total}
              wbbmTotal={catalogue.thresholds.WBBM.total}
              caption={`Nilai total per unit periode ${overview.periode.year}`}
            />
          )}
        </CardBody>
      </Card>
    </div>
  );
}
