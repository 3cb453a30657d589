import "server-only";
import { getDb } from "@/server/db/client";

export async function listUsers(instansiId: string, filter: { q?: string; role?: string } = {}) {
  const q = filter.q?.trim();
  return getDb().user.findMany({
    where: {
      instansiId,
      ...(q
        ? {
            OR: [
              { name: { contains: q, mode: "insensitive" } },
              { email: { contains: q, mode: "insensitive" } },
              { nip: { contains: q } },
            ],
          }
        : {}),
      ...(filter.role ? { roles: { some: { role: filter.role as never } } } : {}),
    },
    orderBy: [{ active: "desc" }, { name: "asc" }],
    include: { roles: { include: { unit: { select: { shortName: true } } } }, unit: { select: { shortName: true } } },
  });
}

export async function getUser(instansiId: string, id: string) {
  return getDb().user.findFirst({ where: { id, instansiId }, include: { roles: true } });
}

/** The instansi's own settings shown to its admin. */
export async function getInstansiSettings(instansiId: string) {
  return getDb().instansi.findUniqueOrThrow({ where: { id: instansiId }, select: { separationOfDuties: true } });
}
