import "server-only";
import { unitWhere, type Principal } from "@/server/authz";
import { getDb } from "@/server/db/client";
import { isoFromDate } from "@/server/dates";

/** Every rencana aksi of the period in the user's scope, by unit, area and target date. */
export async function listRencanaAksi(user: Principal, periodeId: string) {
  const rows = await getDb().rencanaAksi.findMany({
    where: { periodeId, unit: unitWhere(user, "monev:read") },
    orderBy: [{ unit: { name: "asc" } }, { areaCode: "asc" }, { targetDate: "asc" }, { createdAt: "asc" }],
    include: { unit: { select: { id: true, name: true, shortName: true } } },
  });
  return rows.map((r) => ({ ...r, targetDate: isoFromDate(r.targetDate) }));
}

/** Units the user may plan for: active units in their monev:write scope, those building ZI first. */
export async function rencanaAksiUnitOptions(user: Principal) {
  return getDb().unit.findMany({
    where: { ...unitWhere(user, "monev:write"), active: true },
    orderBy: [{ proposedForZi: "desc" }, { name: "asc" }],
    select: { id: true, name: true, shortName: true },
  });
}

/** One item with its unit and period, for the edit page (scope is checked by the page). */
export async function getRencanaAksi(instansiId: string, id: string) {
  return getDb().rencanaAksi.findFirst({
    where: { id, unit: { instansiId } },
    include: {
      unit: { select: { id: true, name: true } },
      periode: { select: { id: true, year: true, status: true, catalogueId: true } },
      evidence: {
        where: { deletedAt: null },
        orderBy: { uploadedAt: "asc" },
        select: { id: true, originalName: true, size: true, mimeType: true, uploadedAt: true },
      },
    },
  });
}
