import { z } from "zod";
import { isRealIsoDate } from "./date.validation";

const id = z.string().min(1);
const questionCode = z.string().regex(/^[A-Z]{3}\d[A-Z]$/, "Kode pertanyaan tidak sah");
const version = z.number().int().min(0);
const catatan = z.string().trim().max(4000, "Catatan maksimal 4.000 karakter");

/** An option label, or the counts of a percentage question. The catalogue checks the details. */
export const answerValueSchema = z.union([z.string().min(1).max(10), z.record(z.string(), z.number())]).nullable();

export const MIN_CATATAN = 5;

export const saveSelfAnswerSchema = z
  .object({ assessmentId: id, questionCode, value: answerValueSchema, catatan, version })
  .superRefine((v, ctx) => {
    if (v.value !== null && v.catatan.length < MIN_CATATAN) {
      ctx.addIssue({
        code: "custom",
        path: ["catatan"],
        message: "Catatan wajib diisi untuk setiap jawaban (minimal 5 karakter)",
      });
    }
  });

const indexValue = z
  .number({ message: "Indeks harus angka" })
  .min(0, "Indeks minimal 0,00")
  .max(4, "Indeks maksimal 4,00")
  .refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-9, "Indeks paling banyak dua angka desimal")
  .nullable();

const hasilFields = {
  assessmentId: id,
  ipak: indexValue,
  ipkp: indexValue,
  capaianKinerja: z.enum(["A", "B", "C", "D", "E"], { message: "Pilih A–E" }).nullable(),
  catatan,
  version,
};

export const saveSelfHasilSchema = z.object(hasilFields);
export const saveTpiHasilSchema = z.object(hasilFields).superRefine((v, ctx) => {
  if (v.catatan.length < MIN_CATATAN)
    ctx.addIssue({ code: "custom", path: ["catatan"], message: "TPI wajib memberi catatan atas nilai hasil" });
});

const reviewStatus = z.enum(["PENDING", "ACCEPTED", "CHANGED", "RETURNED", "REVISED"]);
/** The TPI's decision names the review state it saw, so a decision made on a stale page is refused. */
const reviewBase = { assessmentId: id, questionCode, tpiVersion: version, seenReviewStatus: reviewStatus };
export const reviewQuestionSchema = z.discriminatedUnion("decision", [
  z.object({ ...reviewBase, decision: z.literal("ACCEPT"), note: catatan.optional() }),
  z.object({
    ...reviewBase,
    decision: z.literal("CHANGE"),
    value: answerValueSchema.refine((v) => v !== null, "Pilih jawaban TPI"),
    note: catatan.min(MIN_CATATAN, "Catatan TPI wajib diisi saat mengubah jawaban (minimal 5 karakter)"),
  }),
  z.object({
    ...reviewBase,
    decision: z.literal("RETURN"),
    reason: z.string().trim().min(10, "Tulis alasan pengembalian (minimal 10 karakter)").max(2000),
  }),
]);

export const assessmentIdSchema = z.object({ assessmentId: id });
export const acceptRemainingSchema = z.object({ assessmentId: id, areaId: z.string().min(1).nullable() });
export const sendBackSchema = z.object({
  assessmentId: id,
  reason: z.string().trim().min(10, "Tulis alasan pengembalian (minimal 10 karakter)").max(2000),
});
export const reopenSchema = z
  .object({
    assessmentId: id,
    until: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "Pilih tanggal")
      .refine(isRealIsoDate, "Tanggal tidak sah")
      .nullable(),
    reason: z.string().trim().max(500).default(""),
  })
  .superRefine((v, ctx) => {
    if (v.until && v.reason.length < 10)
      ctx.addIssue({
        code: "custom",
        path: ["reason"],
        message: "Tulis alasan pembukaan kembali (minimal 10 karakter)",
      });
  });
export const deleteEvidenceSchema = z.object({ evidenceId: id });

export type SaveSelfAnswerInput = z.input<typeof saveSelfAnswerSchema>;
export type ReviewQuestionInput = z.input<typeof reviewQuestionSchema>;

/** Applying a previewed workbook import: the answers the preview showed as new or changed, with the versions it read. */
export const importLkeSchema = z.object({
  assessmentId: id,
  fileName: z.string().trim().min(1).max(200),
  changes: z
    .array(
      z.object({
        questionCode,
        value: z.union([z.string().min(1).max(10), z.record(z.string(), z.number())]),
        catatan,
        version,
      }),
    )
    .max(300),
  hasil: z
    .object({
      ipak: indexValue,
      ipkp: indexValue,
      capaianKinerja: z.enum(["A", "B", "C", "D", "E"], { message: "Pilih A–E" }).nullable(),
      version,
    })
    .nullable(),
});

/** Applying a previewed bulk hasil import: one row per unit, with the hasil version the preview read. */
export const importHasilSchema = z.object({
  layer: z.enum(["SELF", "TPI"]),
  fileName: z.string().trim().min(1).max(200),
  rows: z
    .array(
      z.object({
        assessmentId: id,
        ipak: indexValue,
        ipkp: indexValue,
        capaianKinerja: z.enum(["A", "B", "C", "D", "E"], { message: "Pilih A–E" }).nullable(),
        fromFile: z.object({ ipak: z.boolean(), ipkp: z.boolean(), capaianKinerja: z.boolean() }),
        version,
      }),
    )
    .min(1, "Tidak ada baris untuk diterapkan.")
    .max(200),
});
