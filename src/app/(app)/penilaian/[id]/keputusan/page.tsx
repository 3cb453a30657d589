import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { AssessmentStatusBadge } from "@/components/assessment-status-badge";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { formatScore } from "@/domain/scoring/format";
import { requireUser } from "@/server/auth/current-user";
import { loadDecisionSummary } from "@/server/queries/assessments";
import { DecisionDialog } from "../chain-actions";
import { AfirmasiForm } from "./afirmasi-form";

export const metadata: Metadata = { title: "Keputusan usulan" };

function Verdict({ label, v }: { label: string; v: { eligible: boolean; unmet: string[] } }) {
  return (
    <div className="space-y-1">
      <Badge tone={v.eligible ? "green" : "red"}>
        {label}: {v.eligible ? "memenuhi" : "belum memenuhi"}
      </Badge>
      {!v.eligible && v.unmet.length > 0 && (
        <ul className="list-disc pl-5 text-xs text-slate-700">
          {v.unmet.map((u) => (
            <li key={u}>{u}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Pimpinan's decision on a proposal: the scorecard, the TPI's notes and differences, evidence completeness, approve or send back. */
export default async function DecisionSummaryPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const result = await loadDecisionSummary(user, id);
  if (result.outcome === "missing") notFound();
  if (result.outcome === "forbidden") forbidden();
  const { view, differences, afirmasi } = result;
  const { SELF, TPI, progress } = view.scores;
  const evidence = view.progress.reduce((n, p) => n + p.evidence, 0);
  const questions = view.progress.reduce((n, p) => n + p.total, 0);
  const steps = (["approve", "sendBack"] as const).filter((s) => view.decisions[s]);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <p className="text-sm font-medium text-brand-700">
            <Link href={`/penilaian/${view.id}`} className="underline underline-offset-2">
              LKE lengkap
            </Link>{" "}
            · {view.year}
          </p>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Keputusan usulan {view.unit.name}</h1>
          <div className="mt-2 flex flex-wrap items-center gap-2 text-sm text-slate-700">
            <AssessmentStatusBadge status={view.status} />
            {view.next && <span data-testid="next-step">Langkah berikutnya: {view.next.label}</span>}
          </div>
        </div>
        {steps.length > 0 && (
          <div className="flex flex-wrap gap-2" data-testid="decision-actions">
            {steps.map((s) => (
              <DecisionDialog key={s} view={view} step={s} />
            ))}
          </div>
        )}
      </div>

      {!progress.complete && (
        <Alert tone="warning" title="Penilaian TPI belum lengkap">
          {progress.reviewed} dari {progress.questions} pertanyaan direviu TPI
          {!progress.hasilComplete && "; nilai hasil TPI belum lengkap"}. Nilai di bawah belum final.
        </Alert>
      )}

      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardHeader title={view.final ? "Nilai akhir TPI" : "Nilai TPI"} />
          <CardBody className="space-y-3" data-testid="decision-scorecard">
            <p className="text-4xl font-semibold tabular-nums text-slate-900">
              {progress.complete ? formatScore(TPI.total) : "—"}
            </p>
            <p className="text-sm text-slate-700">
              Pengungkit {formatScore(TPI.pengungkit)} · Hasil {formatScore(TPI.hasil)} · Penilaian mandiri unit{" "}
              {formatScore(SELF.total)}
            </p>
            {progress.complete && (
              <div className="flex flex-wrap gap-4">
                <Verdict label="WBK" v={TPI.wbk} />
                <Verdict label="WBBM" v={TPI.wbbm} />
              </div>
            )}
          </CardBody>
        </Card>
        <Card>
          <CardHeader
            title="Kelengkapan bukti dukung"
            description={`${evidence} dari ${questions} pertanyaan berbukti dukung`}
          />
          <Table>
            <thead>
              <tr>
                <Th>Area</Th>
                <Th className="text-right">Berbukti</Th>
              </tr>
            </thead>
            <tbody data-testid="decision-evidence">
              {view.progress.map((p) => (
                <tr key={p.id}>
                  <Td>{p.name}</Td>
                  <Td className="text-right tabular-nums">
                    {p.evidence}/{p.total}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
      </div>

      <Card>
        <CardHeader
          title="Usulan ke PortalRB"
          description="Unit yang disetujui pimpinan dan memenuhi syarat dikirim ke PortalRB; WBK afirmasi dikirim sebagai kategori WBK-AFIRMASI."
        />
        <CardBody className="text-sm text-slate-800" data-testid="afirmasi">
          {afirmasi.editable ? (
            <AfirmasiForm assessmentId={view.id} initial={{ afirmasi: afirmasi.afirmasi, reason: afirmasi.reason }} />
          ) : afirmasi.afirmasi ? (
            <p>WBK afirmasi: {afirmasi.reason}</p>
          ) : (
            <p className="text-slate-600">Bukan usulan afirmasi.</p>
          )}
        </CardBody>
      </Card>

      <Card>
        <CardHeader title="Catatan TPI" />
        <CardBody className="space-y-2 text-sm text-slate-800">
          {view.hasil.TPI.catatan ? (
            <p>Komponen hasil: {view.hasil.TPI.catatan}</p>
          ) : (
            <p className="text-slate-600">Tidak ada catatan TPI atas komponen hasil.</p>
          )}
          {view.returnNote && <p>Catatan pengembalian terakhir: {view.returnNote}</p>}
        </CardBody>
      </Card>

      <Card>
        <CardHeader title="Perbedaan jawaban TPI dan unit" description={`${differences.length} pertanyaan`} />
        {differences.length === 0 ? (
          <CardBody>
            <p className="text-sm text-slate-600">TPI menerima semua jawaban unit.</p>
          </CardBody>
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>Pertanyaan</Th>
                <Th>Unit</Th>
                <Th>TPI</Th>
                <Th>Catatan TPI</Th>
              </tr>
            </thead>
            <tbody data-testid="decision-differences">
              {differences.map((d) => (
                <tr key={d.code}>
                  <Td>
                    <Link
                      href={`/penilaian/${view.id}?area=${encodeURIComponent(d.areaId)}&q=${d.code}`}
                      className="font-medium text-brand-700 underline underline-offset-2"
                    >
                      {d.code}
                    </Link>
                    <span className="block text-xs text-slate-600">{d.areaName}</span>
                  </Td>
                  <Td>{d.self}</Td>
                  <Td className="font-medium">{d.tpi}</Td>
                  <Td className="text-slate-700">{d.note}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </div>
  );
}
