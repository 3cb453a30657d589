import { z } from "zod";
import { STAGES, validateStageWindows } from "@/domain/timeline";
import { isRealIsoDate } from "./date.validation";

const isoDate = z.string().refine(isRealIsoDate, "Tanggal tidak sah");

export const createPeriodeSchema = z.object({
  year: z.coerce.number({ message: "Tahun harus angka" }).int("Tahun harus bilangan bulat").min(2020, "Tahun minimal 2020").max(2100, "Tahun maksimal 2100"),
  catalogueId: z.string().min(1, "Pilih versi katalog LKE"),
});

export const updateScheduleSchema = z
  .object({
    id: z.string().min(1),
    status: z.enum(["PERSIAPAN", "BERJALAN", "DITUTUP"], { message: "Pilih status periode" }),
    pmpziDeadline: isoDate,
    stages: z.array(z.object({ stage: z.enum(STAGES), start: isoDate, end: isoDate })).length(STAGES.length, "Kelima tahap harus diisi"),
  })
  .superRefine((v, ctx) => {
    const errors = validateStageWindows(v.stages);
    for (const [stage, message] of Object.entries(errors)) {
      ctx.addIssue({ code: "custom", path: ["stages", STAGES.indexOf(stage as never), "start"], message });
    }
  });

export const updateZeroBaseSchema = z.object({
  id: z.string().min(1),
  zeroBase: z.enum(["ZERO", "ONE", "EXCLUDE"], { message: "Pilih aturan untuk jumlah dasar 0" }),
});

export type CreatePeriodeInput = z.input<typeof createPeriodeSchema>;
export type UpdateScheduleInput = z.input<typeof updateScheduleSchema>;
export type UpdateZeroBaseInput = z.input<typeof updateZeroBaseSchema>;
