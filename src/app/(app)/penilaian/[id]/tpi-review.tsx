"use client";

import { isOpenReturn } from "@/domain/review";
import { useState } from "react";
import { Controller } from "react-hook-form";
import { Check, PencilLine, Undo2 } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ErrorText, Textarea } from "@/components/ui/form";
import type { ReviewStatus } from "@/domain/review";
import type { AnswerValue } from "@/domain/scoring/types";
import { reviewQuestionAction } from "@/server/actions/lke-review";
import { tpiReviewFormSchema, type AnswerFormValue, type ReviewQuestionInput } from "@/server/actions/lke.validation";
import { useActionForm, type ActionFailure } from "@/components/forms/use-action-form";
import type { CurrentAnswer } from "@/server/lke/answers";
import type { TpiAnswerView } from "@/server/queries/assessments";
import { AnswerInput, describeAnswer, type PlainQuestion } from "./answer-input";
import { formatDateTimeLocal } from "@/lib/client-format";
import { useWorkspace } from "./assessment-workspace";

type Mode = null | "CHANGE" | "RETURN";

/** The TPI answer saved meanwhile, when the refusal is a CONFLICT. */
const conflictOf = (failure: ActionFailure | null) =>
  failure?.code === "CONFLICT" ? (failure.conflict as CurrentAnswer | undefined) : undefined;

/** The TPI's layer of one question: its answer and note, and the review controls when the LKE is with the TPI. */
export function TpiReview({
  question,
  self,
  tpi: initial,
  onReviewed,
}: {
  question: PlainQuestion;
  self: { value: AnswerValue | null; reviewStatus: ReviewStatus };
  tpi: TpiAnswerView | null;
  onReviewed: (status: ReviewStatus) => void;
}) {
  const { view, setScores } = useWorkspace();
  const [tpi, setTpi] = useState(initial);
  const [mode, setMode] = useState<Mode>(null);
  const canReview = view.can.review && self.value !== null;
  const { form, onSubmit, failure, formError, pending } = useActionForm({
    schema: tpiReviewFormSchema,
    action: ({ decision, value, note, reason }) =>
      reviewQuestionAction({
        assessmentId: view.id,
        questionCode: question.id,
        tpiVersion: tpi?.version ?? 0,
        seenReviewStatus: self.reviewStatus,
        ...{ ACCEPT: { decision }, CHANGE: { decision, value, note }, RETURN: { decision, reason } }[decision],
      } as ReviewQuestionInput),
    defaultValues: {
      decision: "ACCEPT",
      value: (initial?.value ?? self.value) as AnswerFormValue,
      note: "",
      reason: "",
    },
    onSuccess: (data, { decision, value, note }) => {
      setScores(data.scores);
      onReviewed(data.reviewStatus as ReviewStatus);
      setTpi(
        decision === "RETURN"
          ? null
          : {
              value: decision === "CHANGE" ? (value as AnswerValue | null) : self.value,
              catatan: decision === "CHANGE" ? note : "Sesuai bukti dukung.",
              version: data.tpiVersion,
              updatedBy: "Anda",
              updatedAt: new Date().toISOString(),
            },
      );
      setMode(null);
      form.reset({ ...form.getValues(), note: "", reason: "" });
    },
    onFailure: (refusal) => {
      // Someone else reviewed this question meanwhile: show their answer in place of the stale one.
      const current = conflictOf(refusal);
      if (current)
        setTpi({
          value: current.value,
          catatan: current.catatan,
          version: current.version,
          updatedBy: current.updatedBy,
          updatedAt: current.updatedAt,
        });
    },
  });
  const { control, register, formState } = form;
  const errors = formState.errors;
  const current = conflictOf(failure);

  /** Each button is its own decision; the fields it needs are checked for that decision only. */
  function decide(decision: "ACCEPT" | "CHANGE" | "RETURN") {
    form.setValue("decision", decision);
    void onSubmit();
  }

  return (
    <section aria-label="Penilaian TPI" className="space-y-3 rounded-md bg-slate-50 p-3 lg:bg-transparent lg:p-0">
      <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">Penilaian TPI</p>
      {tpi ? (
        <div
          className="rounded-md border border-violet-200 bg-violet-50 px-3 py-2 text-sm"
          data-testid={`tpi-answer-${question.id}`}
        >
          <p>
            Jawaban TPI: <strong>{describeAnswer(question, tpi.value, view.settings, view.zeroBase)}</strong>
            {JSON.stringify(tpi.value) !== JSON.stringify(self.value) && self.value !== null && (
              <span className="text-slate-600">
                {" "}
                (unit: {describeAnswer(question, self.value, view.settings, view.zeroBase)})
              </span>
            )}
          </p>
          {tpi.catatan && <p className="mt-1 text-slate-700">Catatan TPI: {tpi.catatan}</p>}
          {tpi.updatedBy && tpi.updatedAt && (
            <p className="mt-1 text-xs text-slate-500">
              {tpi.updatedBy}, {formatDateTimeLocal(tpi.updatedAt)}
            </p>
          )}
        </div>
      ) : (
        <p className="text-sm text-slate-500">
          {isOpenReturn(self.reviewStatus) ? "Dikembalikan ke unit untuk revisi." : "Belum direviu."}
        </p>
      )}

      {canReview && (
        <div className="space-y-2">
          <div className="flex flex-wrap gap-2">
            <Button size="sm" variant="secondary" disabled={pending} onClick={() => decide("ACCEPT")}>
              <Check className="h-3.5 w-3.5" aria-hidden /> Terima
            </Button>
            <Button
              size="sm"
              variant="secondary"
              disabled={pending}
              onClick={() => setMode(mode === "CHANGE" ? null : "CHANGE")}
              aria-expanded={mode === "CHANGE"}
            >
              <PencilLine className="h-3.5 w-3.5" aria-hidden /> Ubah jawaban
            </Button>
            <Button
              size="sm"
              variant="secondary"
              disabled={pending}
              onClick={() => setMode(mode === "RETURN" ? null : "RETURN")}
              aria-expanded={mode === "RETURN"}
            >
              <Undo2 className="h-3.5 w-3.5" aria-hidden /> Kembalikan
            </Button>
          </div>
          {mode === "CHANGE" && (
            <div className="space-y-2 rounded-md border border-slate-200 bg-white p-3">
              <Controller
                control={control}
                name="value"
                render={({ field }) => (
                  <AnswerInput
                    question={question}
                    value={field.value as AnswerValue | null}
                    onChange={field.onChange}
                    disabled={pending}
                    name={`tpi-${question.id}`}
                    settings={view.settings}
                    zeroBase={view.zeroBase}
                  />
                )}
              />
              <ErrorText message={errors.value?.message} />
              <label className="block">
                <span className="mb-1 block text-xs font-medium text-slate-700">Catatan TPI (wajib)</span>
                <Textarea
                  {...register("note")}
                  rows={2}
                  aria-label={`Catatan TPI ${question.id}`}
                  aria-invalid={!!errors.note}
                />
                <ErrorText message={errors.note?.message} className="mt-1" />
              </label>
              <Button size="sm" disabled={pending} onClick={() => decide("CHANGE")}>
                Simpan jawaban TPI
              </Button>
            </div>
          )}
          {mode === "RETURN" && (
            <div className="space-y-2 rounded-md border border-slate-200 bg-white p-3">
              <label className="block">
                <span className="mb-1 block text-xs font-medium text-slate-700">Alasan pengembalian (wajib)</span>
                <Textarea
                  {...register("reason")}
                  rows={2}
                  aria-label={`Alasan pengembalian ${question.id}`}
                  aria-invalid={!!errors.reason}
                />
                <ErrorText message={errors.reason?.message} className="mt-1" />
              </label>
              <Button size="sm" variant="danger" disabled={pending} onClick={() => decide("RETURN")}>
                Kembalikan ke unit
              </Button>
            </div>
          )}
          {formError && (
            <Alert tone="error">
              {formError}
              {current &&
                ` Jawaban TPI saat ini: ${describeAnswer(question, current.value, view.settings, view.zeroBase)} (${current.updatedBy}).`}
            </Alert>
          )}
        </div>
      )}
    </section>
  );
}
