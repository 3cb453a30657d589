"use client";

import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { FormActions } from "@/components/forms/form-actions";
import { Card, CardBody } from "@/components/ui/card";
import { Field, Input, Select, Textarea } from "@/components/ui/form";
import { useActionForm } from "@/components/forms/use-action-form";
import { RENCANA_AKSI_STATUS_LABELS, RENCANA_AKSI_STATUSES } from "@/domain/monev";
import { createRencanaAksiAction, updateRencanaAksiAction } from "@/server/actions/rencana-aksi";
import { rencanaAksiFormSchema, type RencanaAksiFormInput } from "@/server/actions/rencana-aksi.validation";

type Option = { id: string; name: string };

/**
 * Create (in the given period) or edit (`id`) a rencana aksi. On edit the unit is fixed: `units`
 * holds only the item's unit.
 */
export function RencanaAksiForm({
  id,
  periodeId,
  year,
  areas,
  units,
  defaults,
}: {
  id?: string;
  periodeId: string;
  year: number;
  areas: Option[];
  units: Option[];
  defaults: RencanaAksiFormInput;
}) {
  const router = useRouter();
  const { form, onSubmit, formError, pending } = useActionForm({
    schema: rencanaAksiFormSchema,
    action: ({ unitId, ...plan }) =>
      id ? updateRencanaAksiAction({ id, ...plan }) : createRencanaAksiAction({ periodeId, unitId, ...plan }),
    defaultValues: defaults,
    onSuccess: () => router.push("/monev"),
  });
  const { register, formState } = form;
  const errors = formState.errors;

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-3xl">
      <Card>
        <CardBody className="space-y-4">
          {formError && <Alert tone="error">{formError}</Alert>}
          {id ? (
            <Field label="Unit">
              <p className="text-sm font-medium text-slate-900">{units[0]?.name}</p>
            </Field>
          ) : (
            <Field label="Unit" htmlFor="unitId" error={errors.unitId?.message}>
              <Select id="unitId" aria-invalid={!!errors.unitId} {...register("unitId")}>
                {units.length > 1 && <option value="">Pilih unit…</option>}
                {units.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
              </Select>
            </Field>
          )}
          <Field label="Area" htmlFor="areaCode" error={errors.areaCode?.message}>
            <Select id="areaCode" aria-invalid={!!errors.areaCode} {...register("areaCode")}>
              <option value="">Pilih area…</option>
              {areas.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Kegiatan" htmlFor="activity" error={errors.activity?.message}>
            <Textarea id="activity" rows={2} aria-invalid={!!errors.activity} {...register("activity")} />
          </Field>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field
              label="Tanggal target"
              htmlFor="targetDate"
              error={errors.targetDate?.message}
              hint={`Di tahun ${year}`}
            >
              <Input
                id="targetDate"
                type="date"
                min={`${year}-01-01`}
                max={`${year}-12-31`}
                aria-invalid={!!errors.targetDate}
                {...register("targetDate")}
              />
            </Field>
            <Field label="Status" htmlFor="status" error={errors.status?.message}>
              <Select id="status" {...register("status")}>
                {RENCANA_AKSI_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {RENCANA_AKSI_STATUS_LABELS[s]}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
          <Field
            label="Penanggung jawab"
            htmlFor="personInCharge"
            error={errors.personInCharge?.message}
            hint="Nama atau jabatan, misalnya Ketua Pokja Manajemen Perubahan"
          >
            <Input id="personInCharge" aria-invalid={!!errors.personInCharge} {...register("personInCharge")} />
          </Field>
          <Field label="Catatan monev (opsional)" htmlFor="notes" error={errors.notes?.message}>
            <Textarea id="notes" rows={3} {...register("notes")} />
          </Field>
          <FormActions cancelHref="/monev" pending={pending} />
        </CardBody>
      </Card>
    </form>
  );
}
