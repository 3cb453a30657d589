import { z } from "zod";

export const createApiTokenSchema = z.object({
  name: z.string().trim().min(3, "Nama token minimal 3 karakter").max(80, "Maksimal 80 karakter"),
});

export const revokeApiTokenSchema = z.object({ id: z.string().min(1) });

export const LOGO_MAX_BYTES = 512 * 1024;
/** react-pdf draws PNG and JPEG; the kop needs nothing else. */
export const LOGO_TYPES = ["image/png", "image/jpeg"] as const;

export const setInstansiLogoSchema = z.object({
  /** null removes the logo. */
  logo: z
    .instanceof(File, { message: "Pilih berkas logo" })
    .refine((f) => f.size > 0, "Berkas logo kosong")
    .refine((f) => f.size <= LOGO_MAX_BYTES, "Logo maksimal 512 KB")
    .nullable(),
});
