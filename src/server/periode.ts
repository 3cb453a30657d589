import { periodeRunning } from "@/domain/periode";
import { cookies } from "next/headers";
import { cache } from "react";
import { getDb } from "@/server/db/client";

export const ACTIVE_YEAR_COOKIE = "zi-tahun";

/** The periods of the user's instansi, newest first. */
export const listPeriodes = cache(async (instansiId: string) =>
  getDb().periode.findMany({
    where: { instansiId },
    orderBy: { year: "desc" },
    select: { id: true, year: true, status: true, catalogueId: true },
  }),
);

/** The year the user is looking at: their choice (cookie), else the running period, else the newest. */
export const getActivePeriode = cache(async (instansiId: string) => {
  const periodes = await listPeriodes(instansiId);
  const chosen = Number((await cookies()).get(ACTIVE_YEAR_COOKIE)?.value);
  return (
    periodes.find((p) => p.year === chosen) ?? periodes.find((p) => periodeRunning(p.status)) ?? periodes[0] ?? null
  );
});
