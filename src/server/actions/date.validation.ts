import { z } from "zod";

/** "YYYY-MM-DD" naming a day that exists (2026-02-30 does not). */
export function isRealIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** A required calendar date from an `<input type="date">`. */
export function isoDateSchema(requiredMessage: string) {
  return z
    .string({ message: requiredMessage })
    .trim()
    .min(1, requiredMessage)
    .refine(isRealIsoDate, "Tanggal tidak sah");
}

/** An optional calendar date: "" becomes null. */
export function optionalIsoDateSchema() {
  return z
    .string()
    .trim()
    .refine((v) => v === "" || isRealIsoDate(v), "Tanggal tidak sah")
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional();
}

/** Optional free text: trimmed, "" becomes null. */
export function optionalTextSchema(max: number) {
  return z
    .string()
    .trim()
    .max(max, `Maksimal ${max} karakter`)
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional();
}
