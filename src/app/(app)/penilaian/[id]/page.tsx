import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { AssessmentStatusBadge } from "@/components/assessment-status-badge";
import { Alert } from "@/components/ui/alert";
import { formatDate } from "@/lib/format";
import { requireUser } from "@/server/auth/current-user";
import { HASIL_TAB, loadAssessmentView, type AssessmentView } from "@/server/queries/assessments";
import { evidenceMaxBytes } from "@/server/storage/ingest";
import { AssessmentWorkspace } from "./assessment-workspace";
import { ChainActions } from "./chain-actions";

export const metadata: Metadata = { title: "LKE Unit" };

export default async function AssessmentPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ area?: string; q?: string }>;
}) {
  const user = await requireUser();
  const { id } = await params;
  const { area, q } = await searchParams;
  // ?q=CODE opens the area of that question and scrolls to it.
  const result = await loadAssessmentView(user, id, area, q);
  if (result.outcome === "missing") notFound();
  if (result.outcome === "forbidden") forbidden();
  return <Render view={result.view} focus={q} />;
}

function Render({ view, focus }: { view: AssessmentView; focus?: string }) {
  return (
    <>
      <div className="mb-4 flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <p className="text-sm font-medium text-brand-700">
            <Link href="/penilaian" className="hover:underline">
              Penilaian LKE
            </Link>{" "}
            · {view.year}
          </p>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{view.unit.name}</h1>
          <div className="mt-2 flex flex-wrap items-center gap-2 text-sm text-slate-600">
            <AssessmentStatusBadge status={view.status} />
            {view.revisionRound > 0 && <span>Revisi ke-{view.revisionRound}</span>}
            <span className="hidden sm:inline">· {view.catalogueName}</span>
          </div>
        </div>
        <ChainActions view={view} />
      </div>
      {view.next && (
        <p className="mb-4 text-sm text-slate-700" data-testid="next-step">
          <span className="font-medium">Langkah berikutnya:</span> {view.next.label}
          {view.late.due && (
            <span className={view.late.late ? "font-medium text-red-700" : "text-slate-600"}>
              {" "}
              Tenggat {formatDate(view.late.due.date)}
              {view.late.late && ` (terlambat ${view.late.daysLate} hari)`}.
            </span>
          )}
        </p>
      )}
      {view.sentBack && (
        <Alert tone="warning" title="Dikembalikan oleh pimpinan" className="mb-4">
          {view.returnNote}
        </Alert>
      )}
      {!view.fillOpen && view.holder === "UNIT" && (
        <Alert tone="warning" title="Masa pengisian sudah ditutup" className="mb-4">
          Jawaban unit hanya dapat dibaca. Bagian Organisasi dapat membuka kembali pengisian untuk unit ini.
        </Alert>
      )}
      {view.reopenedUntil && view.fillOpen && !view.fillWindowByStages && view.holder === "UNIT" && (
        <Alert tone="info" className="mb-4">
          Pengisian dibuka kembali sampai {formatDate(view.reopenedUntil)}
          {view.reopenReason && `: ${view.reopenReason}`}.
        </Alert>
      )}
      <AssessmentWorkspace view={view} hasilTab={HASIL_TAB} focus={focus} maxBytes={evidenceMaxBytes()} />
    </>
  );
}
