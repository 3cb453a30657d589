import "server-only";
import { getDb } from "@/server/db/client";

export async function listUnits(instansiId: string, opts: { includeInactive?: boolean } = {}) {
  return getDb().unit.findMany({
    where: { instansiId, ...(opts.includeInactive ? {} : { active: true }) },
    orderBy: [{ active: "desc" }, { name: "asc" }],
    include: { parent: { select: { shortName: true } }, _count: { select: { members: true } } },
  });
}

export async function getUnit(instansiId: string, id: string) {
  return getDb().unit.findFirst({ where: { id, instansiId } });
}

/** Active units as select options. */
export async function unitOptions(instansiId: string) {
  return getDb().unit.findMany({
    where: { instansiId, active: true },
    orderBy: { name: "asc" },
    select: { id: true, name: true, shortName: true },
  });
}
