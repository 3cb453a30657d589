"use client";

import { useRouter } from "next/navigation";
import { Controller } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { FormActions } from "@/components/forms/form-actions";
import { Card, CardBody } from "@/components/ui/card";
import { Checkbox, Field, Input, Select, CheckboxGroup, ErrorText } from "@/components/ui/form";
import { useActionForm } from "@/components/forms/use-action-form";
import { createUnitAction, updateUnitAction } from "@/server/actions/units";
import {
  SELECTION_CRITERIA,
  SELECTION_CRITERIA_LABELS,
  UNIT_TYPE_LABELS,
  UNIT_TYPES,
  unitFormSchema,
  type UnitFormInput,
} from "@/server/actions/units.validation";

export function UnitForm({
  unitId,
  defaults,
  parents,
}: {
  unitId?: string;
  defaults: UnitFormInput;
  parents: { id: string; name: string }[];
}) {
  const router = useRouter();
  const { form, onSubmit, formError, pending } = useActionForm({
    schema: unitFormSchema,
    action: (input) => (unitId ? updateUnitAction({ ...input, id: unitId }) : createUnitAction(input)),
    defaultValues: defaults,
    onSuccess: () => router.push("/admin/unit"),
  });
  const { register, formState, control, watch } = form;
  const errors = formState.errors;
  const proposed = watch("proposedForZi");

  return (
    <form onSubmit={onSubmit} noValidate>
      <Card>
        <CardBody className="space-y-5">
          {formError && <Alert tone="error">{formError}</Alert>}
          <div className="grid gap-4 sm:grid-cols-3">
            <Field label="Nama unit" htmlFor="name" error={errors.name?.message} className="sm:col-span-2">
              <Input id="name" aria-invalid={!!errors.name} {...register("name")} />
            </Field>
            <Field label="Singkatan" htmlFor="shortName" error={errors.shortName?.message}>
              <Input id="shortName" aria-invalid={!!errors.shortName} {...register("shortName")} />
            </Field>
            <Field label="Jenis unit" htmlFor="type" error={errors.type?.message}>
              <Select id="type" aria-invalid={!!errors.type} {...register("type")}>
                <option value="">Pilih jenis…</option>
                {UNIT_TYPES.map((t) => (
                  <option key={t} value={t}>
                    {UNIT_TYPE_LABELS[t]}
                  </option>
                ))}
              </Select>
            </Field>
            <Field
              label="Unit induk (opsional)"
              htmlFor="parentId"
              error={errors.parentId?.message}
              className="sm:col-span-2"
            >
              <Select id="parentId" {...register("parentId")}>
                <option value="">Tidak ada</option>
                {parents.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </Select>
            </Field>
            <Field
              label="Nama kepala unit"
              htmlFor="headName"
              error={errors.headName?.message}
              className="sm:col-span-2"
            >
              <Input id="headName" {...register("headName")} />
            </Field>
            <Field label="NIP kepala unit" htmlFor="headNip" error={errors.headNip?.message} hint="18 digit">
              <Input id="headNip" inputMode="numeric" aria-invalid={!!errors.headNip} {...register("headNip")} />
            </Field>
          </div>
          <fieldset className="space-y-3 rounded-md border border-slate-200 p-4">
            <legend className="px-1 text-sm font-medium text-slate-700">Pembangunan Zona Integritas</legend>
            <Checkbox label="Unit diusulkan membangun Zona Integritas" {...register("proposedForZi")} />
            <div className="space-y-2">
              <p className="text-sm text-slate-600">
                Kriteria pemilihan unit (PermenPANRB 90/2021){proposed ? ":" : ", dipakai bila unit diusulkan:"}
              </p>
              <Controller
                control={control}
                name="selectionCriteria"
                render={({ field }) => (
                  <CheckboxGroup
                    options={SELECTION_CRITERIA.map((c) => ({ value: c, label: SELECTION_CRITERIA_LABELS[c] }))}
                    value={field.value}
                    onChange={field.onChange}
                  />
                )}
              />
              <ErrorText message={errors.selectionCriteria?.message} />
            </div>
          </fieldset>
          <FormActions cancelHref="/admin/unit" pending={pending} />
        </CardBody>
      </Card>
    </form>
  );
}
