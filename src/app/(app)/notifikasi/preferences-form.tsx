"use client";

import { Controller } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CheckboxGroup } from "@/components/ui/form";
import { useActionForm } from "@/components/forms/use-action-form";
import type { NotificationKind } from "@/domain/notifications";
import { saveNotificationPreferencesAction } from "@/server/actions/notifications";
import { saveNotificationPreferencesSchema } from "@/server/actions/notifications.validation";

/** `digestKinds` is null for roles not offered the daily digest. */
export function NotificationPreferencesForm({
  options,
  emailKinds,
  stopKind,
  digestKinds,
}: {
  options: { value: NotificationKind; label: string }[];
  emailKinds: NotificationKind[];
  stopKind: string | null;
  digestKinds: NotificationKind[] | null;
}) {
  const { form, onSubmit, formError, saved, pending } = useActionForm({
    schema: saveNotificationPreferencesSchema,
    action: saveNotificationPreferencesAction,
    defaultValues: { emailKinds, digestKinds: digestKinds ?? [] },
  });
  return (
    <Card>
      <CardHeader
        title="Kirim juga lewat email"
        description="Notifikasi selalu tampil di sini. Centang jenis yang juga ingin Anda terima lewat email."
      />
      <CardBody>
        <form onSubmit={onSubmit} className="space-y-4">
          {stopKind && <Alert tone="warning">Simpan untuk berhenti menerima email &quot;{stopKind}&quot;.</Alert>}
          <Controller
            control={form.control}
            name="emailKinds"
            render={({ field }) => <CheckboxGroup options={options} value={field.value} onChange={field.onChange} />}
          />
          {digestKinds && (
            <fieldset className="space-y-2">
              <legend className="text-sm font-medium text-slate-900">Ringkasan harian</legend>
              <p className="text-sm text-slate-600">
                Jenis yang dicentang di sini dikumpulkan dalam satu email per hari, tidak dikirim satu per satu.
              </p>
              <Controller
                control={form.control}
                name="digestKinds"
                render={({ field }) => (
                  <CheckboxGroup options={options} value={field.value} onChange={field.onChange} />
                )}
              />
            </fieldset>
          )}
          {formError && <Alert tone="error">{formError}</Alert>}
          {saved && <Alert tone="success">Pengaturan email disimpan.</Alert>}
          <Button type="submit" disabled={pending}>
            Simpan pengaturan
          </Button>
        </form>
      </CardBody>
    </Card>
  );
}
