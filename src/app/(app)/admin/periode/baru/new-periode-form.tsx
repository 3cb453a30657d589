"use client";

import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/form";
import { useActionForm } from "@/components/forms/use-action-form";
import { createPeriodeAction } from "@/server/actions/periodes";
import { createPeriodeSchema } from "@/server/actions/periodes.validation";

export function NewPeriodeForm({
  catalogues,
  defaultYear,
}: {
  catalogues: { id: string; name: string }[];
  defaultYear: number;
}) {
  const router = useRouter();
  const { form, onSubmit, formError, pending } = useActionForm({
    schema: createPeriodeSchema,
    action: createPeriodeAction,
    defaultValues: { year: defaultYear, catalogueId: catalogues[0]?.id ?? "" },
    onSuccess: (data) => router.push(`/admin/periode/${data.id}`),
  });
  const errors = form.formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-xl">
      <Card>
        <CardBody className="space-y-4">
          {formError && <Alert tone="error">{formError}</Alert>}
          <Field label="Tahun" htmlFor="year" error={errors.year?.message}>
            <Input id="year" inputMode="numeric" aria-invalid={!!errors.year} {...form.register("year")} />
          </Field>
          <Field label="Versi katalog LKE" htmlFor="catalogueId" error={errors.catalogueId?.message}>
            <Select id="catalogueId" {...form.register("catalogueId")}>
              {catalogues.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </Select>
          </Field>
          <div className="flex justify-end gap-2">
            <ButtonLink href="/admin/periode" variant="secondary">
              Batal
            </ButtonLink>
            <Button type="submit" disabled={pending}>
              {pending ? "Membuat…" : "Buat periode"}
            </Button>
          </div>
        </CardBody>
      </Card>
    </form>
  );
}
