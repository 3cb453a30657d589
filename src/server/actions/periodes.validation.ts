import { z } from "zod";
import { STAGES, validateSchedule } from "@/domain/timeline";
import { isRealIsoDate } from "./date.validation";

const isoDate = z.string().refine(isRealIsoDate, "Tanggal tidak sah");

export const createPeriodeSchema = z.object({
  year: z.coerce
    .number({ message: "Tahun harus angka" })
    .int("Tahun harus bilangan bulat")
    .min(2020, "Tahun minimal 2020")
    .max(2100, "Tahun maksimal 2100"),
  catalogueId: z.string().min(1, "Pilih versi katalog LKE"),
});

export const updateScheduleSchema = z
  .object({
    id: z.string().min(1),
    status: z.enum(["PERSIAPAN", "BERJALAN", "DITUTUP"], { message: "Pilih status periode" }),
    pmpziDeadline: isoDate,
    stages: z
      .array(z.object({ stage: z.enum(STAGES), start: isoDate, end: isoDate }))
      .length(STAGES.length, "Kelima tahap harus diisi"),
  })
  // Windows out of order, or a PMPZI deadline before the unit's own deadline, are refused when saved.
  .superRefine((v, ctx) => {
    const errors = validateSchedule(v.stages, v.pmpziDeadline);
    for (const [stage, message] of Object.entries(errors.stages)) {
      ctx.addIssue({ code: "custom", path: ["stages", STAGES.indexOf(stage as never), "start"], message });
    }
    if (errors.pmpziDeadline) ctx.addIssue({ code: "custom", path: ["pmpziDeadline"], message: errors.pmpziDeadline });
  });

export const updateZeroBaseSchema = z.object({
  id: z.string().min(1),
  zeroBase: z.enum(["ZERO", "ONE", "EXCLUDE"], { message: "Pilih aturan untuk jumlah dasar 0" }),
});

export type CreatePeriodeInput = z.input<typeof createPeriodeSchema>;
export type UpdateScheduleInput = z.input<typeof updateScheduleSchema>;
export type UpdateZeroBaseInput = z.input<typeof updateZeroBaseSchema>;
