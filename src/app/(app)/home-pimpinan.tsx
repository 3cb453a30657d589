import { holderOf } from "@/domain/assessment-policy";
import Link from "next/link";
import { CheckCircle2, XCircle } from "lucide-react";
import { ReadinessBadge } from "@/components/dashboard/badges";
import { OverviewSummaryCards } from "@/components/dashboard/overview-summary";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { getCatalogue } from "@/domain/catalogue/registry";
import { formatScoreAgainst } from "@/domain/scoring/format";
import { displayThresholds } from "@/domain/scoring/score";
import { getOverview } from "@/server/queries/overview";
import type { HomeProps } from "./page";

function Mark({ ok, label }: { ok: boolean; label: string }) {
  return (
    <span
      className={
        ok ? "inline-flex items-center gap-1 text-emerald-700" : "inline-flex items-center gap-1 text-slate-500"
      }
    >
      {ok ? <CheckCircle2 className="h-4 w-4" aria-hidden /> : <XCircle className="h-4 w-4" aria-hidden />}
      {label} {ok ? "memenuhi syarat" : "belum memenuhi"}
    </span>
  );
}

/** Pimpinan: the overview's numbers and the TPI-finalised LKEs waiting for approval. */
export async function HomePimpinan({ user, periode }: HomeProps) {
  const min = displayThresholds(getCatalogue(periode.catalogueId));
  const overview = (await getOverview(user, periode.id))!;
  const pending = overview.rows.flatMap((r) =>
    r.assessment && holderOf(r.assessment.status) === "PIMPINAN" ? [{ ...r, a: r.assessment }] : [],
  );
  return (
    <div className="space-y-4">
      <OverviewSummaryCards summary={overview.summary} />
      <Card>
        <CardHeader
          title="Menunggu persetujuan Anda"
          description="LKE yang sudah difinalkan TPI, untuk diusulkan melalui PMPZI. Nilai dari penilaian TPI."
        />
        {pending.length === 0 ? (
          <CardBody>
            <p className="text-sm text-slate-500">Tidak ada usulan yang menunggu persetujuan.</p>
          </CardBody>
        ) : (
          <ul className="divide-y divide-slate-100" data-testid="pending-approvals">
            {pending.map((r) => (
              <li key={r.unitId} className="flex flex-wrap items-center gap-x-6 gap-y-3 px-4 py-3 sm:px-5">
                <div className="min-w-0 flex-1 basis-56">
                  <Link href={`/rapor/${r.unitId}`} className="font-medium text-slate-900 hover:underline">
                    {r.name}
                  </Link>
                  <p className="text-xs text-slate-500">{r.shortName}</p>
                </div>
                <div className="text-right">
                  <p className="text-xs text-slate-500">Nilai total</p>
                  <p className="text-xl font-semibold tabular-nums text-slate-900">
                    {formatScoreAgainst(r.a.total, min.total)}
                  </p>
                </div>
                <div className="flex flex-col items-start gap-1 text-sm">
                  <ReadinessBadge readiness={r.a.readiness} />
                  <Mark ok={r.a.wbkEligible} label="WBK" />
                  <Mark ok={r.a.wbbmEligible} label="WBBM" />
                </div>
                <ButtonLink href={`/penilaian/${r.a.id}/keputusan`} size="sm" aria-label={`Tinjau usulan ${r.name}`}>
                  Tinjau
                </ButtonLink>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
