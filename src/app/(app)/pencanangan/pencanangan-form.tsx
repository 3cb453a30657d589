"use client";

import { useRouter } from "next/navigation";
import { Plus, Trash2 } from "lucide-react";
import { Controller, useFieldArray } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormActions } from "@/components/forms/form-actions";
import { Card, CardBody } from "@/components/ui/card";
import { Field, Input, Select, Textarea, CheckboxGroup, ErrorText } from "@/components/ui/form";
import { useActionForm } from "@/components/forms/use-action-form";
import { createPencananganAction, updatePencananganAction } from "@/server/actions/pencanangan";
import {
  MAX_WITNESSES,
  pencananganFormSchema,
  WITNESS_INSTITUTION_LABELS,
  WITNESS_INSTITUTIONS,
  type PencananganFormInput,
} from "@/server/actions/pencanangan.validation";

type UnitOption = { id: string; name: string; shortName: string; proposedForZi: boolean };

export function PencananganForm({
  id,
  defaults,
  units,
  today,
}: {
  id?: string;
  defaults: PencananganFormInput;
  units: UnitOption[];
  today: string;
}) {
  const router = useRouter();
  const { form, onSubmit, formError, pending } = useActionForm({
    schema: pencananganFormSchema,
    action: (input) => (id ? updatePencananganAction({ ...input, id }) : createPencananganAction(input)),
    defaultValues: defaults,
    onSuccess: (data) => router.push(`/pencanangan/${data.id}`),
  });
  const { register, control, formState } = form;
  const errors = formState.errors;
  const witnesses = useFieldArray({ control, name: "witnesses" });
  const groups = [
    { title: "Diusulkan membangun ZI", units: units.filter((u) => u.proposedForZi) },
    { title: "Unit lain", units: units.filter((u) => !u.proposedForZi) },
  ].filter((g) => g.units.length > 0);

  return (
    <form onSubmit={onSubmit} noValidate>
      <Card>
        <CardBody className="space-y-5">
          {formError && <Alert tone="error">{formError}</Alert>}
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="Judul kegiatan" htmlFor="title" error={errors.title?.message} className="sm:col-span-2">
              <Input
                id="title"
                placeholder="Pencanangan Zona Integritas dan Penandatanganan Pakta Integritas"
                aria-invalid={!!errors.title}
                {...register("title")}
              />
            </Field>
            <Field label="Tanggal" htmlFor="date" error={errors.date?.message}>
              <Input id="date" type="date" max={today} aria-invalid={!!errors.date} {...register("date")} />
            </Field>
            <Field
              label="Jumlah penanda tangan pakta integritas"
              htmlFor="signatoriesCount"
              error={errors.signatoriesCount?.message}
              hint="Pimpinan dan pegawai yang menandatangani"
            >
              <Input
                id="signatoriesCount"
                type="number"
                inputMode="numeric"
                min={1}
                step={1}
                aria-invalid={!!errors.signatoriesCount}
                {...register("signatoriesCount")}
              />
            </Field>
            <Field label="Tempat" htmlFor="place" error={errors.place?.message} className="sm:col-span-2">
              <Input id="place" aria-invalid={!!errors.place} {...register("place")} />
            </Field>
          </div>

          <fieldset className="space-y-3 rounded-md border border-slate-200 p-4">
            <legend className="px-1 text-sm font-medium text-slate-700">Unit yang mencanangkan</legend>
            <Controller
              control={control}
              name="unitIds"
              render={({ field }) => (
                <div className="space-y-4">
                  {groups.map((g) => (
                    <div key={g.title} className="space-y-2">
                      <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">{g.title}</p>
                      <CheckboxGroup
                        className="grid gap-2 sm:grid-cols-2"
                        options={g.units.map((u) => ({ value: u.id, label: u.name }))}
                        value={field.value}
                        onChange={field.onChange}
                      />
                    </div>
                  ))}
                </div>
              )}
            />
            <ErrorText message={errors.unitIds?.message} />
          </fieldset>

          <fieldset className="space-y-3 rounded-md border border-slate-200 p-4">
            <legend className="px-1 text-sm font-medium text-slate-700">Saksi</legend>
            {witnesses.fields.length === 0 && (
              <p className="text-sm text-slate-500">
                Belum ada saksi. Tambahkan instansi yang menyaksikan, misalnya Ombudsman, KPK, BPK atau Polres.
              </p>
            )}
            {witnesses.fields.map((row, i) => {
              const rowErrors = errors.witnesses?.[i];
              return (
                <div
                  key={row.id}
                  className="grid items-start gap-3 rounded-md bg-slate-50 p-3 sm:grid-cols-[14rem_1fr_auto]"
                >
                  <Field
                    label={`Instansi saksi ${i + 1}`}
                    htmlFor={`witness-${i}-institution`}
                    error={rowErrors?.institution?.message}
                  >
                    <Select id={`witness-${i}-institution`} {...register(`witnesses.${i}.institution`)}>
                      {WITNESS_INSTITUTIONS.map((w) => (
                        <option key={w} value={w}>
                          {WITNESS_INSTITUTION_LABELS[w]}
                        </option>
                      ))}
                    </Select>
                  </Field>
                  <Field label={`Nama saksi ${i + 1}`} htmlFor={`witness-${i}-name`} error={rowErrors?.name?.message}>
                    <Input
                      id={`witness-${i}-name`}
                      placeholder="Nama dan jabatan"
                      aria-invalid={!!rowErrors?.name}
                      {...register(`witnesses.${i}.name`)}
                    />
                  </Field>
                  <Button
                    variant="ghost"
                    className="sm:mt-6"
                    onClick={() => witnesses.remove(i)}
                    aria-label={`Hapus saksi ${i + 1}`}
                  >
                    <Trash2 className="h-4 w-4" aria-hidden />
                    <span className="sm:sr-only">Hapus</span>
                  </Button>
                </div>
              );
            })}
            <ErrorText message={errors.witnesses?.message} />
            <Button
              variant="secondary"
              size="sm"
              disabled={witnesses.fields.length >= MAX_WITNESSES}
              onClick={() => witnesses.append({ institution: "OMBUDSMAN", name: "" })}
            >
              <Plus className="h-4 w-4" aria-hidden /> Tambah saksi
            </Button>
          </fieldset>

          <Field label="Catatan (opsional)" htmlFor="notes" error={errors.notes?.message}>
            <Textarea id="notes" rows={3} {...register("notes")} />
          </Field>

          <FormActions cancelHref={id ? `/pencanangan/${id}` : "/pencanangan"} pending={pending} />
        </CardBody>
      </Card>
    </form>
  );
}
