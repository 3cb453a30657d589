"use client";

import { isOpenReturn, wasReturned } from "@/domain/review";
import { useEffect, useRef, useState } from "react";
import { Controller } from "react-hook-form";
import { History, RotateCcw, Save } from "lucide-react";
import { ReviewStatusBadge } from "@/components/assessment-status-badge";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ErrorText, Textarea } from "@/components/ui/form";
import { formatScore } from "@/domain/scoring/format";
import type { AnswerValue } from "@/domain/scoring/types";
import type { ReviewStatus } from "@/domain/review";
import { saveSelfAnswerAction, takePengaduanCountsAction } from "@/server/actions/lke-answers";
import type { CurrentAnswer } from "@/server/lke/answers";
import { selfAnswerFormSchema, type AnswerFormValue } from "@/server/actions/lke.validation";
import { useActionForm } from "@/components/forms/use-action-form";
import type { HistoryEntry, SelfAnswerView, TpiAnswerView } from "@/server/queries/assessments";
import { formatDateTimeLocal } from "@/lib/client-format";
import { AnswerInput, describeAnswer, type PlainQuestion } from "./answer-input";
import { EvidenceBox } from "./evidence-box";
import { TpiReview } from "./tpi-review";
import { useWorkspace } from "./assessment-workspace";
import type { LiveScores } from "@/server/lke/context";

export function QuestionCard({
  question,
  answer,
  history,
}: {
  question: PlainQuestion;
  answer: { self: SelfAnswerView; tpi: TpiAnswerView | null };
  history: HistoryEntry[];
}) {
  const { view, setScores, setDirty } = useWorkspace();
  // The row version the next save claims to have read; the server refuses a stale one with CONFLICT.
  const version = useRef(answer.self.version);
  const [reviewStatus, setReviewStatus] = useState<ReviewStatus>(answer.self.reviewStatus);
  const [revisionCount, setRevisionCount] = useState(answer.self.revisionCount);
  const [provenance, setProvenance] = useState(answer.self.provenance);
  const { form, onSubmit, run, clearFeedback, failure, formError, saved, pending } = useActionForm({
    schema: selfAnswerFormSchema,
    action: (input) =>
      saveSelfAnswerAction({
        assessmentId: view.id,
        questionCode: question.id,
        ...input,
        version: version.current,
      }),
    defaultValues: { value: answer.self.value as AnswerFormValue, catatan: answer.self.catatan },
    onSuccess: (data, values) => {
      // What was saved (with the catatan as the server trimmed it) is the new baseline for "Belum disimpan".
      form.reset(values);
      saveWith(data);
      setProvenance(null);
    },
  });
  const { control, register, formState } = form;
  const conflict = failure?.code === "CONFLICT" ? ((failure.conflict as CurrentAnswer | undefined) ?? null) : null;

  const editable = answer.self.editable;
  const fromComplaints = question.formula?.kind === "complaints";

  function saveWith(data: { version: number; reviewStatus: ReviewStatus; revisionCount: number; scores: LiveScores }) {
    version.current = data.version;
    setReviewStatus(data.reviewStatus);
    setRevisionCount(data.revisionCount);
    setScores(data.scores);
  }

  /** "Ambil dari pengaduan": the server counts the year's complaints and saves them through the same path. */
  function takeFromComplaints() {
    void run(
      () => takePengaduanCountsAction({ assessmentId: view.id, version: version.current }),
      (data) => {
        form.reset({ value: { ...data.counts } satisfies Record<string, number>, catatan: data.catatan });
        saveWith(data);
        setProvenance({ source: "pengaduan", asOf: "" });
      },
    );
  }
  const dirty = formState.isDirty;
  useEffect(() => setDirty(question.id, dirty), [dirty, question.id, setDirty]);

  const returned = wasReturned(reviewStatus);

  return (
    <article
      id={`q-${question.id}`}
      aria-labelledby={`q-${question.id}-title`}
      className="scroll-mt-24 rounded-lg border border-slate-200 bg-white shadow-sm"
      data-testid={`question-${question.id}`}
    >
      <header className="flex flex-wrap items-start justify-between gap-2 border-b border-slate-100 px-4 py-3">
        <div className="min-w-0">
          <p className="text-xs font-semibold text-brand-700">
            {question.id} · bobot {formatScore(question.weight)}
          </p>
          <h4 id={`q-${question.id}-title`} className="mt-0.5 whitespace-pre-line text-sm font-medium text-slate-900">
            {question.text}
          </h4>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <ReviewStatusBadge status={reviewStatus} />
          {revisionCount > 0 && <span className="text-xs text-slate-500">direvisi {revisionCount}×</span>}
        </div>
      </header>

      {returned && answer.self.returnReason && (
        <div className="px-4 pt-3">
          <Alert
            tone={isOpenReturn(reviewStatus) ? "warning" : "info"}
            title={isOpenReturn(reviewStatus) ? "Dikembalikan TPI untuk revisi" : "Sudah direvisi; alasan pengembalian"}
          >
            {answer.self.returnReason}
          </Alert>
        </div>
      )}

      <div className="grid gap-4 px-4 py-4 lg:grid-cols-2">
        <section aria-label="Jawaban unit" className="space-y-3">
          <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">
            Jawaban unit (penilaian mandiri)
          </p>
          <form onSubmit={onSubmit} noValidate className="space-y-3">
            <Controller
              control={control}
              name="value"
              render={({ field }) => (
                <AnswerInput
                  question={question}
                  value={field.value as AnswerValue | null}
                  name={`self-${question.id}`}
                  onChange={(v) => {
                    field.onChange(v);
                    // A changed value answers the refusal it got: the old message goes at once.
                    clearFeedback();
                  }}
                  disabled={!editable || pending}
                  settings={view.settings}
                  zeroBase={view.zeroBase}
                />
              )}
            />
            {fromComplaints && (
              <div className="flex flex-wrap items-center gap-2 text-xs text-slate-600" data-testid="pre2a-pengaduan">
                {editable && (
                  <Button size="sm" variant="secondary" disabled={pending} onClick={takeFromComplaints}>
                    Ambil dari pengaduan
                  </Button>
                )}
                <span>
                  {provenance ? "Nilai diambil dari pengaduan masyarakat di aplikasi." : "Nilai diisi manual."}
                </span>
              </div>
            )}
            <label className="block">
              <span className="mb-1 block text-xs font-medium text-slate-700">
                Catatan (wajib untuk setiap jawaban)
              </span>
              <Textarea
                {...register("catatan", { onChange: clearFeedback })}
                disabled={!editable || pending}
                rows={2}
                aria-invalid={!!formState.errors.catatan}
                aria-label={`Catatan ${question.id}`}
              />
              <ErrorText message={formState.errors.catatan?.message} className="mt-1" />
            </label>

            {conflict && (
              <Alert tone="warning" title="Bentrok penyimpanan">
                <p>
                  {conflict.updatedBy} menyimpan jawaban{" "}
                  <strong>{describeAnswer(question, conflict.value, view.settings, view.zeroBase)}</strong> pada{" "}
                  {formatDateTimeLocal(conflict.updatedAt)}
                  {conflict.catatan && <> dengan catatan “{conflict.catatan}”</>}.
                </p>
                <div className="mt-2 flex flex-wrap gap-2">
                  <Button
                    size="sm"
                    variant="secondary"
                    onClick={() => {
                      form.reset({ value: conflict.value as AnswerFormValue, catatan: conflict.catatan });
                      version.current = conflict.version;
                      clearFeedback();
                    }}
                  >
                    <RotateCcw className="h-3.5 w-3.5" aria-hidden /> Pakai jawaban mereka
                  </Button>
                  <Button
                    size="sm"
                    onClick={() => {
                      version.current = conflict.version;
                      void onSubmit();
                    }}
                  >
                    Simpan jawaban saya
                  </Button>
                </div>
              </Alert>
            )}
            {formError && !conflict && <Alert tone="error">{formError}</Alert>}

            {editable && (
              <div className="flex flex-wrap items-center gap-3">
                <Button type="submit" size="sm" disabled={pending || !dirty || form.watch("value") === null}>
                  <Save className="h-3.5 w-3.5" aria-hidden /> {pending ? "Menyimpan…" : "Simpan"}
                </Button>
                {dirty && <span className="text-xs font-medium text-amber-700">Belum disimpan</span>}
                {saved && !dirty && (
                  <span role="status" className="text-xs font-medium text-emerald-700">
                    Tersimpan
                  </span>
                )}
              </div>
            )}
          </form>
          {!editable && answer.self.updatedBy && (
            <p className="text-xs text-slate-500">
              Diisi {answer.self.updatedBy}
              {answer.self.updatedAt && `, ${formatDateTimeLocal(answer.self.updatedAt)}`}
            </p>
          )}
          {answer.self.evidenceNote && (
            <div className="rounded-md border border-slate-200 bg-slate-50 p-2 text-xs text-slate-700">
              <p className="font-medium text-slate-800">Bukti dukung (dari impor LKE)</p>
              {answer.self.evidenceNote.text && (
                <p className="mt-1 whitespace-pre-line">{answer.self.evidenceNote.text}</p>
              )}
              {answer.self.evidenceNote.links.length > 0 && (
                <ul className="mt-1 space-y-0.5">
                  {answer.self.evidenceNote.links.map((href) => (
                    <li key={href} className="break-all">
                      <a className="text-brand-700 underline" href={href} target="_blank" rel="noopener noreferrer">
                        {href}
                      </a>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}
          <EvidenceBox
            questionCode={question.id}
            initial={answer.self.evidence}
            editable={editable}
            onCreatedVersion={(v) => {
              // Attaching the first evidence creates the answer row: the next save must claim its version.
              if (version.current === 0) version.current = v;
            }}
          />
        </section>

        <TpiReview
          question={question}
          self={{ value: (form.formState.defaultValues?.value ?? null) as AnswerValue | null, reviewStatus }}
          tpi={answer.tpi}
          onReviewed={(status) => setReviewStatus(status)}
        />
      </div>

      {history.length > 0 && (
        <details className="border-t border-slate-100 px-4 py-2 text-sm">
          <summary className="flex cursor-pointer items-center gap-2 text-xs font-medium text-slate-600">
            <History className="h-3.5 w-3.5" aria-hidden /> Riwayat perubahan ({history.length})
          </summary>
          <ol className="mt-2 space-y-1.5 text-xs text-slate-600">
            {history.map((h, i) => (
              <li key={i} className="rounded bg-slate-50 px-2 py-1">
                <span className="font-medium text-slate-800">{h.actor}</span> · {formatDateTimeLocal(h.at)} ·{" "}
                {describeHistory(h, question, view.settings)}
              </li>
            ))}
          </ol>
        </details>
      )}
    </article>
  );
}

type Snapshot = {
  layer?: string;
  value?: AnswerValue | null;
  catatan?: string | null;
  reviewStatus?: string;
  returnReason?: string | null;
} | null;

function describeHistory(
  h: HistoryEntry,
  question: PlainQuestion,
  settings: Parameters<typeof describeAnswer>[2],
): string {
  const show = (s: Snapshot) => (s ? describeAnswer(question, s.value ?? null, settings) : "belum dijawab");
  if (h.action === "answer.save") {
    const before = h.before as Snapshot;
    const after = h.after as Snapshot;
    return `jawaban unit ${show(before)} → ${show(after)}${after?.catatan && after.catatan !== before?.catatan ? ` (catatan: “${after.catatan}”)` : ""}`;
  }
  if (h.action.startsWith("answer.review")) {
    const after = h.after as { self: Snapshot; tpi: Snapshot };
    const before = h.before as { self: Snapshot; tpi: Snapshot };
    if (h.action.endsWith("return")) return `TPI mengembalikan: “${after.self?.returnReason ?? ""}”`;
    if (h.action.endsWith("change"))
      return `TPI mengubah jawaban ${show(before.tpi ?? before.self)} → ${show(after.tpi)} (catatan: “${after.tpi?.catatan ?? ""}”)`;
    return `TPI menerima jawaban ${show(after.tpi)}`;
  }
  return h.action;
}
