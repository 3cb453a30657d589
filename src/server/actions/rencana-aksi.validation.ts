import { z } from "zod";
import { RENCANA_AKSI_STATUSES } from "@/domain/monev";
import { isoDateSchema, optionalTextSchema } from "./date.validation";

const fields = {
  areaCode: z.string({ message: "Pilih area" }).min(1, "Pilih area"),
  activity: z.string().trim().min(5, "Kegiatan minimal 5 karakter").max(500, "Kegiatan maksimal 500 karakter"),
  targetDate: isoDateSchema("Tanggal target wajib diisi"),
  personInCharge: z
    .string()
    .trim()
    .min(3, "Penanggung jawab minimal 3 karakter")
    .max(200, "Penanggung jawab maksimal 200 karakter"),
  status: z.enum(RENCANA_AKSI_STATUSES, { message: "Pilih status" }),
  notes: optionalTextSchema(2000),
};

/** What the form edits; on edit the unit is shown but not sent (a stored item keeps its unit). */
export const rencanaAksiFormSchema = z.object({
  unitId: z.string({ message: "Pilih unit" }).min(1, "Pilih unit"),
  ...fields,
});

export const createRencanaAksiSchema = rencanaAksiFormSchema.extend({
  periodeId: z.string().min(1, "Periode tidak diketahui"),
});

/** The unit and period of a stored item do not change; only what is planned and its progress. */
export const updateRencanaAksiSchema = z.object({ id: z.string().min(1), ...fields });

export const setRencanaAksiStatusSchema = z.object({
  id: z.string().min(1),
  status: z.enum(RENCANA_AKSI_STATUSES, { message: "Pilih status" }),
});

export type RencanaAksiFormInput = z.input<typeof rencanaAksiFormSchema>;
