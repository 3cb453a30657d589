"use client";

import { isOpenReturn } from "@/domain/review";
import { useState, useTransition } from "react";
import { Check, PencilLine, Undo2 } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ErrorText, Textarea } from "@/components/ui/form";
import type { ReviewStatus } from "@/domain/review";
import type { AnswerValue } from "@/domain/scoring/types";
import { reviewQuestionAction } from "@/server/actions/lke-review";
import type { CurrentAnswer } from "@/server/lke/answers";
import type { TpiAnswerView } from "@/server/queries/assessments";
import { AnswerInput, describeAnswer, type PlainQuestion } from "./answer-input";
import { formatDateTimeLocal } from "@/lib/client-format";
import { useWorkspace } from "./assessment-workspace";

type Mode = null | "CHANGE" | "RETURN";

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
  const [value, setValue] = useState<AnswerValue | null>(initial?.value ?? self.value);
  const [note, setNote] = useState("");
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [pending, start] = useTransition();
  const canReview = view.can.review && self.value !== null;

  function decide(
    input:
      | { decision: "ACCEPT" }
      | { decision: "CHANGE"; value: AnswerValue | null; note: string }
      | { decision: "RETURN"; reason: string },
  ) {
    setError(null);
    setFieldErrors({});
    start(async () => {
      const result = await reviewQuestionAction({
        assessmentId: view.id,
        questionCode: question.id,
        tpiVersion: tpi?.version ?? 0,
        seenReviewStatus: self.reviewStatus,
        ...input,
      } as never);
      if (!result.ok) {
        const current = result.conflict as CurrentAnswer | undefined;
        setError(
          current
            ? `${result.error} Jawaban TPI saat ini: ${describeAnswer(question, current.value, view.settings, view.zeroBase)} (${current.updatedBy}).`
            : result.error,
        );
        setFieldErrors(result.fieldErrors ?? {});
        if (current)
          setTpi({
            value: current.value,
            catatan: current.catatan,
            version: current.version,
            updatedBy: current.updatedBy,
            updatedAt: current.updatedAt,
          });
        return;
      }
      setScores(result.data.scores);
      onReviewed(result.data.reviewStatus as ReviewStatus);
      setTpi(
        input.decision === "RETURN"
          ? null
          : {
              value: input.decision === "CHANGE" ? input.value : self.value,
              catatan: input.decision === "CHANGE" ? input.note : "Sesuai bukti dukung.",
              version: result.data.tpiVersion,
              updatedBy: "Anda",
              updatedAt: new Date().toISOString(),
            },
      );
      setMode(null);
      setNote("");
      setReason("");
    });
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
            <Button size="sm" variant="secondary" disabled={pending} onClick={() => decide({ decision: "ACCEPT" })}>
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
              <AnswerInput
                question={question}
                value={value}
                onChange={setValue}
                disabled={pending}
                name={`tpi-${question.id}`}
                settings={view.settings}
                zeroBase={view.zeroBase}
              />
              <label className="block">
                <span className="mb-1 block text-xs font-medium text-slate-700">Catatan TPI (wajib)</span>
                <Textarea
                  value={note}
                  onChange={(e) => setNote(e.target.value)}
                  rows={2}
                  aria-label={`Catatan TPI ${question.id}`}
                  aria-invalid={!!fieldErrors.note}
                />
                <ErrorText message={fieldErrors.note} className="mt-1" />
              </label>
              <Button size="sm" disabled={pending} onClick={() => decide({ decision: "CHANGE", value, note })}>
                Simpan jawaban TPI
              </Button>
            </div>
          )}
          {mode === "RETURN" && (
            <div className="space-y-2 rounded-md border border-slate-200 bg-white p-3">
              <label className="block">
                <span className="mb-1 block text-xs font-medium text-slate-700">Alasan pengembalian (wajib)</span>
                <Textarea
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                  rows={2}
                  aria-label={`Alasan pengembalian ${question.id}`}
                  aria-invalid={!!fieldErrors.reason}
                />
                <ErrorText message={fieldErrors.reason} className="mt-1" />
              </label>
              <Button
                size="sm"
                variant="danger"
                disabled={pending}
                onClick={() => decide({ decision: "RETURN", reason })}
              >
                Kembalikan ke unit
              </Button>
            </div>
          )}
          {error && <Alert tone="error">{error}</Alert>}
        </div>
      )}
    </section>
  );
}
