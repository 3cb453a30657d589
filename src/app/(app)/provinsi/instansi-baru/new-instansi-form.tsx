"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/form";
import { useActionForm } from "@/components/forms/use-action-form";
import { createInstansiAction } from "@/server/actions/instansi";
import { createInstansiSchema } from "@/server/actions/instansi.validation";

export function NewInstansiForm() {
  const [created, setCreated] = useState<{ instansi: string; adminEmail: string; password: string } | null>(null);
  const { form, onSubmit, formError, pending } = useActionForm({
    schema: createInstansiSchema,
    action: createInstansiAction,
    defaultValues: { instansi: "", adminEmail: "", adminNip: "" },
    onSuccess: (data) => setCreated({ instansi: form.getValues("instansi"), ...data }),
  });
  const errors = form.formState.errors;

  if (created) {
    return (
      <Card className="max-w-xl">
        <CardBody className="space-y-4">
          <Alert tone="success">
            Instansi <strong>{created.instansi}</strong> dibuat beserta periode tahun ini dan admin{" "}
            <strong>{created.adminEmail}</strong>.
          </Alert>
          <div>
            <p className="text-sm text-slate-700">
              Kata sandi sekali pakai admin (ditampilkan sekali ini saja; saat masuk pertama admin wajib menggantinya):
            </p>
            <p
              className="mt-2 rounded-md bg-slate-100 px-3 py-2 font-mono text-lg tracking-wide text-slate-900"
              data-testid="one-time-password"
            >
              {created.password}
            </p>
          </div>
          <div className="flex justify-end">
            <ButtonLink href="/provinsi">Kembali ke rekap</ButtonLink>
          </div>
        </CardBody>
      </Card>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-xl">
      <Card>
        <CardBody className="space-y-4">
          {formError && <Alert tone="error">{formError}</Alert>}
          <Field label="Nama instansi" htmlFor="instansi" error={errors.instansi?.message}>
            <Input
              id="instansi"
              placeholder="Pemerintah Kabupaten …"
              aria-invalid={!!errors.instansi}
              {...form.register("instansi")}
            />
          </Field>
          <Field label="Email admin pertama" htmlFor="adminEmail" error={errors.adminEmail?.message}>
            <Input
              id="adminEmail"
              type="email"
              autoComplete="off"
              aria-invalid={!!errors.adminEmail}
              {...form.register("adminEmail")}
            />
          </Field>
          <Field label="NIP admin (opsional)" htmlFor="adminNip" error={errors.adminNip?.message}>
            <Input id="adminNip" inputMode="numeric" aria-invalid={!!errors.adminNip} {...form.register("adminNip")} />
          </Field>
          <div className="flex justify-end gap-2">
            <ButtonLink href="/provinsi" variant="secondary">
              Batal
            </ButtonLink>
            <Button type="submit" disabled={pending}>
              {pending ? "Membuat…" : "Buat instansi"}
            </Button>
          </div>
        </CardBody>
      </Card>
    </form>
  );
}
