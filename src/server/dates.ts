/** Calendar dates are stored as PostgreSQL DATE, which Prisma maps to midnight UTC. */
export function dateFromIso(iso: string): Date {
  return new Date(`${iso}T00:00:00.000Z`);
}

export function isoFromDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/**
 * Today's calendar date where the instansi works (WIB by default). APP_TODAY (YYYY-MM-DD) pins it,
 * for demonstrations and for tests that must not depend on the day they run.
 */
export function todayIso(now = new Date()): string {
  const pinned = process.env.APP_TODAY;
  if (pinned && /^\d{4}-\d{2}-\d{2}$/.test(pinned)) return pinned;
  const tz = process.env.APP_TIMEZONE ?? "Asia/Jakarta";
  return new Intl.DateTimeFormat("en-CA", { timeZone: tz, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    now,
  );
}
