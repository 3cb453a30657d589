"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { ErrorText, Field, Input, Textarea } from "@/components/ui/form";
import { useActionForm } from "@/components/forms/use-action-form";
import { closeSurveyRoundAction, openSurveyRoundAction, voidSurveyResponseAction } from "@/server/actions/survey";
import { openSurveyRoundSchema } from "@/server/actions/survey.validation";

/** Opening a round: title and end date are optional (quarter name, 90 days); the minimum starts at the instansi's. */
export function OpenRoundForm({ unitId, minRespondents }: { unitId: string; minRespondents: number }) {
  const router = useRouter();
  const { form, onSubmit, formError, pending } = useActionForm({
    schema: openSurveyRoundSchema,
    action: openSurveyRoundAction,
    defaultValues: { unitId, title: "", closesOn: null, minRespondents },
    onSuccess: (data) => router.push(`/hasil-survei/${data.roundId}`),
  });
  const errors = form.formState.errors;
  return (
    <form onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-4 sm:items-end" data-testid="open-round-form">
      <Field label="Judul (opsional)" htmlFor="round-title" error={errors.title?.message}>
        <Input id="round-title" placeholder="mis. Triwulan I" {...form.register("title")} />
      </Field>
      <Field label="Tanggal akhir (opsional)" htmlFor="round-end" error={errors.closesOn?.message}>
        <Input id="round-end" type="date" {...form.register("closesOn", { setValueAs: (v) => (v ? v : null) })} />
      </Field>
      <Field label="Minimal responden" htmlFor="round-min" error={errors.minRespondents?.message}>
        <Input id="round-min" type="number" min={1} {...form.register("minRespondents", { valueAsNumber: true })} />
      </Field>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Membuka…" : "Buka putaran survei"}
        </Button>
      </div>
      <ErrorText message={formError} className="sm:col-span-4" />
    </form>
  );
}

export function CloseRoundButton({ roundId }: { roundId: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <div>
      <Button
        variant="secondary"
        disabled={pending}
        onClick={() => {
          if (!window.confirm("Tutup putaran survei ini? Tautan tidak lagi menerima jawaban.")) return;
          start(async () => {
            const r = await closeSurveyRoundAction({ roundId });
            if (!r.ok) setError(r.error);
            else router.refresh();
          });
        }}
      >
        Tutup putaran
      </Button>
      <ErrorText message={error} />
    </div>
  );
}

/** Voiding one response needs a reason; the response stays stored and leaves the index. */
export function VoidResponseForm({ responseId, label }: { responseId: string; label: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  if (!open) {
    return (
      <Button size="sm" variant="secondary" onClick={() => setOpen(true)} aria-label={`Batalkan ${label}`}>
        Batalkan
      </Button>
    );
  }
  const id = `void-${responseId}`;
  return (
    <form
      className="space-y-1"
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const r = await voidSurveyResponseAction({ responseId, reason });
          if (!r.ok) setError(r.fieldErrors?.reason ?? r.error);
          else router.refresh();
        });
      }}
    >
      <label htmlFor={id} className="block text-xs font-medium text-slate-700">
        Alasan pembatalan {label}
      </label>
      <Textarea id={id} value={reason} onChange={(e) => setReason(e.target.value)} className="min-h-14 text-sm" />
      <ErrorText message={error} />
      <div className="flex gap-2">
        <Button size="sm" type="submit" disabled={pending}>
          Simpan pembatalan
        </Button>
        <Button size="sm" variant="secondary" onClick={() => setOpen(false)}>
          Batal
        </Button>
      </div>
    </form>
  );
}
