import { z } from "zod";
import { nipProblem } from "@/domain/nip";
import { INSTANSI_ROLES } from "@/domain/roles";

export const passwordSchema = z
  .string()
  .min(10, "Kata sandi minimal 10 karakter")
  .max(128, "Kata sandi maksimal 128 karakter")
  .refine((p) => /[A-Za-z]/.test(p) && /\d/.test(p), { message: "Kata sandi harus memuat huruf dan angka" });

const userFields = z.object({
  name: z.string().trim().min(3, "Nama minimal 3 karakter").max(200, "Nama maksimal 200 karakter"),
  nip: z
    .string()
    .trim()
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional()
    .refine((v) => !v || nipProblem(v) === null, {
      message: "NIP tidak sah (18 digit: tanggal lahir, TMT, jenis kelamin, nomor urut)",
    }),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ message: "Alamat email tidak sah" })),
  /** The unit the person works in (for ADMIN/PIMPINAN/TPI); OPD roles use opdUnitId. */
  unitId: z
    .string()
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional(),
  roles: z.array(z.enum(INSTANSI_ROLES)).min(1, "Pilih minimal satu peran"),
  tpiUnitIds: z.array(z.string().min(1)),
  opdUnitId: z
    .string()
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional(),
  active: z.boolean(),
});

type UserFields = z.output<typeof userFields>;

function checkRoles(u: UserFields, ctx: z.RefinementCtx) {
  if (u.roles.includes("TPI") && u.tpiUnitIds.length === 0) {
    ctx.addIssue({ code: "custom", path: ["tpiUnitIds"], message: "TPI harus ditugaskan ke minimal satu unit" });
  }
  if ((u.roles.includes("KEPALA_OPD") || u.roles.includes("OPERATOR_OPD")) && !u.opdUnitId) {
    ctx.addIssue({ code: "custom", path: ["opdUnitId"], message: "Kepala/Operator OPD harus memiliki unit" });
  }
}

export const createUserSchema = userFields.extend({ password: passwordSchema }).superRefine(checkRoles);
export const updateUserSchema = userFields.extend({ id: z.string().min(1) }).superRefine(checkRoles);
export const resetPasswordSchema = z.object({ id: z.string().min(1), password: passwordSchema });
export const setUserActiveSchema = z.object({ id: z.string().min(1), active: z.boolean() });

export const changeOwnPasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Isi kata sandi saat ini"),
    newPassword: z.string().min(1, "Isi kata sandi baru").max(128, "Kata sandi maksimal 128 karakter"),
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "Ulangi kata sandi baru dengan sama persis",
  });

export type ChangeOwnPasswordInput = z.input<typeof changeOwnPasswordSchema>;
export type CreateUserInput = z.input<typeof createUserSchema>;
export type UpdateUserInput = z.input<typeof updateUserSchema>;
