import { describe, expect, test } from "vitest";
import { AUDIT_ACTION_LABELS, auditActionLabel } from "@/domain/audit-labels";
import { authenticate } from "@/server/auth/authenticate";
import { auditFilterOptions, listAudit } from "@/server/queries/audit";
import { useTestDatabase } from "./db";

const db = useTestDatabase();

describe("the audit log as a ledger", () => {
  test("filters by action, user and date; every action in the log has an Indonesian name", async () => {
    const admin = await db.prisma.user.findUniqueOrThrow({ where: { email: "admin@contoh.go.id" } });
    await authenticate(db.prisma, "admin@contoh.go.id", "Integritas#2026", "127.0.0.1");
    await authenticate(db.prisma, "kepala.dinkes@contoh.go.id", "Integritas#2026", "127.0.0.1");

    const byAction = await listAudit(admin.instansiId, { action: "auth.signIn" });
    expect(byAction.rows.length).toBe(2);
    expect(byAction.rows.every((r) => r.action === "auth.signIn")).toBe(true);

    const byUser = await listAudit(admin.instansiId, { action: "auth.signIn", actorId: admin.id });
    expect(byUser.rows.map((r) => r.actorName)).toEqual([admin.name]);

    const today = new Date().toISOString().slice(0, 10);
    expect((await listAudit(admin.instansiId, { action: "auth.signIn", from: today, to: today })).rows).toHaveLength(2);
    expect((await listAudit(admin.instansiId, { action: "auth.signIn", to: "2000-01-01" })).rows).toHaveLength(0);
    // A malformed date is ignored rather than failing the page.
    expect((await listAudit(admin.instansiId, { action: "auth.signIn", from: "2026-13-01" })).rows).toHaveLength(2);

    const options = await auditFilterOptions(admin.instansiId);
    expect(options.users.map((u) => u.id)).toContain(admin.id);
    const unnamed = options.actions.filter((a) => !(a in AUDIT_ACTION_LABELS));
    expect(unnamed).toEqual([]);
    expect(auditActionLabel("auth.signInFailed")).toBe("Gagal masuk");
  });
});
