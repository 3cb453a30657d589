/**
 * The response shapes of PortalRB's "Panduan Teknis API Integrasi ZI" 1.0.0, as zod schemas: the API
 * checks its own output against them, and the tests check every endpoint's response.
 */
import { z } from "zod";

export const portalRbUnitListSchema = z.object({
  tahun: z.number().int(),
  units: z.array(
    z.object({
      id: z.string().min(1),
      nama: z.string().min(1),
      kategori: z.enum(["WBK", "WBK-AFIRMASI", "WBBM"]).optional(),
      afirmasi: z.boolean().optional(),
    }),
  ),
});

const jawaban = z.union([z.string().min(1), z.number()]);

export const portalRbAnswersSchema = z.object({
  unit_id: z.string().min(1),
  nama_unit: z.string().min(1),
  tahun: z.number().int(),
  answers: z.array(
    z.object({
      soal_id: z.number().int().positive(),
      jawaban_unit: jawaban,
      jawaban_tpi: jawaban.nullable().optional(),
      catatan_unit: z.string().nullable().optional(),
      bukti_dukung_unit: z.string().nullable().optional(),
      catatan_tpi: z.string().nullable().optional(),
    }),
  ),
});

export const portalRbErrorSchema = z.object({
  error: z.literal(true),
  code: z.string().min(1),
  message: z.string().min(1),
});

export type PortalRbUnitList = z.infer<typeof portalRbUnitListSchema>;
export type PortalRbAnswersResponse = z.infer<typeof portalRbAnswersSchema>;
