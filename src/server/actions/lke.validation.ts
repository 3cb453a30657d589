import { z } from "zod";
import { isRealIsoDate } from "./date.validation";

const id = z.string().min(1);
const questionCode = z.string().regex(/^[A-Z]{3}\d[A-Z]$/, "Kode pertanyaan tidak sah");
const version = z.number().int().min(0);
const catatan = z.string().trim().max(4000, "Catatan maksimal 4.000 karakter");

/** An option label, or the counts of a percentage question. The catalogue checks the details. */
export const answerValueSchema = z.union([z.string().min(1).max(10), z.record(z.string(), z.number())]).nullable();

export const MIN_CATATAN = 5;

function answerNeedsCatatan(v: { value: unknown; catatan: string }, ctx: z.RefinementCtx) {
  if (v.value !== null && v.catatan.length < MIN_CATATAN) {
    ctx.addIssue({
      code: "custom",
      path: ["catatan"],
      message: "Catatan wajib diisi untuk setiap jawaban (minimal 5 karakter)",
    });
  }
}

/** What the operator fills on a question card; the action adds which LKE, which question and the version read. */
export const selfAnswerFormSchema = z.object({ value: answerValueSchema, catatan }).superRefine(answerNeedsCatatan);
export const saveSelfAnswerSchema = z
  .object({ assessmentId: id, questionCode, value: answerValueSchema, catatan, version })
  .superRefine(answerNeedsCatatan);

const indexValue = z
  .number({ message: "Indeks harus angka" })
  .min(0, "Indeks minimal 0,00")
  .max(4, "Indeks maksimal 4,00")
  .refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-9, "Indeks paling banyak dua angka desimal")
  .nullable();

const capaianKinerja = z.enum(["A", "B", "C", "D", "E"], { message: "Pilih A–E" }).nullable();

const hasilFields = { assessmentId: id, ipak: indexValue, ipkp: indexValue, capaianKinerja, catatan, version };

function tpiHasilNeedsCatatan(v: { catatan: string }, ctx: z.RefinementCtx) {
  if (v.catatan.length < MIN_CATATAN)
    ctx.addIssue({ code: "custom", path: ["catatan"], message: "TPI wajib memberi catatan atas nilai hasil" });
}

export const saveSelfHasilSchema = z.object(hasilFields);
export const saveTpiHasilSchema = z.object(hasilFields).superRefine(tpiHasilNeedsCatatan);

/** An index as typed (decimal comma or point, empty for none), checked as the action checks the number. */
const indexText = z
  .string()
  .transform((s) => (s.trim() === "" ? null : Number(s.trim().replace(",", "."))))
  .pipe(indexValue);
const hasilFormFields = {
  ipak: indexText,
  ipkp: indexText,
  capaianKinerja: z
    .string()
    .transform((s) => s || null)
    .pipe(capaianKinerja),
  catatan,
};
/** The hasil form of each layer, as typed; its output is what the layer's action takes besides LKE and version. */
export const selfHasilFormSchema = z.object(hasilFormFields);
export const tpiHasilFormSchema = z.object(hasilFormFields).superRefine(tpiHasilNeedsCatatan);

const reviewStatus = z.enum(["PENDING", "ACCEPTED", "CHANGED", "RETURNED", "REVISED"]);
/** The TPI's decision names the review state it saw, so a decision made on a stale page is refused. */
const reviewBase = { assessmentId: id, questionCode, tpiVersion: version, seenReviewStatus: reviewStatus };
const tpiValue = answerValueSchema.refine((v) => v !== null, "Pilih jawaban TPI");
const tpiNote = catatan.min(MIN_CATATAN, "Catatan TPI wajib diisi saat mengubah jawaban (minimal 5 karakter)");
const returnReason = z.string().trim().min(10, "Tulis alasan pengembalian (minimal 10 karakter)").max(2000);
export const reviewQuestionSchema = z.discriminatedUnion("decision", [
  z.object({ ...reviewBase, decision: z.literal("ACCEPT"), note: catatan.optional() }),
  z.object({ ...reviewBase, decision: z.literal("CHANGE"), value: tpiValue, note: tpiNote }),
  z.object({ ...reviewBase, decision: z.literal("RETURN"), reason: returnReason }),
]);

/**
 * The TPI's review form of one question: the decision its button chose and the fields that decision
 * needs, checked with the same rules as reviewQuestionSchema.
 */
export const tpiReviewFormSchema = z
  .object({
    decision: z.enum(["ACCEPT", "CHANGE", "RETURN"]),
    value: answerValueSchema,
    note: z.string(),
    reason: z.string(),
  })
  .superRefine((v, ctx) => {
    const needs = { ACCEPT: {}, CHANGE: { value: tpiValue, note: tpiNote }, RETURN: { reason: returnReason } }[
      v.decision
    ];
    for (const [field, rule] of Object.entries(needs) as [keyof typeof v, z.ZodType][]) {
      const checked = rule.safeParse(v[field]);
      if (!checked.success) ctx.addIssue({ code: "custom", path: [field], message: checked.error.issues[0].message });
    }
  });

export const assessmentIdSchema = z.object({ assessmentId: id });
export const acceptRemainingSchema = z.object({ assessmentId: id, areaId: z.string().min(1).nullable() });
export const sendBackSchema = z.object({ assessmentId: id, reason: returnReason });
/** The reason a decision dialog asks for: required only where the step needs one (sending back). */
export const decisionFormSchema = z.object({ reason: z.string() });
export const sendBackFormSchema = z.object({ reason: returnReason });

const reopenUntil = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Pilih tanggal")
  .refine(isRealIsoDate, "Tanggal tidak sah")
  .nullable();
function reopenNeedsReason(v: { until: string | null; reason: string }, ctx: z.RefinementCtx) {
  if (v.until && v.reason.length < 10)
    ctx.addIssue({
      code: "custom",
      path: ["reason"],
      message: "Tulis alasan pembukaan kembali (minimal 10 karakter)",
    });
}
export const reopenSchema = z
  .object({ assessmentId: id, until: reopenUntil, reason: z.string().trim().max(500).default("") })
  .superRefine(reopenNeedsReason);
/** The reopen dialog: an empty date closes the reopened window again. */
export const reopenFormSchema = z
  .object({
    until: z
      .string()
      .transform((s) => s || null)
      .pipe(reopenUntil),
    reason: z.string().trim().max(500),
  })
  .superRefine(reopenNeedsReason);
export const deleteEvidenceSchema = z.object({ evidenceId: id });

export type SaveSelfAnswerInput = z.input<typeof saveSelfAnswerSchema>;
/** An answer as the forms hold it: an option label or the counts of a percentage question. */
export type AnswerFormValue = z.input<typeof answerValueSchema>;
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
        evidenceText: z.string().max(4000, "Teks bukti dukung paling banyak 4000 karakter").optional(),
        evidenceLinks: z
          .array(
            z
              .string()
              .max(1000)
              .regex(/^https?:\/\/\S+$/i, "Tautan bukti dukung harus alamat http(s)"),
          )
          .max(20, "Paling banyak 20 tautan bukti dukung per pertanyaan")
          .optional(),
      }),
    )
    .max(300),
  hasil: z
    .object({
      ipak: indexValue,
      ipkp: indexValue,
      capaianKinerja,
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
        capaianKinerja,
        fromFile: z.object({ ipak: z.boolean(), ipkp: z.boolean(), capaianKinerja: z.boolean() }),
        version,
      }),
    )
    .min(1, "Tidak ada baris untuk diterapkan.")
    .max(200),
});

/** Proposing a unit to PortalRB by affirmation (or not), with the basis when it is. */
export const afirmasiSchema = z.object({
  assessmentId: id,
  afirmasi: z.boolean(),
  reason: z.string().trim().max(500, "Dasar afirmasi maksimal 500 karakter").default(""),
});
