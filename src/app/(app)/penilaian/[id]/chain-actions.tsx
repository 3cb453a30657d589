"use client";

import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import * as Dialog from "@radix-ui/react-dialog";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, Textarea } from "@/components/ui/form";
import {
  approveAssessmentAction,
  finalizeAssessmentAction,
  reopenAssessmentAction,
  returnAssessmentAction,
  sendBackAssessmentAction,
  submitAssessmentAction,
} from "@/server/actions/lke-chain";
import type { ActionResult } from "@/server/actions/define-action";
import { decisionFormSchema, reopenFormSchema, sendBackFormSchema } from "@/server/actions/lke.validation";
import { useActionForm } from "@/components/forms/use-action-form";
import type { AssessmentView, ChainStep } from "@/server/queries/assessments";
import { CheckCircle2, XCircle } from "lucide-react";
import { formatScore } from "@/domain/scoring/format";

type Missing = { code: string; areaId: string | null }[];

type Step = ChainStep;

const STEP_TEXT: Record<
  Step,
  { button: string; title: string; describe: string; confirm: string; done: string; variant: "primary" | "secondary" }
> = {
  submit: {
    button: "Ajukan ke TPI",
    title: "Ajukan LKE ke TPI",
    describe: "Setelah diajukan, jawaban unit terkunci sampai TPI mengembalikannya.",
    confirm: "Ajukan",
    done: "LKE diajukan ke TPI.",
    variant: "primary",
  },
  return: {
    button: "Kembalikan untuk revisi",
    title: "Kembalikan ke unit untuk revisi",
    describe: "Pertanyaan yang ditandai dibuka kembali untuk unit; yang lain tetap terkunci.",
    confirm: "Kembalikan",
    done: "LKE dikembalikan ke unit.",
    variant: "secondary",
  },
  finalize: {
    button: "Finalkan penilaian",
    title: "Finalkan penilaian TPI",
    describe: "Setelah final, nilai TPI menjadi nilai akhir dan pimpinan dapat menyetujui usulan.",
    confirm: "Finalkan",
    done: "Penilaian TPI difinalkan.",
    variant: "primary",
  },
  approve: {
    button: "Setujui usulan ke PMPZI",
    title: "Setujui usulan ke PMPZI",
    describe: "Unit ini diusulkan ke KemenPANRB melalui PMPZI dengan nilai akhir TPI.",
    confirm: "Setujui",
    done: "Usulan ke PMPZI disetujui.",
    variant: "primary",
  },
  sendBack: {
    button: "Kembalikan ke TPI",
    title: "Kembalikan ke TPI",
    describe: "TPI akan meninjau ulang penilaiannya dengan alasan yang Anda tulis.",
    confirm: "Kembalikan ke TPI",
    done: "LKE dikembalikan ke TPI.",
    variant: "secondary",
  },
};

const ORDER: Step[] = ["submit", "return", "finalize", "approve", "sendBack"];

function callStep(step: Step, assessmentId: string, reason: string): Promise<ActionResult<unknown>> {
  switch (step) {
    case "submit":
      return submitAssessmentAction({ assessmentId });
    case "return":
      return returnAssessmentAction({ assessmentId });
    case "finalize":
      return finalizeAssessmentAction({ assessmentId });
    case "approve":
      return approveAssessmentAction({ assessmentId });
    case "sendBack":
      return sendBackAssessmentAction({ assessmentId, reason });
  }
}

/** What the dialog lists before the decision: the facts of the step, each marked done or not. */
function checklistOf(view: AssessmentView, step: Step): { label: string; ok: boolean }[] {
  const c = view.checklist;
  const tpi = view.scores.progress;
  switch (step) {
    case "submit":
      return [
        {
          label: c.incomplete.length
            ? `${c.incomplete.length} pertanyaan belum dijawab atau belum diberi catatan`
            : "Semua pertanyaan dijawab dan diberi catatan",
          ok: c.incomplete.length === 0,
        },
        {
          label: c.hasilMissing.length
            ? `Komponen hasil belum diisi: ${c.hasilMissing.join(", ")}`
            : "Komponen hasil unit lengkap",
          ok: c.hasilMissing.length === 0,
        },
        {
          label: c.openReturns
            ? `${c.openReturns} pertanyaan dikembalikan belum direvisi`
            : "Tidak ada pengembalian yang terbuka",
          ok: c.openReturns === 0,
        },
      ];
    case "return":
      return [
        {
          label: c.openReturns
            ? `${c.openReturns} pertanyaan ditandai untuk dikembalikan`
            : "Belum ada pertanyaan yang ditandai untuk dikembalikan",
          ok: c.openReturns > 0,
        },
        {
          label: view.fillOpen
            ? "Masa pengisian unit terbuka"
            : "Masa pengisian unit sudah ditutup: unit baru dapat merevisi setelah Bagian Organisasi membukanya kembali",
          ok: view.fillOpen,
        },
      ];
    case "finalize":
      return [
        { label: `${tpi.reviewed} dari ${tpi.questions} pertanyaan direviu`, ok: tpi.reviewed === tpi.questions },
        {
          label: c.tpiHasilMissing.length
            ? `Nilai hasil TPI belum diisi: ${c.tpiHasilMissing.join(", ")}`
            : "Nilai hasil TPI lengkap",
          ok: c.tpiHasilMissing.length === 0,
        },
        {
          label: c.openReturns
            ? `${c.openReturns} pertanyaan masih dikembalikan`
            : "Tidak ada pengembalian yang terbuka",
          ok: c.openReturns === 0,
        },
      ];
    case "approve":
    case "sendBack":
      return [
        { label: `Penilaian TPI final: ${tpi.reviewed} dari ${tpi.questions} pertanyaan direviu`, ok: tpi.complete },
        {
          label: `Nilai akhir TPI ${formatScore(view.scores.TPI.total)}; WBK ${view.scores.TPI.wbk.eligible ? "memenuhi" : "belum memenuhi"}, WBBM ${view.scores.TPI.wbbm.eligible ? "memenuhi" : "belum memenuhi"}`,
          ok: true,
        },
      ];
  }
}

/** The moves along the review chain this user's role makes on this LKE, each through a decision dialog. */
export function ChainActions({ view }: { view: AssessmentView }) {
  const [done, setDone] = useState<string | null>(null);

  const steps = ORDER.filter((step) => view.decisions[step]);
  const buttons = [
    ...steps.map((step) => <DecisionDialog key={step} view={view} step={step} onDone={(m) => setDone(m)} />),
    view.can.reopen && <ReopenDialog key="reopen" view={view} onDone={(m) => setDone(m)} />,
  ].filter(Boolean);

  // After a move the buttons may all be gone; the confirmation stays.
  if (buttons.length === 0 && !done) return null;
  return (
    <div className="no-print flex max-w-full flex-col items-stretch gap-2 sm:items-end">
      <div className="flex flex-wrap gap-2 sm:justify-end">{buttons}</div>
      {done && (
        <p role="status" className="text-sm font-medium text-emerald-800">
          {done}
        </p>
      )}
    </div>
  );
}

/**
 * One decision: the dialog shows the checklist first, says who must act while the step is blocked (and
 * keeps its button disabled), asks for a reason where the step needs one, and reports a refusal in place.
 */
export function DecisionDialog({
  view,
  step,
  onDone,
}: {
  view: AssessmentView;
  step: Step;
  onDone?: (message: string) => void;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const decision = view.decisions[step]!;
  const text = STEP_TEXT[step];
  const needsReason = step === "sendBack";
  const { form, onSubmit, clearFeedback, failure, formError, pending } = useActionForm({
    schema: needsReason ? sendBackFormSchema : decisionFormSchema,
    action: ({ reason }) => callStep(step, view.id, reason),
    defaultValues: { reason: "" },
    onSuccess: () => {
      setOpen(false);
      onDone?.(text.done);
      router.refresh();
    },
  });
  const reasonOk = !needsReason || form.watch("reason").trim().length >= 10;
  const blocked = !decision.allowed;
  const missingOf = (codes: string[]): Missing =>
    codes.map((code) => ({ code, areaId: view.questionAreas[code] ?? null }));
  // What the refusal listed, else what the policy already knows is missing.
  const shownMissing = failure?.details?.missing
    ? missingOf(failure.details.missing)
    : !decision.allowed && decision.missing
      ? missingOf(decision.missing)
      : [];
  const descriptionId = `decision-${step}-desc`;

  return (
    <Dialog.Root
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (o) clearFeedback();
      }}
    >
      <Dialog.Trigger asChild>
        <Button variant={text.variant} data-testid={`decision-${step}`}>
          {text.button}
        </Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <Dialog.Content
          className="fixed left-1/2 top-1/2 z-50 max-h-[90vh] w-[min(36rem,94vw)] -translate-x-1/2 -translate-y-1/2 space-y-4 overflow-y-auto rounded-lg bg-white p-5 shadow-xl"
          aria-describedby={descriptionId}
        >
          <Dialog.Title className="text-base font-semibold text-slate-900">
            {text.title} · {view.unit.shortName}
          </Dialog.Title>
          <Dialog.Description id={descriptionId} className="text-sm text-slate-700">
            {text.describe}
          </Dialog.Description>
          <ul className="space-y-1.5 text-sm" aria-label="Daftar periksa">
            {checklistOf(view, step).map((item) => (
              <li key={item.label} className="flex items-start gap-2">
                {item.ok ? (
                  <CheckCircle2 className="mt-0.5 h-4 w-4 shrink-0 text-emerald-700" aria-label="Terpenuhi" />
                ) : (
                  <XCircle className="mt-0.5 h-4 w-4 shrink-0 text-red-700" aria-label="Belum" />
                )}
                <span className="text-slate-800">{item.label}</span>
              </li>
            ))}
          </ul>
          {blocked && (
            <Alert tone="warning" title="Belum dapat dilakukan">
              <p>{decision.reason}</p>
              {view.next && <p className="mt-1">Langkah berikutnya: {view.next.label}</p>}
            </Alert>
          )}
          {shownMissing.length > 0 && (
            <div className="text-sm">
              <p className="font-medium text-slate-900">Yang belum lengkap ({shownMissing.length}):</p>
              <ul className="mt-1 flex max-h-40 flex-wrap gap-1 overflow-y-auto" aria-label="Daftar yang belum lengkap">
                {shownMissing.map((m) => (
                  <li key={m.code}>
                    <Link
                      href={m.areaId ? `?area=${encodeURIComponent(m.areaId)}&q=${m.code}` : "?area=HASIL"}
                      onClick={() => setOpen(false)}
                      className="rounded bg-white px-1.5 py-0.5 text-xs font-medium text-red-800 underline ring-1 ring-red-200"
                    >
                      {m.code}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {needsReason && !blocked && (
            <Field
              label="Alasan pengembalian"
              htmlFor={`reason-${step}`}
              hint="Minimal 10 karakter; dibaca TPI."
              error={form.formState.errors.reason?.message}
            >
              <Textarea id={`reason-${step}`} {...form.register("reason")} rows={3} />
            </Field>
          )}
          {formError && (
            <Alert tone="error">
              <p role="alert">{formError}</p>
            </Alert>
          )}
          <div className="flex justify-end gap-2">
            <Dialog.Close asChild>
              <Button variant="secondary">Batal</Button>
            </Dialog.Close>
            <Button
              variant={step === "sendBack" || step === "return" ? "danger" : "primary"}
              disabled={blocked || !reasonOk || pending}
              onClick={() => void onSubmit()}
              data-testid={`confirm-${step}`}
            >
              {pending ? "Memproses…" : text.confirm}
            </Button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function ReopenDialog({ view, onDone }: { view: AssessmentView; onDone: (message: string) => void }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const defaults = { until: view.reopenedUntil ?? "", reason: view.reopenReason ?? "" };
  const { form, onSubmit, clearFeedback, formError, pending } = useActionForm({
    schema: reopenFormSchema,
    action: (_typed, { until, reason }) => reopenAssessmentAction({ assessmentId: view.id, until, reason }),
    defaultValues: defaults,
    onSuccess: (_data, { until }) => {
      setOpen(false);
      onDone(until ? "Pengisian dibuka kembali." : "Pengisian ditutup kembali.");
      router.refresh();
    },
  });
  const errors = form.formState.errors;
  return (
    <Dialog.Root
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (o) {
          clearFeedback();
          form.reset(defaults);
        }
      }}
    >
      <Dialog.Trigger asChild>
        <Button variant="secondary" disabled={pending}>
          {view.reopenedUntil ? "Atur pembukaan pengisian" : "Buka kembali pengisian"}
        </Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <Dialog.Content
          className="fixed left-1/2 top-1/2 z-50 w-[min(32rem,92vw)] -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-5 shadow-xl"
          aria-describedby={undefined}
        >
          <form onSubmit={onSubmit} noValidate className="space-y-4">
            <Dialog.Title className="text-base font-semibold">
              Buka kembali pengisian LKE {view.unit.shortName}
            </Dialog.Title>
            <p className="text-sm text-slate-600">
              Di luar jadwal pengisian, unit hanya dapat mengubah jawabannya sampai tanggal ini.
            </p>
            <Field label="Dibuka sampai" htmlFor="reopen-until" error={errors.until?.message}>
              <Input id="reopen-until" type="date" aria-invalid={!!errors.until} {...form.register("until")} />
            </Field>
            <Field label="Alasan" htmlFor="reopen-reason" error={errors.reason?.message}>
              <Textarea id="reopen-reason" rows={2} aria-invalid={!!errors.reason} {...form.register("reason")} />
            </Field>
            {formError && <Alert tone="error">{formError}</Alert>}
            <div className="flex flex-wrap justify-end gap-2">
              {view.reopenedUntil && (
                <Button
                  variant="danger"
                  disabled={pending}
                  onClick={() => {
                    // Closing again: no date, no reason.
                    form.reset({ until: "", reason: "" });
                    void onSubmit();
                  }}
                >
                  Tutup pengisian
                </Button>
              )}
              <Dialog.Close asChild>
                <Button variant="secondary">Batal</Button>
              </Dialog.Close>
              <Button type="submit" disabled={pending}>
                Simpan
              </Button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
