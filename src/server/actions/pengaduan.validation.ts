import { z } from "zod";
import { MIN_RESPONSE, PENGADUAN_STATUSES } from "@/domain/pengaduan";

const id = z.string().min(1);
const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional()
    .transform((v) => v ?? null);

/** The public complaint form (no account). `alamatSitus` is the honeypot: people never see or fill it. */
export const submitPengaduanSchema = z.object({
  unitCode: z.string().trim().min(1).max(80),
  subject: z
    .string()
    .trim()
    .min(5, "Tulis pokok pengaduan (minimal 5 karakter)")
    .max(200, "Pokok pengaduan maksimal 200 karakter"),
  description: z
    .string()
    .trim()
    .min(20, "Uraikan pengaduan Anda (minimal 20 karakter)")
    .max(5000, "Uraian maksimal 5.000 karakter"),
  reporterName: optionalText(120, "Nama maksimal 120 karakter"),
  reporterContact: optionalText(200, "Kontak maksimal 200 karakter"),
  alamatSitus: z.string().max(500).optional(),
});
export type SubmitPengaduanInput = z.input<typeof submitPengaduanSchema>;

export const MAX_ATTACHMENTS = 3;

/** A triage step: move to a status (with the reply the complainant reads), or a reply alone. */
export const triagePengaduanSchema = z.object({
  pengaduanId: id,
  toStatus: z.enum(PENGADUAN_STATUSES, "Pilih status tujuan"),
  body: z.string().trim().max(4000, "Tanggapan maksimal 4.000 karakter"),
  version: z.number().int().min(1),
});

export const replyPengaduanSchema = z.object({
  pengaduanId: id,
  body: z
    .string()
    .trim()
    .min(MIN_RESPONSE, `Tulis tanggapan (minimal ${MIN_RESPONSE} karakter)`)
    .max(4000, "Tanggapan maksimal 4.000 karakter"),
  public: z.boolean(),
});

/** "Ambil dari pengaduan": fill PRE2A of this LKE with the year's complaint counts. */
export const takePengaduanCountsSchema = z.object({ assessmentId: id, version: z.number().int().min(0) });

const httpUrl = z
  .string()
  .trim()
  .max(500, "Alamat maksimal 500 karakter")
  .refine((v) => v === "" || /^https?:\/\/[^\s]+$/i.test(v), "Alamat harus diawali http:// atau https://")
  .transform((v) => (v === "" ? null : v));

export const pengaduanSettingsSchema = z.object({
  laporUrl: httpUrl,
  wbsUrl: httpUrl,
  pengaduanDueDays: z
    .number({ message: "Isi jumlah hari" })
    .int("Bilangan bulat")
    .min(1, "Minimal 1 hari")
    .max(180, "Maksimal 180 hari"),
});

export const DOKUMEN_PUBLIK_KINDS = ["MAKLUMAT", "STANDAR_PELAYANAN", "LAINNYA"] as const;
export const createDokumenPublikSchema = z.object({
  unitId: id,
  kind: z.enum(DOKUMEN_PUBLIK_KINDS, "Pilih jenis dokumen"),
  title: z.string().trim().min(3, "Judul minimal 3 karakter").max(200, "Judul maksimal 200 karakter"),
  url: z
    .string()
    .trim()
    .max(500, "Alamat maksimal 500 karakter")
    .regex(/^https?:\/\/[^\s]+$/i, "Alamat harus diawali http:// atau https://"),
  description: optionalText(500, "Keterangan maksimal 500 karakter"),
});
export const deleteDokumenPublikSchema = z.object({ id });
