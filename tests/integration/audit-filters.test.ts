import { describe, expect, test } from "vitest";
import { AUDIT_ACTION_LABELS, auditActionLabel } from "@/domain/audit-labels";
import { authenticate } from "@/server/auth/authenticate";
import { auditFilterOptions, listAudit } from "@/server/queries/audit";
import { sessionAs, useTestDatabase } from "./db";

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

describe("the audit log exported to .xlsx", () => {
  test("ADMIN gets the filtered ledger with changes written out; the export and a refused one are on the record", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const { exportAudit } = await import("@/server/audit-export-route");
    const { updateUnitAction } = await import("@/server/actions/units");
    const admin = await sessionAs(db.prisma, "admin@contoh.go.id");
    const unit = await db.prisma.unit.findFirstOrThrow({ where: { shortName: "Dinkes" } });
    const renamed = await updateUnitAction.run(
      {
        id: unit.id,
        name: "Dinas Kesehatan Kabupaten",
        shortName: unit.shortName,
        type: unit.type,
        parentId: unit.parentId ?? "",
        headName: unit.headName ?? "",
        headNip: unit.headNip ?? "",
        proposedForZi: unit.proposedForZi,
        selectionCriteria: unit.selectionCriteria,
      },
      admin,
    );
    expect(renamed.ok).toBe(true);

    const res = await exportAudit(new URLSearchParams({ tindakan: "unit.update" }), admin);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("spreadsheetml");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await res.arrayBuffer()) as unknown as Parameters<typeof wb.xlsx.load>[0]);
    const ws = wb.getWorksheet("Log Audit")!;
    expect(ws.getRow(4).values).toContain("Perubahan (sebelum → sesudah)");
    const rows = [];
    for (let i = 5; i <= ws.rowCount; i++) rows.push(ws.getRow(i).values as unknown[]);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r[6] === "unit.update")).toBe(true);
    expect(rows.some((r) => String(r[8]).includes(`name: ${unit.name} → Dinas Kesehatan Kabupaten`))).toBe(true);
    expect(await db.prisma.auditLog.count({ where: { action: "audit.export", actorId: admin.user.id } })).toBe(1);

    const tpi = await sessionAs(db.prisma, "tpi@contoh.go.id");
    expect((await exportAudit(new URLSearchParams(), tpi)).status).toBe(403);
    const refusal = await db.prisma.auditLog.findFirstOrThrow({
      where: { action: "access.denied", actorId: tpi.user.id, entityId: "audit.export" },
    });
    expect(refusal.after).toMatchObject({ permission: "audit:read" });
  });
});

describe("the ledger read per unit", () => {
  test("a write is filed under the unit it concerns, and so are older entries about the unit's LKE", async () => {
    const { saveSelfAnswerAction } = await import("@/server/actions/lke-answers");
    const operator = await sessionAs(db.prisma, "operator.dinkes@contoh.go.id");
    const dinkes = await db.prisma.unit.findFirstOrThrow({ where: { shortName: "Dinkes" } });
    const rsud = await db.prisma.unit.findFirstOrThrow({ where: { shortName: "RSUD" } });
    const rsudLke = await db.prisma.assessment.findFirstOrThrow({
      where: { unitId: rsud.id, periode: { status: "BERJALAN" } },
    });
    const lke = await db.prisma.assessment.findFirstOrThrow({
      where: { unitId: dinkes.id, periode: { status: "BERJALAN" } },
    });
    // An entry as written before entries carried their unit.
    await db.prisma.auditLog.create({
      data: {
        instansiId: dinkes.instansiId,
        actorId: operator.user.id,
        action: "assessment.submit",
        entity: "Assessment",
        entityId: rsudLke.id,
      },
    });
    const current = await db.prisma.answer.findFirst({
      where: { assessmentId: lke.id, layer: "SELF", question: { code: "PPA1A" } },
      select: { version: true },
    });
    const saved = await saveSelfAnswerAction.run(
      {
        assessmentId: lke.id,
        questionCode: "PPA1A",
        value: "Ya",
        catatan: "Uji buku besar per unit",
        version: current?.version ?? 0,
      },
      operator,
    );
    expect(saved).toMatchObject({ ok: true });

    const dinkesRows = (await listAudit(dinkes.instansiId, { unitId: dinkes.id })).rows;
    expect(dinkesRows.some((r) => r.unitId === dinkes.id && r.action === "answer.save")).toBe(true);
    expect(dinkesRows.some((r) => r.entityId === rsudLke.id)).toBe(false);
    const rsudRows = (await listAudit(dinkes.instansiId, { unitId: rsud.id })).rows;
    expect(rsudRows.some((r) => r.entity === "Assessment" && r.entityId === rsudLke.id && r.unitId === null)).toBe(
      true,
    );
    expect(rsudRows.some((r) => r.action === "answer.save" && r.unitId === dinkes.id)).toBe(false);
  });
});
