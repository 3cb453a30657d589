import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/form";
import { ASSESSMENT_STATUSES, STATUS_LABELS } from "@/domain/review";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { AssessmentStatusBadge } from "@/components/assessment-status-badge";
import { DEFAULT_CATALOGUE_ID, getCatalogue } from "@/domain/catalogue/registry";
import { formatScoreAgainst } from "@/domain/scoring/format";
import { displayThresholds } from "@/domain/scoring/score";
import { formatDateTime } from "@/lib/format";
import { requirePermission } from "@/server/auth/guard";
import { getActivePeriode } from "@/server/periode";
import { listAssessments } from "@/server/queries/assessments";

export const metadata: Metadata = { title: "Penilaian LKE" };

export default async function AssessmentsPage({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  const user = await requirePermission("assessment:read");
  const requested = (await searchParams).status;
  const status = ASSESSMENT_STATUSES.find((s) => s === requested);
  const periode = await getActivePeriode(user.instansiId);
  const assessments = periode ? await listAssessments(user, periode.id, status ? [status] : undefined) : [];
  const min = displayThresholds(getCatalogue(periode?.catalogueId ?? DEFAULT_CATALOGUE_ID));
  return (
    <>
      <PageHeader
        title="Penilaian LKE"
        description={
          periode
            ? `Lembar Kerja Evaluasi tahun ${periode.year}: penilaian mandiri unit dan penilaian TPI.`
            : "Belum ada periode."
        }
      />
      <form className="mb-4 flex flex-wrap items-center gap-2" role="search">
        <Select name="status" defaultValue={status ?? ""} aria-label="Saring status LKE" className="max-w-56">
          <option value="">Semua status</option>
          {ASSESSMENT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </Select>
        <Button type="submit" variant="secondary">
          Saring
        </Button>
      </form>
      {assessments.length === 0 ? (
        status ? (
          <EmptyState title={`Tidak ada LKE berstatus "${STATUS_LABELS[status]}"`}>
            <Link href="/penilaian" className="text-brand-700 underline">
              Tampilkan semua status
            </Link>
          </EmptyState>
        ) : (
          <EmptyState title="Belum ada LKE untuk ditampilkan">
            LKE dibuat untuk setiap unit yang diusulkan ZI saat periode dibuat.
          </EmptyState>
        )
      ) : (
        <Card>
          <Table>
            <thead>
              <tr>
                <Th>Unit</Th>
                <Th>Status</Th>
                <Th className="text-right">Terjawab</Th>
                <Th className="text-right">Bukti</Th>
                <Th className="text-right">Nilai mandiri</Th>
                <Th className="text-right">Nilai TPI</Th>
                <Th>Aktivitas terakhir</Th>
              </tr>
            </thead>
            <tbody>
              {assessments.map((a) => {
                const self = a.scores.find((s) => s.layer === "SELF");
                const tpi = a.scores.find((s) => s.layer === "TPI");
                return (
                  <tr key={a.id}>
                    <Td>
                      <Link href={`/penilaian/${a.id}`} className="font-medium text-brand-700 hover:underline">
                        {a.unit.name}
                      </Link>
                      <p className="text-xs text-slate-500">{a.unit.shortName}</p>
                    </Td>
                    <Td>
                      <AssessmentStatusBadge status={a.status} />
                      {a.revisionRound > 0 && (
                        <p className="mt-1 text-xs text-slate-500">Revisi ke-{a.revisionRound}</p>
                      )}
                    </Td>
                    <Td className="text-right tabular-nums">
                      {self ? `${self.answeredCount}/${self.questionCount}` : "—"}
                    </Td>
                    <Td className="text-right tabular-nums">
                      {self ? `${self.evidenceCount}/${self.questionCount}` : "—"}
                    </Td>
                    <Td className="text-right tabular-nums">
                      {self ? formatScoreAgainst(self.total, min.total) : "—"}
                      {self?.wbkEligible && (
                        <Badge tone="green" className="ml-2">
                          WBK
                        </Badge>
                      )}
                    </Td>
                    <Td className="text-right tabular-nums">
                      {tpi && tpi.answeredCount > 0 ? (
                        formatScoreAgainst(tpi.total, min.total)
                      ) : (
                        <span className="text-slate-500">belum direviu</span>
                      )}
                    </Td>
                    <Td className="whitespace-nowrap text-slate-600">{formatDateTime(a.lastActivityAt)}</Td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
        </Card>
      )}
    </>
  );
}
