"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/form";
import { useActionForm } from "@/components/forms/use-action-form";
import { resetPasswordAction } from "@/server/actions/users";
import { resetPasswordSchema } from "@/server/actions/users.validation";

export function ResetPasswordForm({ id }: { id: string }) {
  const { form, onSubmit, formError, saved, pending } = useActionForm({
    schema: resetPasswordSchema,
    action: resetPasswordAction,
    defaultValues: { id, password: "" },
    onSuccess: () => form.reset({ id, password: "" }),
  });
  const error = form.formState.errors.password?.message;
  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate>
      {formError && <Alert tone="error">{formError}</Alert>}
      {saved && <Alert tone="success">Kata sandi diganti; penguncian masuk akun ini juga dibuka.</Alert>}
      <Field
        label="Kata sandi baru"
        htmlFor="new-password"
        error={error}
        hint="Minimal 10 karakter, memuat huruf dan angka"
      >
        <Input
          id="new-password"
          type="password"
          autoComplete="new-password"
          aria-invalid={!!error}
          {...form.register("password")}
        />
      </Field>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Menyimpan…" : "Ganti kata sandi"}
      </Button>
    </form>
  );
}
