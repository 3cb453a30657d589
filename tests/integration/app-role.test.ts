/**
 * The app role on PostgreSQL (`npm run db:app-role`): it writes the data and appends to the audit log,
 * but cannot change or remove an audit entry, nor drop the trigger that guards it.
 */
import { randomBytes } from "node:crypto";
import { describe, expect, test } from "vitest";
import { applyAppRole } from "@/server/db/app-role";
import { useTestDatabase } from "./db";

const db = useTestDatabase();

/** Runs `sql` as `role` inside a transaction that is rolled back; returns the error message, if any. */
async function asRole(role: string, sql: string): Promise<string | null> {
  let failure: string | null = null;
  await db.handle.runner
    .transaction(async (tx) => {
      await tx.exec(`SET LOCAL ROLE "${role}"`);
      try {
        await tx.exec(sql);
      } catch (e) {
        failure = (e as Error).message;
      }
      throw new Error("rollback");
    })
    .catch((e) => {
      if ((e as Error).message !== "rollback") throw e;
    });
  return failure;
}

describe("the app's database role", () => {
  test("may INSERT and SELECT the audit log but not UPDATE, DELETE, TRUNCATE it or drop its trigger", async () => {
    const role = `zi_app_${randomBytes(3).toString("hex")}`;
    await applyAppRole(db.handle.runner, role, null);
    const entry = await db.prisma.auditLog.findFirstOrThrow({ select: { id: true } });

    expect(
      await asRole(role, `INSERT INTO "AuditLog" (action, entity, "entityId") VALUES ('uji', 'Uji', 'x')`),
    ).toBeNull();
    expect(await asRole(role, `SELECT count(*) FROM "AuditLog"`)).toBeNull();
    expect(await asRole(role, `UPDATE "Unit" SET "headName" = "headName"`)).toBeNull();
    for (const sql of [
      `UPDATE "AuditLog" SET action = 'diubah' WHERE id = ${entry.id}`,
      `DELETE FROM "AuditLog" WHERE id = ${entry.id}`,
      `TRUNCATE "AuditLog"`,
    ]) {
      expect(await asRole(role, sql)).toMatch(/permission denied/);
    }
    expect(await asRole(role, `DROP TRIGGER "AuditLog_no_update_delete" ON "AuditLog"`)).toMatch(/must be owner/);
    // Applying it again (after new migrations) is harmless.
    await applyAppRole(db.handle.runner, role, null);
  });

  test("refuses a role name that is not a plain identifier", async () => {
    await expect(applyAppRole(db.handle.runner, 'x"; DROP TABLE "Unit"; --', null)).rejects.toThrow(/tidak sah/);
  });
});
