import { z } from "zod";
import { nipProblem } from "@/domain/nip";

export const setSeparationOfDutiesSchema = z.object({ enabled: z.boolean({ message: "Pilih aktif atau tidak" }) });

/** A SUPERADMIN's "Tambah instansi": the same facts as `npm run setup`, with form messages. */
export const createInstansiSchema = z.object({
  instansi: z
    .string()
    .trim()
    .min(3, "Nama instansi minimal 3 karakter")
    .max(200, "Nama instansi maksimal 200 karakter"),
  adminEmail: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ message: "Alamat email tidak sah" })),
  adminNip: z
    .string()
    .trim()
    .transform((v) => v || undefined)
    .refine(
      (v) => v === undefined || nipProblem(v) === null,
      "NIP tidak sah (18 digit: tanggal lahir, TMT, jenis kelamin, nomor urut)",
    )
    .optional(),
});
