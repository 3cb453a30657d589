"use client";

import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { ErrorText, Field, Input, Select } from "@/components/ui/form";
import { useActionForm } from "@/components/forms/use-action-form";
import { STAGE_LABELS } from "@/domain/timeline";
import { updateScheduleAction } from "@/server/actions/periodes";
import { updateScheduleSchema, type UpdateScheduleInput } from "@/server/actions/periodes.validation";

export function ScheduleForm({ id, year, defaults }: { id: string; year: number; defaults: UpdateScheduleInput }) {
  const router = useRouter();
  const { form, onSubmit, formError, saved, pending } = useActionForm({
    schema: updateScheduleSchema,
    action: updateScheduleAction,
    defaultValues: defaults,
    onSuccess: () => router.refresh(),
  });
  const errors = form.formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-3xl">
      <input type="hidden" {...form.register("id")} value={id} />
      <Card>
        <CardBody className="space-y-5">
          {formError && <Alert tone="error">{formError}</Alert>}
          {saved && <Alert tone="success">Jadwal periode {year} disimpan.</Alert>}
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="Status periode" htmlFor="status" error={errors.status?.message}>
              <Select id="status" {...form.register("status")}>
                <option value="PERSIAPAN">Persiapan</option>
                <option value="BERJALAN">Berjalan</option>
                <option value="DITUTUP">Ditutup</option>
              </Select>
            </Field>
            <Field
              label="Batas pengusulan PMPZI"
              htmlFor="pmpziDeadline"
              error={errors.pmpziDeadline?.message}
              hint="PermenPANRB 90/2021: paling lambat 31 Mei"
            >
              <Input
                id="pmpziDeadline"
                type="date"
                aria-invalid={!!errors.pmpziDeadline}
                {...form.register("pmpziDeadline")}
              />
            </Field>
          </div>
          <fieldset>
            <legend className="mb-2 text-sm font-medium text-slate-700">Jadwal tahap</legend>
            <div className="space-y-3">
              {defaults.stages.map((s, i) => {
                const err = errors.stages?.[i]?.start?.message ?? errors.stages?.[i]?.end?.message;
                return (
                  <div
                    key={s.stage}
                    className="grid items-end gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-[10rem_1fr_1fr]"
                  >
                    <p className="text-sm font-semibold text-slate-800 sm:pb-2">{STAGE_LABELS[s.stage]}</p>
                    <Field label="Mulai" htmlFor={`stage-${s.stage}-start`}>
                      <Input
                        id={`stage-${s.stage}-start`}
                        type="date"
                        aria-invalid={!!err}
                        {...form.register(`stages.${i}.start`)}
                      />
                    </Field>
                    <Field label="Selesai" htmlFor={`stage-${s.stage}-end`}>
                      <Input
                        id={`stage-${s.stage}-end`}
                        type="date"
                        aria-invalid={!!err}
                        {...form.register(`stages.${i}.end`)}
                      />
                    </Field>
                    <ErrorText message={err} className="sm:col-span-3" />
                  </div>
                );
              })}
            </div>
          </fieldset>
          <div className="flex justify-end gap-2">
            <ButtonLink href="/admin/periode" variant="secondary">
              Kembali
            </ButtonLink>
            <Button type="submit" disabled={pending}>
              {pending ? "Menyimpan…" : "Simpan jadwal"}
            </Button>
          </div>
        </CardBody>
      </Card>
    </form>
  );
}
