import "server-only";
import { unitWhere, type Principal } from "@/server/authz";
import { getDb } from "@/server/db/client";
import { isoFromDate } from "@/server/dates";

/**
 * Units in the user's scope that build ZI or have ever received a penetapan, each with its results
 * (newest year first).
 */
export async function penetapanByUnit(user: Principal) {
  const units = await getDb().unit.findMany({
    where: {
      ...unitWhere(user, "penetapan:read"),
      OR: [{ proposedForZi: true, active: true }, { penetapan: { some: {} } }],
    },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      shortName: true,
      active: true,
      penetapan: {
        orderBy: { year: "desc" },
        select: { id: true, year: true, result: true, decreeNumber: true, decreeDate: true, notes: true },
      },
    },
  });
  return units.map((u) => ({
    ...u,
    penetapan: u.penetapan.map((p) => ({ ...p, decreeDate: p.decreeDate ? isoFromDate(p.decreeDate) : null })),
  }));
}

/** Units an ADMIN may record a result for: active units, those building ZI first. */
export async function penetapanUnitOptions(instansiId: string) {
  return getDb().unit.findMany({
    where: { instansiId, active: true },
    orderBy: [{ proposedForZi: "desc" }, { name: "asc" }],
    select: { id: true, name: true, shortName: true },
  });
}
