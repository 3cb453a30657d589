"use client";

import { signIn } from "next-auth/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/form";
import { useActionForm } from "@/components/forms/use-action-form";
import { MIN_PASSWORD_LENGTH } from "@/domain/password-policy";
import { changeOwnPasswordAction } from "@/server/actions/users";
import { changeOwnPasswordSchema } from "@/server/actions/users.validation";

export function ChangePasswordForm({ email }: { email: string }) {
  const { form, onSubmit, formError, pending } = useActionForm({
    schema: changeOwnPasswordSchema,
    action: changeOwnPasswordAction,
    defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
    // The change ended every session, this one too: sign in again with the new password.
    onSuccess: async () => {
      const result = await signIn("credentials", {
        identifier: email,
        password: form.getValues("newPassword"),
        redirect: false,
      });
      window.location.assign(result?.ok ? "/" : "/masuk");
    },
  });
  const errors = form.formState.errors;
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {formError && <Alert tone="error">{formError}</Alert>}
      <Field label="Kata sandi saat ini" htmlFor="current-password" error={errors.currentPassword?.message}>
        <Input
          id="current-password"
          type="password"
          autoComplete="current-password"
          {...form.register("currentPassword")}
        />
      </Field>
      <Field
        label="Kata sandi baru"
        htmlFor="new-password"
        error={errors.newPassword?.message}
        hint={`Minimal ${MIN_PASSWORD_LENGTH} karakter, bukan kata sandi umum, tidak memuat email atau NIP`}
      >
        <Input id="new-password" type="password" autoComplete="new-password" {...form.register("newPassword")} />
      </Field>
      <Field label="Ulangi kata sandi baru" htmlFor="confirm-password" error={errors.confirmPassword?.message}>
        <Input
          id="confirm-password"
          type="password"
          autoComplete="new-password"
          {...form.register("confirmPassword")}
        />
      </Field>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Menyimpan…" : "Simpan kata sandi baru"}
      </Button>
    </form>
  );
}
