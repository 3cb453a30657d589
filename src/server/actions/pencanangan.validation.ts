import { z } from "zod";
import { isoDateSchema, optionalTextSchema } from "./date.validation";

export const WITNESS_INSTITUTIONS = [
  "KEMENPANRB",
  "KPK",
  "OMBUDSMAN",
  "BPK",
  "BPKP",
  "KEJAKSAAN",
  "POLRES",
  "BPS",
  "DPRD",
  "TOKOH_MASYARAKAT",
  "LAINNYA",
] as const;
export type WitnessInstitution = (typeof WITNESS_INSTITUTIONS)[number];

export const WITNESS_INSTITUTION_LABELS: Record<WitnessInstitution, string> = {
  KEMENPANRB: "Kementerian PANRB",
  KPK: "KPK",
  OMBUDSMAN: "Ombudsman RI",
  BPK: "BPK",
  BPKP: "BPKP",
  KEJAKSAAN: "Kejaksaan",
  POLRES: "Polres",
  BPS: "BPS",
  DPRD: "DPRD",
  TOKOH_MASYARAKAT: "Tokoh masyarakat",
  LAINNYA: "Lainnya",
};

export const MAX_WITNESSES = 20;

export const pencananganFormSchema = z.object({
  title: z.string().trim().min(5, "Judul kegiatan minimal 5 karakter").max(200, "Judul kegiatan maksimal 200 karakter"),
  date: isoDateSchema("Tanggal pencanangan wajib diisi"),
  place: z.string().trim().min(3, "Tempat minimal 3 karakter").max(200, "Tempat maksimal 200 karakter"),
  unitIds: z
    .array(z.string().min(1))
    .min(1, "Pilih minimal satu unit yang mencanangkan")
    .transform((ids) => [...new Set(ids)]),
  signatoriesCount: z.coerce
    .number({ message: "Jumlah penanda tangan harus angka" })
    .int("Jumlah penanda tangan harus bilangan bulat")
    .min(1, "Jumlah penanda tangan pakta integritas minimal 1")
    .max(100_000, "Jumlah penanda tangan terlalu besar"),
  witnesses: z
    .array(
      z.object({
        institution: z.enum(WITNESS_INSTITUTIONS, { message: "Pilih instansi saksi" }),
        name: z.string().trim().min(1, "Nama saksi wajib diisi").max(200, "Nama saksi maksimal 200 karakter"),
      }),
    )
    .max(MAX_WITNESSES, `Maksimal ${MAX_WITNESSES} saksi`),
  notes: optionalTextSchema(2000),
});

export type PencananganFormInput = z.input<typeof pencananganFormSchema>;

export const createPencananganSchema = pencananganFormSchema;
export const updatePencananganSchema = z.intersection(z.object({ id: z.string().min(1) }), pencananganFormSchema);
