"use client";

import { useRouter } from "next/navigation";
import { Controller } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { FormActions } from "@/components/forms/form-actions";
import { Card, CardBody } from "@/components/ui/card";
import { Checkbox, Field, Input, Select, CheckboxGroup, ErrorText } from "@/components/ui/form";
import { useActionForm } from "@/components/forms/use-action-form";
import { INSTANSI_ROLES, ROLE_LABELS } from "@/domain/roles";
import { createUserAction, updateUserAction } from "@/server/actions/users";
import { createUserSchema, updateUserSchema, type CreateUserInput } from "@/server/actions/users.validation";

type Unit = { id: string; name: string; shortName: string };

export function UserForm({
  userId,
  defaults,
  units,
}: {
  userId?: string;
  defaults: Omit<CreateUserInput, "password"> & { password?: string };
  units: Unit[];
}) {
  const router = useRouter();
  const editing = !!userId;
  const { form, onSubmit, formError, pending } = useActionForm({
    // On edit the password is changed separately (reset), so the edit schema has none.
    schema: (editing ? updateUserSchema : createUserSchema) as typeof createUserSchema,
    action: (input) => (editing ? updateUserAction({ ...input, id: userId! }) : createUserAction(input)),
    defaultValues: { ...defaults, ...(editing ? { id: userId } : { password: "" }) } as CreateUserInput,
    onSuccess: () => router.push("/admin/pengguna"),
  });
  const { register, formState, control, watch } = form;
  const errors = formState.errors;
  const roles = watch("roles") ?? [];
  const hasOpdRole = roles.includes("KEPALA_OPD") || roles.includes("OPERATOR_OPD");

  return (
    <form onSubmit={onSubmit} noValidate>
      <Card>
        <CardBody className="space-y-5">
          {formError && <Alert tone="error">{formError}</Alert>}
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="Nama lengkap (dengan gelar)" htmlFor="name" error={errors.name?.message}>
              <Input id="name" aria-invalid={!!errors.name} {...register("name")} />
            </Field>
            <Field label="NIP" htmlFor="nip" error={errors.nip?.message} hint="18 digit; kosongkan untuk non-ASN">
              <Input id="nip" inputMode="numeric" aria-invalid={!!errors.nip} {...register("nip")} />
            </Field>
            <Field label="Email dinas" htmlFor="email" error={errors.email?.message}>
              <Input id="email" type="email" autoComplete="off" aria-invalid={!!errors.email} {...register("email")} />
            </Field>
            {!editing && (
              <Field
                label="Kata sandi awal"
                htmlFor="password"
                error={errors.password?.message}
                hint="Minimal 10 karakter, memuat huruf dan angka"
              >
                <Input
                  id="password"
                  type="password"
                  autoComplete="new-password"
                  aria-invalid={!!errors.password}
                  {...register("password")}
                />
              </Field>
            )}
          </div>

          <fieldset className="space-y-3 rounded-md border border-slate-200 p-4">
            <legend className="px-1 text-sm font-medium text-slate-700">Peran</legend>
            <Controller
              control={control}
              name="roles"
              render={({ field }) => (
                <CheckboxGroup
                  className="grid gap-2 sm:grid-cols-2"
                  options={INSTANSI_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
                  value={field.value}
                  onChange={field.onChange}
                />
              )}
            />
            <ErrorText message={errors.roles?.message} />

            {hasOpdRole ? (
              <Field label="Unit OPD (untuk kepala/operator)" htmlFor="opdUnitId" error={errors.opdUnitId?.message}>
                <Select id="opdUnitId" aria-invalid={!!errors.opdUnitId} {...register("opdUnitId")}>
                  <option value="">Pilih unit…</option>
                  {units.map((u) => (
                    <option key={u.id} value={u.id}>
                      {u.name}
                    </option>
                  ))}
                </Select>
              </Field>
            ) : (
              <Field
                label="Unit kerja (opsional)"
                htmlFor="unitId"
                hint="Tempat pengguna bertugas, mis. Inspektorat untuk TPI"
              >
                <Select id="unitId" {...register("unitId")}>
                  <option value="">Tidak ada</option>
                  {units.map((u) => (
                    <option key={u.id} value={u.id}>
                      {u.name}
                    </option>
                  ))}
                </Select>
              </Field>
            )}

            {roles.includes("TPI") && (
              <div className="space-y-2">
                <p className="text-sm font-medium text-slate-700">Unit yang dinilai TPI ini</p>
                <Controller
                  control={control}
                  name="tpiUnitIds"
                  render={({ field }) => (
                    <CheckboxGroup
                      className="grid max-h-64 gap-2 overflow-y-auto rounded-md border border-slate-200 p-3 sm:grid-cols-2"
                      options={units.map((u) => ({ value: u.id, label: u.name }))}
                      value={field.value}
                      onChange={field.onChange}
                    />
                  )}
                />
                <ErrorText message={errors.tpiUnitIds?.message} />
              </div>
            )}
          </fieldset>

          <Checkbox label="Akun aktif (dapat masuk)" {...register("active")} />

          <FormActions cancelHref="/admin/pengguna" pending={pending} />
        </CardBody>
      </Card>
    </form>
  );
}
