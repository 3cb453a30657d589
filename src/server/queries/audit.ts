import "server-only";
import { isRealIsoDate } from "@/server/actions/date.validation";
import { dateFromIso } from "@/server/dates";
import { getDb } from "@/server/db/client";

export const AUDIT_PAGE_SIZE = 50;

export interface AuditFilter {
  entity?: string;
  action?: string;
  actorId?: string;
  /** Entries about this unit: written with its id, or (older ones) about the unit row or one of its LKEs. */
  unitId?: string;
  /** Inclusive calendar days, YYYY-MM-DD (UTC days of the stored time). */
  from?: string;
  to?: string;
  before?: string;
}

async function auditWhere(instansiId: string, filter: AuditFilter) {
  const from = filter.from && isRealIsoDate(filter.from) ? dateFromIso(filter.from) : null;
  const to =
    filter.to && isRealIsoDate(filter.to) ? new Date(dateFromIso(filter.to).getTime() + 24 * 60 * 60 * 1000) : null;
  return {
    instansiId,
    ...(filter.entity ? { entity: filter.entity } : {}),
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.actorId ? { actorId: filter.actorId } : {}),
    ...(filter.unitId ? { OR: await unitConditions(instansiId, filter.unitId) } : {}),
    ...(from || to ? { createdAt: { ...(from ? { gte: from } : {}), ...(to ? { lt: to } : {}) } } : {}),
    ...(filter.before && /^\d+$/.test(filter.before) ? { id: { lt: BigInt(filter.before) } } : {}),
  };
}

async function unitConditions(instansiId: string, unitId: string) {
  const assessments = await getDb().assessment.findMany({
    where: { unitId, unit: { instansiId } },
    select: { id: true },
  });
  return [
    { unitId },
    { unitId: null, entity: "Unit", entityId: unitId },
    { unitId: null, entity: "Assessment", entityId: { in: assessments.map((a) => a.id) } },
  ];
}

async function withActorNames<R extends { actorId: string | null }>(rows: R[]) {
  const actorIds = [...new Set(rows.map((r) => r.actorId).filter((x): x is string => !!x))];
  const actors = await getDb().user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } });
  const names = new Map(actors.map((a) => [a.id, a.name]));
  return rows.map((r) => ({ ...r, actorName: r.actorId ? (names.get(r.actorId) ?? r.actorId) : "Sistem" }));
}

export async function listAudit(instansiId: string, filter: AuditFilter) {
  const rows = await getDb().auditLog.findMany({
    where: await auditWhere(instansiId, filter),
    orderBy: { id: "desc" },
    take: AUDIT_PAGE_SIZE + 1,
  });
  const named = await withActorNames(rows.slice(0, AUDIT_PAGE_SIZE));
  return {
    rows: named.map((r) => ({ ...r, id: r.id.toString() })),
    nextBefore: rows.length > AUDIT_PAGE_SIZE ? rows[AUDIT_PAGE_SIZE - 1].id.toString() : null,
  };
}

/** The most rows one export holds; a longer period is exported in parts by date. */
export const AUDIT_EXPORT_MAX = 50_000;

/** Every entry the filter selects (newest first, up to the cap) for the .xlsx export. */
export async function auditForExport(instansiId: string, filter: AuditFilter) {
  const rows = await getDb().auditLog.findMany({
    where: await auditWhere(instansiId, { ...filter, before: undefined }),
    orderBy: { id: "desc" },
    take: AUDIT_EXPORT_MAX + 1,
  });
  return { rows: await withActorNames(rows.slice(0, AUDIT_EXPORT_MAX)), truncated: rows.length > AUDIT_EXPORT_MAX };
}

export async function auditEntities(instansiId: string) {
  const rows = await getDb().auditLog.groupBy({ by: ["entity"], where: { instansiId }, orderBy: { entity: "asc" } });
  return rows.map((r) => r.entity);
}

/** The choices of the filters: actions and actors that occur in this instansi's log. */
export async function auditFilterOptions(instansiId: string) {
  const [actions, actors] = await Promise.all([
    getDb().auditLog.groupBy({ by: ["action"], where: { instansiId }, orderBy: { action: "asc" } }),
    getDb().auditLog.groupBy({ by: ["actorId"], where: { instansiId, actorId: { not: null } } }),
  ]);
  const users = await getDb().user.findMany({
    where: { id: { in: actors.map((a) => a.actorId!) } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
  const units = await getDb().unit.findMany({
    where: { instansiId },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
  return { actions: actions.map((a) => a.action), users, units };
}
