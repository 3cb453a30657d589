"use client";

import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { ErrorText, Field, Input } from "@/components/ui/form";
import { useActionForm } from "@/components/forms/use-action-form";
import { savePengaduanSettingsAction } from "@/server/actions/pengaduan";
import { pengaduanSettingsSchema } from "@/server/actions/pengaduan.validation";

/** ADMIN: the complaint links shown on the public pages and the days a unit has to settle a complaint. */
export function PengaduanSettings({
  initial,
}: {
  initial: { laporUrl: string | null; wbsUrl: string | null; pengaduanDueDays: number };
}) {
  const router = useRouter();
  const { form, onSubmit, formError, saved, pending } = useActionForm({
    schema: pengaduanSettingsSchema,
    action: savePengaduanSettingsAction,
    defaultValues: {
      laporUrl: initial.laporUrl ?? "",
      wbsUrl: initial.wbsUrl ?? "",
      pengaduanDueDays: initial.pengaduanDueDays,
    },
    onSuccess: () => router.refresh(),
  });
  const err = form.formState.errors;
  return (
    <section
      aria-labelledby="pengaturan-pengaduan"
      className="mb-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <h2 id="pengaturan-pengaduan" className="font-semibold">
        Pengaturan pengaduan (instansi)
      </h2>
      <form onSubmit={onSubmit} className="mt-3 grid gap-3 sm:grid-cols-3 sm:items-end">
        <Field label="Tautan SP4N-LAPOR!" htmlFor="laporUrl" error={err.laporUrl?.message}>
          <Input id="laporUrl" type="url" {...form.register("laporUrl")} />
        </Field>
        <Field label="Tautan WBS instansi" htmlFor="wbsUrl" error={err.wbsUrl?.message}>
          <Input id="wbsUrl" type="url" {...form.register("wbsUrl")} />
        </Field>
        <Field label="Batas tindak lanjut (hari)" htmlFor="pengaduanDueDays" error={err.pengaduanDueDays?.message}>
          <Input
            id="pengaduanDueDays"
            type="number"
            min={1}
            max={180}
            {...form.register("pengaduanDueDays", { valueAsNumber: true })}
          />
        </Field>
        <div className="flex items-center gap-3 sm:col-span-3">
          <Button type="submit" disabled={pending}>
            Simpan pengaturan
          </Button>
          {saved && (
            <span role="status" className="text-sm text-emerald-800">
              Tersimpan.
            </span>
          )}
          <ErrorText message={formError} />
        </div>
      </form>
    </section>
  );
}
