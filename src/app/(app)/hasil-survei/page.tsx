import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { ROUND_STATUS_LABELS } from "@/domain/survey/instruments";
import { formatDate } from "@/lib/format";
import { requirePermission } from "@/server/auth/guard";
import { todayIso } from "@/server/dates";
import { surveyUnits, unitSurveyYear } from "@/server/survey/queries";
import { KindSummary } from "./kind-summary";
import { OpenRoundForm } from "./survey-forms";

export const metadata: Metadata = { title: "Survei Layanan" };

export default async function SurveysPage({
  searchParams,
}: {
  searchParams: Promise<{ unit?: string; tahun?: string }>;
}) {
  const user = await requirePermission("survey:read");
  const params = await searchParams;
  const currentYear = Number(todayIso().slice(0, 4));
  const year = /^\d{4}$/.test(params.tahun ?? "") ? Number(params.tahun) : currentYear;
  const units = await surveyUnits(user);
  const unitId = units.some((u) => u.id === params.unit) ? params.unit! : units[0]?.id;
  const data = unitId ? await unitSurveyYear(user, unitId, year) : null;
  const years = [currentYear, currentYear - 1, currentYear - 2];

  return (
    <div className="space-y-6">
      <PageHeader
        title="Survei Layanan (SPAK dan SPKP)"
        description="Putaran survei per unit, tautan dan poster QR untuk responden, dan indeks IPAK/IPKP yang dapat diambil ke LKE."
      />
      <form className="flex flex-wrap items-end gap-3" method="get">
        <div>
          <label htmlFor="unit" className="block text-sm font-medium text-slate-700">
            Unit
          </label>
          <select
            id="unit"
            name="unit"
            defaultValue={unitId}
            className="mt-1 h-10 rounded-md border border-slate-300 bg-white px-2 text-sm"
          >
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="tahun" className="block text-sm font-medium text-slate-700">
            Tahun
          </label>
          <select
            id="tahun"
            name="tahun"
            defaultValue={year}
            className="mt-1 h-10 rounded-md border border-slate-300 bg-white px-2 text-sm"
          >
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <button
          type="submit"
          className="h-10 rounded-md border border-slate-300 bg-white px-4 text-sm font-medium text-slate-800"
        >
          Tampilkan
        </button>
      </form>

      {!data ? (
        <EmptyState title="Belum ada unit">Tidak ada unit yang dapat Anda lihat.</EmptyState>
      ) : (
        <>
          <Card>
            <CardHeader
              title={`Hasil ${year} · ${data.unit.name}`}
              description="Semua putaran tahun ini digabung per responden (jawaban yang dibatalkan tidak dihitung). Nilai untuk LKE memakai skala 0–4."
              actions={
                data.rounds.length > 0 && (
                  <ButtonLink
                    href={`/api/survei-laporan/${data.unit.id}?tahun=${year}`}
                    variant="secondary"
                    prefetch={false}
                  >
                    Laporan survei (PDF)
                  </ButtonLink>
                )
              }
            />
            <CardBody className="grid gap-3 sm:grid-cols-2">
              {data.year.map((k) => (
                <KindSummary key={k.kind} kind={k.kind} result={k.result} scale={k.scale} />
              ))}
            </CardBody>
          </Card>

          <Card>
            <CardHeader title="Putaran survei" description="LKE meminta survei paling sedikit 4 kali setahun." />
            {data.canManage && (
              <CardBody className="border-b border-slate-100">
                <OpenRoundForm unitId={data.unit.id} minRespondents={data.minRespondents} />
              </CardBody>
            )}
            {data.rounds.length === 0 ? (
              <CardBody>
                <p className="text-sm text-slate-600">Belum ada putaran survei pada tahun {year}.</p>
              </CardBody>
            ) : (
              <Table data-testid="rounds-table">
                <thead>
                  <tr>
                    <Th>Putaran</Th>
                    <Th>Status</Th>
                    <Th>Dibuka</Th>
                    <Th>Berakhir</Th>
                    <Th className="text-right">Responden</Th>
                  </tr>
                </thead>
                <tbody>
                  {data.rounds.map((r) => (
                    <tr key={r.id}>
                      <Td>
                        <Link href={`/hasil-survei/${r.id}`} className="font-medium text-brand-700 hover:underline">
                          {r.title}
                        </Link>
                      </Td>
                      <Td>{ROUND_STATUS_LABELS[r.status]}</Td>
                      <Td>{formatDate(r.openedAt)}</Td>
                      <Td>{r.closedAt ? formatDate(r.closedAt) : r.closesOn ? formatDate(r.closesOn) : "—"}</Td>
                      <Td className="text-right tabular-nums">
                        {r.n}
                        {r.n < r.minRespondents && (
                          <span className="sr-only"> (di bawah minimal {r.minRespondents})</span>
                        )}
                      </Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            )}
          </Card>
        </>
      )}
    </div>
  );
}
