import { z } from "zod";
import { nipProblem } from "@/domain/nip";

export const UNIT_TYPES = ["DINAS", "BADAN", "RSUD", "PUSKESMAS", "KECAMATAN", "BAGIAN", "UPT", "LAINNYA"] as const;
export const UNIT_TYPE_LABELS: Record<(typeof UNIT_TYPES)[number], string> = {
  DINAS: "Dinas",
  BADAN: "Badan",
  RSUD: "RSUD",
  PUSKESMAS: "Puskesmas",
  KECAMATAN: "Kecamatan",
  BAGIAN: "Bagian",
  UPT: "UPT",
  LAINNYA: "Lainnya",
};

export const SELECTION_CRITERIA = ["PELAYANAN_STRATEGIS", "SUMBER_DAYA_BESAR", "KEBERHASILAN_RB_TINGGI"] as const;
export const SELECTION_CRITERIA_LABELS: Record<(typeof SELECTION_CRITERIA)[number], string> = {
  PELAYANAN_STRATEGIS: "Penyelenggara pelayanan publik strategis",
  SUMBER_DAYA_BESAR: "Mengelola sumber daya yang besar",
  KEBERHASILAN_RB_TINGGI: "Tingkat keberhasilan reformasi birokrasi tinggi",
};

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Maksimal ${max} karakter`)
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional();

export const unitFormSchema = z
  .object({
    name: z.string().trim().min(3, "Nama unit minimal 3 karakter").max(200, "Nama unit maksimal 200 karakter"),
    shortName: z.string().trim().min(2, "Singkatan minimal 2 karakter").max(40, "Singkatan maksimal 40 karakter"),
    type: z.enum(UNIT_TYPES, { message: "Pilih jenis unit" }),
    parentId: z
      .string()
      .transform((v) => (v === "" ? null : v))
      .nullable()
      .optional(),
    headName: optionalText(200),
    headNip: z
      .string()
      .trim()
      .transform((v) => (v === "" ? null : v))
      .nullable()
      .optional()
      .refine((v) => !v || nipProblem(v) === null, {
        message: "NIP kepala unit tidak sah (18 digit: tanggal lahir, TMT, jenis kelamin, nomor urut)",
      }),
    proposedForZi: z.boolean(),
    selectionCriteria: z.array(z.enum(SELECTION_CRITERIA)),
  })
  .refine((u) => !u.proposedForZi || u.selectionCriteria.length > 0, {
    message: "Unit yang diusulkan ZI harus memenuhi minimal satu kriteria pemilihan",
    path: ["selectionCriteria"],
  });

export type UnitFormInput = z.input<typeof unitFormSchema>;

export const createUnitSchema = unitFormSchema;
export const updateUnitSchema = z.intersection(z.object({ id: z.string().min(1) }), unitFormSchema);
export const setUnitActiveSchema = z.object({ id: z.string().min(1), active: z.boolean() });
