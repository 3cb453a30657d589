import { getDb, type Tx } from "@/server/db/client";

export interface AuditEntry {
  action: string;
  entity: string;
  entityId: string;
  /** The unit concerned, when there is one (the ledger is filtered by it). */
  unitId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** JSON-safe copy: dates as ISO strings, bigints as strings, secrets dropped. */
export function auditSnapshot(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  return JSON.parse(
    JSON.stringify(value, (key, v) => {
      if (key === "passwordHash") return undefined;
      if (typeof v === "bigint") return v.toString();
      return v;
    }),
  );
}

/** `actor.id` null: a machine caller of the instansi (a PortalRB token), named by the entry's entity. */
export async function writeAudit(
  tx: Tx,
  actor: { id: string | null; instansiId: string } | null,
  ip: string | null,
  entry: AuditEntry,
) {
  await tx.auditLog.create({
    data: {
      instansiId: actor?.instansiId ?? null,
      actorId: actor?.id ?? null,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId,
      unitId: entry.unitId ?? null,
      before: auditSnapshot(entry.before) ?? undefined,
      after: auditSnapshot(entry.after) ?? undefined,
      ip,
    },
  });
}

/**
 * A refused write or read leaves a trail too (who, what, which target). Written on its own, outside
 * any transaction the refusal rolls back; failing to write it must not turn the refusal into an error.
 */
export async function auditRefusal(
  actor: { id: string; instansiId: string } | null,
  ip: string | null,
  what: string,
  details: { permission?: string; reason: string; code?: string; target?: Record<string, string> },
  unitId: string | null = null,
) {
  try {
    await writeAudit(getDb(), actor, ip, {
      action: "access.denied",
      entity: "Action",
      entityId: what,
      unitId,
      after: details,
    });
  } catch (err) {
    console.error(`[${what}] audit of a refusal failed`, err);
  }
}
