/** The year's complaint counts of a unit, as PRE2A takes them (src/domain/pengaduan.ts decides what counts). */
import { pre2aCounts, type PengaduanStatus } from "@/domain/pengaduan";
import type { Db } from "@/server/lke/context";

/** Complaints filed in the calendar year where the instansi works (WIB). */
export function yearRange(year: number) {
  return { gte: new Date(`${year}-01-01T00:00:00+07:00`), lt: new Date(`${year + 1}-01-01T00:00:00+07:00`) };
}

export async function pengaduanCountsFor(db: Db, unitId: string, year: number) {
  const rows = await db.pengaduan.findMany({ where: { unitId, createdAt: yearRange(year) }, select: { status: true } });
  const statuses = rows.map((r) => r.status as PengaduanStatus);
  const counts = pre2aCounts(statuses);
  return { counts, total: rows.length, rejected: rows.length - counts.pengaduanHarusDitindaklanjuti };
}
