import { z } from "zod";
import { ALLOWED_SCALES } from "@/domain/survey/index";
import { RESPONDENT_FIELD_CODES } from "@/domain/survey/instruments";
import { isRealIsoDate } from "./date.validation";

const id = z.string().min(1);
const minRespondents = z
  .number({ message: "Isi angka" })
  .int("Bilangan bulat")
  .min(1, "Minimal 1")
  .max(10_000, "Maksimal 10.000");

export const openSurveyRoundSchema = z.object({
  unitId: id,
  title: z.string().trim().max(120, "Judul maksimal 120 karakter").default(""),
  closesOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Pilih tanggal")
    .refine(isRealIsoDate, "Tanggal tidak sah")
    .nullable()
    .default(null),
  /** Empty: the instansi's setting. */
  minRespondents: minRespondents.nullable().default(null),
});

/** ADMIN: the instansi-wide survey settings (the minimum respondents a new round starts with). */
export const surveySettingsSchema = z.object({ surveyMinRespondents: minRespondents });

export const roundIdSchema = z.object({ roundId: id });

export const voidSurveyResponseSchema = z.object({
  responseId: id,
  reason: z.string().trim().min(10, "Tulis alasan pembatalan (minimal 10 karakter)").max(500, "Maksimal 500 karakter"),
});

export const saveSurveyInstrumentSchema = z.object({
  kind: z.enum(["SPAK", "SPKP"]),
  scale: z
    .tuple([z.number().int(), z.number().int()])
    .refine(([a, b]) => ALLOWED_SCALES.some(([x, y]) => x === a && y === b), "Skala harus 1–4 atau 1–6"),
  elements: z
    .array(
      z.object({
        code: z.string().regex(/^[A-Z][A-Z0-9]{0,5}$/, "Kode huruf besar/angka"),
        label: z.string().trim().min(5, "Minimal 5 karakter").max(300),
      }),
    )
    .min(1, "Minimal satu unsur")
    .max(20, "Maksimal 20 unsur")
    .refine((els) => new Set(els.map((e) => e.code)).size === els.length, "Kode unsur harus unik"),
  respondentFields: z.array(z.enum(RESPONDENT_FIELD_CODES as [string, ...string[]])),
});

export const takeSurveyIntoLkeSchema = z.object({
  assessmentId: id,
  /** The hasil row's version the user saw (0 when there is none yet), as the hand-typed save checks it. */
  version: z.number().int().min(0),
});
