/**
 * Monthly monev of the rencana aksi: an item is late when its target date has passed and it is not
 * done. Dates are ISO calendar dates.
 */

export const RENCANA_AKSI_STATUSES = ["BELUM", "PROSES", "SELESAI"] as const;
export type RencanaAksiStatus = (typeof RENCANA_AKSI_STATUSES)[number];

export const RENCANA_AKSI_STATUS_LABELS: Record<RencanaAksiStatus, string> = {
  BELUM: "Belum dimulai",
  PROSES: "Dalam proses",
  SELESAI: "Selesai",
};

export function isRencanaAksiDone(status: RencanaAksiStatus): boolean {
  return status === "SELESAI";
}

export interface MonevItem {
  targetDate: string;
  status: RencanaAksiStatus;
}

export function isRencanaAksiLate(item: MonevItem, today: string): boolean {
  return item.status !== "SELESAI" && item.targetDate < today;
}

export interface MonevCounts {
  total: number;
  selesai: number;
  terlambat: number;
}

export function monevCounts(items: readonly MonevItem[], today: string): MonevCounts {
  return {
    total: items.length,
    selesai: items.filter((i) => i.status === "SELESAI").length,
    terlambat: items.filter((i) => isRencanaAksiLate(i, today)).length,
  };
}
