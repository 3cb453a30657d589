"use client";

import { useEffect, useRef } from "react";
import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field, Input, Select, Textarea } from "@/components/ui/form";
import { useActionForm } from "@/components/forms/use-action-form";
import { isAwarded, PREDIKAT, PREDIKAT_LABELS, type Predikat } from "@/domain/penetapan";
import { recordPenetapanAction } from "@/server/actions/penetapan";
import { recordPenetapanSchema, type RecordPenetapanInput } from "@/server/actions/penetapan.validation";

export interface RecordedPenetapan {
  unitId: string;
  year: number;
  result: Predikat;
  decreeNumber: string | null;
  decreeDate: string | null;
  notes: string | null;
}

type UnitOption = { id: string; name: string };

const blank = { result: "WBK", decreeNumber: "", decreeDate: "", notes: "" } as const;

export function PenetapanForm({
  units,
  records,
  defaults,
  currentYear,
}: {
  units: UnitOption[];
  records: RecordedPenetapan[];
  defaults: RecordPenetapanInput;
  currentYear: number;
}) {
  const router = useRouter();
  const { form, onSubmit, formError, saved, pending } = useActionForm({
    schema: recordPenetapanSchema,
    action: recordPenetapanAction,
    defaultValues: defaults,
    onSuccess: () => router.refresh(),
  });
  const { register, watch, setValue, formState } = form;
  const errors = formState.errors;
  const unitId = watch("unitId");
  const year = Number(watch("year"));
  const result = watch("result") as Predikat | "";
  const existing = records.find((r) => r.unitId === unitId && r.year === year) ?? null;

  // Choosing a unit and year that already have a result loads it for editing.
  const loadedKey = useRef<string | null>(existing ? `${existing.unitId}:${existing.year}` : null);
  useEffect(() => {
    const key = existing ? `${existing.unitId}:${existing.year}` : null;
    if (key === loadedKey.current) return;
    const values = existing
      ? {
          result: existing.result,
          decreeNumber: existing.decreeNumber ?? "",
          decreeDate: existing.decreeDate ?? "",
          notes: existing.notes ?? "",
        }
      : loadedKey.current
        ? blank
        : null;
    loadedKey.current = key;
    if (!values) return;
    for (const [name, value] of Object.entries(values))
      setValue(name as keyof typeof blank, value, { shouldValidate: false });
    form.clearErrors();
  }, [existing, setValue, form]);

  const unitName = units.find((u) => u.id === unitId)?.name;
  const optional = result !== "" && !isAwarded(result);

  return (
    <Card id="catat">
      <CardHeader
        title="Catat hasil penetapan"
        description="Satu hasil per unit per tahun; mencatat ulang akan mengubah hasil yang ada."
      />
      <form onSubmit={onSubmit} noValidate>
        <CardBody className="space-y-4">
          {formError && <Alert tone="error">{formError}</Alert>}
          {saved && !formError && <Alert tone="success">Hasil penetapan disimpan.</Alert>}
          <Field label="Unit" htmlFor="unitId" error={errors.unitId?.message}>
            <Select id="unitId" aria-invalid={!!errors.unitId} {...register("unitId")}>
              <option value="">Pilih unit…</option>
              {units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </Select>
          </Field>
          <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-1 2xl:grid-cols-2">
            <Field label="Tahun" htmlFor="year" error={errors.year?.message} hint={`Paling lambat ${currentYear}`}>
              <Input
                id="year"
                type="number"
                inputMode="numeric"
                max={currentYear}
                aria-invalid={!!errors.year}
                {...register("year")}
              />
            </Field>
            <Field label="Hasil" htmlFor="result" error={errors.result?.message}>
              <Select id="result" aria-invalid={!!errors.result} {...register("result")}>
                {PREDIKAT.map((p) => (
                  <option key={p} value={p}>
                    {PREDIKAT_LABELS[p]}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
          {existing && unitName && (
            <Alert tone="info">
              {unitName} tahun {existing.year} sudah tercatat: {PREDIKAT_LABELS[existing.result]}. Menyimpan akan
              mengubahnya.
            </Alert>
          )}
          <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-1 2xl:grid-cols-2">
            <Field
              label={optional ? "Nomor SK (opsional)" : "Nomor SK"}
              htmlFor="decreeNumber"
              error={errors.decreeNumber?.message}
            >
              <Input id="decreeNumber" aria-invalid={!!errors.decreeNumber} {...register("decreeNumber")} />
            </Field>
            <Field
              label={optional ? "Tanggal SK (opsional)" : "Tanggal SK"}
              htmlFor="decreeDate"
              error={errors.decreeDate?.message}
            >
              <Input id="decreeDate" type="date" aria-invalid={!!errors.decreeDate} {...register("decreeDate")} />
            </Field>
          </div>
          <Field label="Catatan (opsional)" htmlFor="notes" error={errors.notes?.message}>
            <Textarea id="notes" rows={2} {...register("notes")} />
          </Field>
          <div className="flex justify-end">
            <Button type="submit" disabled={pending}>
              {pending ? "Menyimpan…" : "Simpan penetapan"}
            </Button>
          </div>
        </CardBody>
      </form>
    </Card>
  );
}
