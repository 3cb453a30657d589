import { describe, expect, test } from "vitest";
import { useTestDatabase } from "./db";

const db = useTestDatabase();

describe("AuditLog is append-only", () => {
  test("a new entry can be written and read back", async () => {
    const entry = await db.prisma.auditLog.create({
      data: { action: "test.write", entity: "Test", entityId: "x1", after: { a: 1 } },
    });
    const read = await db.prisma.auditLog.findUniqueOrThrow({ where: { id: entry.id } });
    expect(read.after).toEqual({ a: 1 });
  });

  test("UPDATE is rejected by the database", async () => {
    const entry = await db.prisma.auditLog.create({ data: { action: "test.update", entity: "Test", entityId: "x2" } });
    await expect(db.prisma.auditLog.update({ where: { id: entry.id }, data: { action: "tampered" } })).rejects.toThrow(
      /append-only/,
    );
    await expect(
      db.prisma.$executeRawUnsafe(`UPDATE "AuditLog" SET "entityId" = 'y' WHERE id = ${entry.id}`),
    ).rejects.toThrow(/append-only/);
    expect((await db.prisma.auditLog.findUniqueOrThrow({ where: { id: entry.id } })).action).toBe("test.update");
  });

  test("DELETE and TRUNCATE are rejected by the database", async () => {
    const before = await db.prisma.auditLog.count({ where: { action: { not: "access.denied" } } });
    expect(before).toBeGreaterThan(0);
    await expect(db.prisma.auditLog.deleteMany({})).rejects.toThrow(/append-only/);
    await expect(db.prisma.$executeRawUnsafe(`DELETE FROM "AuditLog"`)).rejects.toThrow(/append-only/);
    await expect(db.prisma.$executeRawUnsafe(`TRUNCATE "AuditLog"`)).rejects.toThrow(/append-only/);
    expect(await db.prisma.auditLog.count({ where: { action: { not: "access.denied" } } })).toBe(before);
  });
});
