import { format } from "date-fns";
import { id } from "date-fns/locale";

/** Display formats in Bahasa Indonesia. Calendar dates are stored at midnight UTC. */
export function formatDate(d: Date | string): string {
  const date = typeof d === "string" ? new Date(`${d}T00:00:00Z`) : d;
  return format(new Date(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()), "d MMMM yyyy", { locale: id });
}

export function formatShortDate(d: Date | string): string {
  const date = typeof d === "string" ? new Date(`${d}T00:00:00Z`) : d;
  return format(new Date(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()), "d MMM yyyy", { locale: id });
}

export function formatDateTime(d: Date): string {
  return new Intl.DateTimeFormat("id-ID", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: process.env.APP_TIMEZONE ?? "Asia/Jakarta",
  }).format(d);
}
