import { can } from "@/server/authz";
import { auditRefusal, writeAudit } from "@/server/audit";
import { auditWorkbook } from "@/server/audit-export";
import { clientIp, getCurrentUser, type CurrentUser } from "@/server/auth/current-user";
import { getDb } from "@/server/db/client";
import { auditForExport } from "@/server/queries/audit";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The export behind `/api/audit/ekspor`; the session is passed in by tests. */
export async function exportAudit(
  params: URLSearchParams,
  session?: { user: CurrentUser | null; ip: string | null },
): Promise<Response> {
  const user = session ? session.user : await getCurrentUser();
  const ip = session ? session.ip : await clientIp();
  if (!user) return Response.json({ error: "Silakan masuk terlebih dahulu." }, { status: 401 });
  if (user.mustChangePassword || !can(user, "audit:read")) {
    await auditRefusal(user, ip, "audit.export", {
      permission: "audit:read",
      reason: "Anda tidak berwenang mengekspor log audit.",
      code: "FORBIDDEN",
    });
    return Response.json({ error: "Anda tidak berwenang mengekspor log audit." }, { status: 403 });
  }
  const filter = {
    entity: params.get("entitas") || undefined,
    action: params.get("tindakan") || undefined,
    actorId: params.get("pengguna") || undefined,
    unitId: params.get("unit") || undefined,
    from: params.get("dari") || undefined,
    to: params.get("sampai") || undefined,
  };
  const [{ rows, truncated }, instansi] = await Promise.all([
    auditForExport(user.instansiId, filter),
    getDb().instansi.findUniqueOrThrow({ where: { id: user.instansiId }, select: { name: true } }),
  ]);
  const described = Object.entries(filter)
    .filter(([, v]) => v)
    .map(([k, v]) => `${k}=${v}`)
    .join(", ");
  const body = await auditWorkbook(rows, { instansi: instansi.name, filter: described, truncated });
  // Reading the whole ledger out is itself on the record.
  await writeAudit(getDb(), user, ip, {
    action: "audit.export",
    entity: "AuditLog",
    entityId: "ekspor",
    after: { filter, rows: rows.length },
  });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": XLSX,
      "Content-Disposition": `attachment; filename="log-audit-${day}.xlsx"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
