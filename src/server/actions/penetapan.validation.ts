import { z } from "zod";
import { isAwarded, PREDIKAT } from "@/domain/penetapan";
import { optionalIsoDateSchema, optionalTextSchema } from "./date.validation";

export const recordPenetapanSchema = z
  .object({
    unitId: z.string({ message: "Pilih unit" }).min(1, "Pilih unit"),
    year: z.coerce
      .number({ message: "Tahun harus angka" })
      .int("Tahun harus bilangan bulat")
      .min(2010, "Tahun minimal 2010")
      .max(2100, "Tahun maksimal 2100"),
    result: z.enum(PREDIKAT, { message: "Pilih hasil penetapan" }),
    decreeNumber: optionalTextSchema(200),
    decreeDate: optionalIsoDateSchema(),
    notes: optionalTextSchema(2000),
  })
  .superRefine((v, ctx) => {
    if (!isAwarded(v.result)) return;
    if (!v.decreeNumber)
      ctx.addIssue({ code: "custom", path: ["decreeNumber"], message: "Nomor SK wajib diisi untuk predikat WBK/WBBM" });
    if (!v.decreeDate)
      ctx.addIssue({ code: "custom", path: ["decreeDate"], message: "Tanggal SK wajib diisi untuk predikat WBK/WBBM" });
  })
  .superRefine((v, ctx) => {
    if (v.decreeDate && Number(v.decreeDate.slice(0, 4)) < v.year) {
      ctx.addIssue({
        code: "custom",
        path: ["decreeDate"],
        message: `Tanggal SK tidak boleh sebelum tahun penetapan (${v.year})`,
      });
    }
  });

export type RecordPenetapanInput = z.input<typeof recordPenetapanSchema>;
