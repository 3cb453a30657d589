import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { scopeOf, unitWhere, type Principal } from "@/server/authz";
import { getDb } from "@/server/db/client";

/** Events the user may see: all of the instansi, or those a unit in their scope declared. */
function visibleEvents(user: Principal): Prisma.PencananganWhereInput {
  const scope = scopeOf(user, "pencanangan:read");
  if (!scope) return { id: { in: [] } };
  if (scope.all) return { instansiId: user.instansiId };
  return { instansiId: user.instansiId, units: { some: { unit: unitWhere(user, "pencanangan:read") } } };
}

export async function listPencanangan(user: Principal) {
  return getDb().pencanangan.findMany({
    where: visibleEvents(user),
    orderBy: [{ date: "desc" }, { createdAt: "desc" }],
    include: {
      units: {
        select: { unit: { select: { id: true, shortName: true, name: true } } },
        orderBy: { unit: { name: "asc" } },
      },
      witnesses: { select: { institution: true }, orderBy: { id: "asc" } },
      _count: { select: { documents: { where: { deletedAt: null } } } },
    },
  });
}

export async function getPencanangan(user: Principal, id: string) {
  return getDb().pencanangan.findFirst({
    where: { id, ...visibleEvents(user) },
    include: {
      units: {
        select: { unit: { select: { id: true, shortName: true, name: true, active: true } } },
        orderBy: { unit: { name: "asc" } },
      },
      witnesses: { orderBy: { id: "asc" } },
      documents: {
        where: { deletedAt: null },
        orderBy: { uploadedAt: "asc" },
        select: { id: true, originalName: true, size: true, mimeType: true, uploadedAt: true },
      },
      periode: { select: { year: true } },
    },
  });
}

/**
 * Every active unit proposed for ZI (in the user's scope) with its latest pencanangan, if any.
 * A unit that declared once keeps building ZI; later events only move the date.
 */
export async function pencananganStatus(user: Principal) {
  const units = await getDb().unit.findMany({
    where: { ...unitWhere(user, "pencanangan:read"), proposedForZi: true, active: true },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      shortName: true,
      pencanangan: {
        select: { pencanangan: { select: { id: true, date: true, title: true } } },
        orderBy: { pencanangan: { date: "desc" } },
        take: 1,
      },
    },
  });
  return units.map((u) => ({
    id: u.id,
    name: u.name,
    shortName: u.shortName,
    latest: u.pencanangan[0]?.pencanangan ?? null,
  }));
}

/** Units an ADMIN may choose for an event: active units, plus the inactive ones already on it. */
export async function pencananganUnitOptions(instansiId: string, keep: string[] = []) {
  return getDb().unit.findMany({
    where: { instansiId, OR: [{ active: true }, { id: { in: keep } }] },
    orderBy: [{ proposedForZi: "desc" }, { name: "asc" }],
    select: { id: true, name: true, shortName: true, proposedForZi: true },
  });
}
