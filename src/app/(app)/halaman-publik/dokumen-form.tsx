"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ErrorText, Field, Input, Select } from "@/components/ui/form";
import { useActionForm } from "@/components/forms/use-action-form";
import { createDokumenPublikAction, deleteDokumenPublikAction } from "@/server/actions/pengaduan";
import { createDokumenPublikSchema } from "@/server/actions/pengaduan.validation";

/** Lists a published document (a link to where the unit publishes it) on the unit's public page. */
export function DokumenForm({ unitId }: { unitId: string }) {
  const router = useRouter();
  const { form, onSubmit, formError, pending } = useActionForm({
    schema: createDokumenPublikSchema,
    action: createDokumenPublikAction,
    defaultValues: { unitId, kind: "MAKLUMAT", title: "", url: "", description: "" },
    onSuccess: () => {
      form.reset({ unitId, kind: "MAKLUMAT", title: "", url: "", description: "" });
      router.refresh();
    },
  });
  const err = form.formState.errors;
  const id = (name: string) => `${unitId}-${name}`;
  return (
    <form onSubmit={onSubmit} className="mt-3 grid gap-2 sm:grid-cols-[10rem_1fr_1fr_auto] sm:items-end">
      <Field label="Jenis" htmlFor={id("kind")} error={err.kind?.message}>
        <Select id={id("kind")} {...form.register("kind")}>
          <option value="MAKLUMAT">Maklumat pelayanan</option>
          <option value="STANDAR_PELAYANAN">Standar pelayanan</option>
          <option value="LAINNYA">Dokumen lain</option>
        </Select>
      </Field>
      <Field label="Judul" htmlFor={id("title")} error={err.title?.message}>
        <Input id={id("title")} {...form.register("title")} />
      </Field>
      <Field label="Alamat (https://…)" htmlFor={id("url")} error={err.url?.message}>
        <Input id={id("url")} type="url" {...form.register("url")} />
      </Field>
      <Button type="submit" variant="secondary" disabled={pending}>
        Tambah
      </Button>
      <ErrorText message={formError} className="sm:col-span-4" />
    </form>
  );
}

export function DeleteDokumen({ id, title }: { id: string; title: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <Button
        size="sm"
        variant="ghost"
        disabled={pending}
        aria-label={`Hapus ${title}`}
        onClick={() =>
          start(async () => {
            const r = await deleteDokumenPublikAction({ id });
            setError(r.ok ? null : r.error);
            if (r.ok) router.refresh();
          })
        }
      >
        Hapus
      </Button>
      <ErrorText message={error} />
    </>
  );
}
