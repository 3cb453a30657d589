import { getDb } from "@/server/db/client";

export const AUDIT_PAGE_SIZE = 50;

export async function listAudit(instansiId: string, filter: { entity?: string; before?: string }) {
  const rows = await getDb().auditLog.findMany({
    where: {
      instansiId,
      ...(filter.entity ? { entity: filter.entity } : {}),
      ...(filter.before && /^\d+$/.test(filter.before) ? { id: { lt: BigInt(filter.before) } } : {}),
    },
    orderBy: { id: "desc" },
    take: AUDIT_PAGE_SIZE + 1,
  });
  const actorIds = [...new Set(rows.map((r) => r.actorId).filter((x): x is string => !!x))];
  const actors = await getDb().user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } });
  const names = new Map(actors.map((a) => [a.id, a.name]));
  return {
    rows: rows.slice(0, AUDIT_PAGE_SIZE).map((r) => ({ ...r, id: r.id.toString(), actorName: r.actorId ? (names.get(r.actorId) ?? r.actorId) : "Sistem" })),
    nextBefore: rows.length > AUDIT_PAGE_SIZE ? rows[AUDIT_PAGE_SIZE - 1].id.toString() : null,
  };
}

export async function auditEntities(instansiId: string) {
  const rows = await getDb().auditLog.groupBy({ by: ["entity"], where: { instansiId }, orderBy: { entity: "asc" } });
  return rows.map((r) => r.entity);
}
