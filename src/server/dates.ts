/** Calendar dates are stored as PostgreSQL DATE, which Prisma maps to midnight UTC. */
export function dateFromIso(iso: string): Date {
  return new Date(`${iso}T00:00:00.000Z`);
}

export function isoFromDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Today's calendar date where the instansi works (WIB by default). */
export function todayIso(now = new Date()): string {
  const tz = process.env.APP_TIMEZONE ?? "Asia/Jakarta";
  return new Intl.DateTimeFormat("en-CA", { timeZone: tz, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}
