/**
 * An audit entry's change as a ledger reads it: each field that differs, before → after. Fields that
 * only record when a row was touched (createdAt, updatedAt, version) are not a change anyone made.
 */
export interface AuditChange {
  field: string;
  before: string;
  after: string;
}

const BOOKKEEPING = new Set(["createdAt", "updatedAt", "version"]);
const MAX = 120;

export function formatAuditValue(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (value === true) return "ya";
  if (value === false) return "tidak";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > MAX ? `${text.slice(0, MAX)}…` : text;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export function auditChanges(before: unknown, after: unknown): AuditChange[] {
  if (!isRecord(before) && !isRecord(after)) {
    if (before == null && after == null) return [];
    return JSON.stringify(before) === JSON.stringify(after)
      ? []
      : [{ field: "nilai", before: formatAuditValue(before), after: formatAuditValue(after) }];
  }
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((f) => !BOOKKEEPING.has(f));
  return fields
    .filter((f) => JSON.stringify(b[f] ?? null) !== JSON.stringify(a[f] ?? null))
    .map((field) => ({ field, before: formatAuditValue(b[field]), after: formatAuditValue(a[field]) }));
}
