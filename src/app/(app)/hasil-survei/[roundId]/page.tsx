import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SurveyElementsChart } from "@/components/charts/lazy";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { formatIndex } from "@/domain/scoring/format";
import { acceptsResponses, ROUND_STATUS_LABELS, SURVEY_KIND_LABELS } from "@/domain/survey/instruments";
import { formatDate, formatDateTime } from "@/lib/format";
import { requirePermission } from "@/server/auth/guard";
import { appUrl } from "@/server/notifications/email";
import { responseMeans, surveyRoundDetail } from "@/server/survey/queries";
import { KindSummary } from "../kind-summary";
import { CloseRoundButton, VoidResponseForm } from "../survey-forms";

export const metadata: Metadata = { title: "Putaran survei" };

const fmt = (n: number | null) => (n === null ? "—" : formatIndex(n));

export default async function RoundPage({ params }: { params: Promise<{ roundId: string }> }) {
  const user = await requirePermission("survey:read");
  const detail = await surveyRoundDetail(user, (await params).roundId);
  if (!detail) notFound();
  const { round, unit, kinds, responses, canManage } = detail;
  const open = acceptsResponses(round.status);
  const link = `${appUrl()}/survei/${round.token}`;

  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow={unit.name}
        title={`Survei ${round.title}`}
        description={`${ROUND_STATUS_LABELS[round.status]} · dibuka ${formatDate(round.openedAt)}${round.closesOn ? ` · berakhir ${formatDate(round.closesOn)}` : ""} · minimal ${round.minRespondents} responden`}
        actions={
          <>
            <ButtonLink href={`/hasil-survei?unit=${unit.id}&tahun=${round.year}`} variant="secondary">
              Semua putaran
            </ButtonLink>
            <ButtonLink href={`/api/survei-ekspor/${round.id}`} variant="secondary" prefetch={false}>
              Unduh jawaban (.xlsx)
            </ButtonLink>
            <ButtonLink
              href={`/api/survei-laporan/${unit.id}?tahun=${round.year}`}
              variant="secondary"
              prefetch={false}
            >
              Laporan survei (PDF)
            </ButtonLink>
          </>
        }
      />
      <Card>
        <CardHeader
          title="Tautan untuk responden"
          description="Bagikan tautan ini atau cetak posternya dan pasang di ruang pelayanan."
        />
        <CardBody className="flex flex-wrap items-center gap-3">
          <code className="break-all rounded bg-slate-100 px-2 py-1 text-sm text-slate-900" data-testid="public-link">
            {link}
          </code>
          <ButtonLink href={`/survei/${round.token}/poster`} variant="secondary" target="_blank">
            Poster QR (A4)
          </ButtonLink>
          {canManage && open && <CloseRoundButton roundId={round.id} />}
        </CardBody>
      </Card>

      <div className="grid gap-4 lg:grid-cols-2">
        {kinds.map((k) => (
          <Card key={k.kind}>
            <CardHeader
              title={`${SURVEY_KIND_LABELS[k.kind].short} — ${SURVEY_KIND_LABELS[k.kind].name}`}
              description={`Instrumen versi ${k.instrument.version}`}
            />
            <CardBody className="space-y-3">
              <KindSummary kind={k.kind} result={k.result} scale={k.instrument.scale} />
              <SurveyElementsChart
                caption={`Rata-rata per unsur ${SURVEY_KIND_LABELS[k.kind].short}`}
                testId={`elements-${k.kind}`}
                scale={k.instrument.scale}
                rows={k.instrument.elements.map((e, i) => ({
                  code: e.code,
                  label: e.label,
                  mean: k.result.elements[i],
                }))}
              />
            </CardBody>
          </Card>
        ))}
      </div>

      <Card>
        <CardHeader
          title={`Jawaban (${responses.length})`}
          description="Tanpa identitas responden. Jawaban yang dibatalkan tetap tersimpan dengan alasannya, tetapi tidak dihitung."
        />
        {responses.length === 0 ? (
          <CardBody>
            <p className="text-sm text-slate-600">Belum ada jawaban.</p>
          </CardBody>
        ) : (
          <Table data-testid="responses-table">
            <thead>
              <tr>
                <Th>No.</Th>
                <Th>Waktu</Th>
                <Th className="text-right">SPKP</Th>
                <Th className="text-right">SPAK</Th>
                <Th>Status</Th>
              </tr>
            </thead>
            <tbody>
              {responses.map((r, i) => {
                const m = responseMeans(r.answers);
                return (
                  <tr key={r.id}>
                    <Td>{i + 1}</Td>
                    <Td>{formatDateTime(r.createdAt)}</Td>
                    <Td className="text-right tabular-nums">{fmt(m.spkp)}</Td>
                    <Td className="text-right tabular-nums">{fmt(m.spak)}</Td>
                    <Td>
                      {r.voidedAt ? (
                        <span className="text-sm text-slate-700">Dibatalkan: {r.voidReason}</span>
                      ) : canManage ? (
                        <VoidResponseForm responseId={r.id} label={`jawaban no. ${i + 1}`} />
                      ) : (
                        "Dihitung"
                      )}
                    </Td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
        )}
      </Card>
    </div>
  );
}
