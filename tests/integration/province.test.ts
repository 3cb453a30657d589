/**
 * SUPERADMIN: creating an instansi with its first ADMIN, the roll-up across instansi (the same figures as
 * each instansi's own overview), the read-only look inside one, and the walls around the role: an
 * instansi's ADMIN can neither grant it nor take over such an account, and it writes nothing inside an
 * instansi.
 */
import { describe, expect, test } from "vitest";
import { can } from "@/server/authz";
import { createInstansiAction } from "@/server/actions/instansi";
import { saveSelfAnswerAction } from "@/server/actions/lke-answers";
import { createUserAction, resetPasswordAction, setUserActiveAction, updateUserAction } from "@/server/actions/users";
import { getInstansiOverview, getOverview } from "@/server/queries/overview";
import { getProvinceRollup } from "@/server/queries/province";
import { sessionAs, useTestDatabase } from "./db";

const db = useTestDatabase();

async function current() {
  const periode = await db.prisma.periode.findFirstOrThrow({ where: { status: "BERJALAN" } });
  return { periode, today: `${periode.year}-10-15` };
}

const counts = async () => ({
  instansi: await db.prisma.instansi.count(),
  users: await db.prisma.user.count(),
  periodes: await db.prisma.periode.count(),
});

describe("SUPERADMIN", () => {
  test("creates an instansi with its periode and a first ADMIN whose password is one-time; both logs say who", async () => {
    const sa = await sessionAs(db.prisma, "provinsi@contoh.go.id");
    const result = await createInstansiAction.run(
      { instansi: "Pemerintah Kota Contoh Dua", adminEmail: "Admin@Dua.go.id", adminNip: "" },
      sa,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.password).toMatch(/^[A-Za-z2-9]{16}$/);
    const admin = await db.prisma.user.findUniqueOrThrow({
      where: { email: "admin@dua.go.id" },
      include: { roles: true, instansi: { include: { periodes: true } } },
    });
    expect(admin.instansiId).toBe(result.data.instansiId);
    expect(admin.mustChangePassword).toBe(true);
    expect(admin.roles.map((r) => r.role)).toEqual(["ADMIN"]);
    expect(admin.instansi.periodes).toHaveLength(1);
    const inNew = await db.prisma.auditLog.findFirstOrThrow({
      where: { instansiId: admin.instansiId, action: "instansi.setup" },
    });
    expect(inNew.actorId).toBe(sa.user.id);
    const inOwn = await db.prisma.auditLog.findFirstOrThrow({
      where: { instansiId: sa.user.instansiId, action: "instansi.create", entityId: admin.instansiId },
    });
    expect(inOwn.actorId).toBe(sa.user.id);

    // The same email again: a field error, nothing written.
    const before = await counts();
    const again = await createInstansiAction.run(
      { instansi: "Pemerintah Kota Contoh Tiga", adminEmail: "admin@dua.go.id" },
      sa,
    );
    expect(again).toMatchObject({ ok: false, code: "INVALID" });
    if (!again.ok) expect(again.fieldErrors?.adminEmail).toMatch(/sudah terdaftar/);
    expect(await counts()).toEqual(before);
  });

  test("only a SUPERADMIN may create an instansi", async () => {
    const before = await counts();
    for (const email of ["admin@contoh.go.id", "pimpinan@contoh.go.id", "tpi@contoh.go.id"]) {
      const r = await createInstansiAction.run(
        { instansi: "Pemerintah Kabupaten Liar", adminEmail: `x.${email}` },
        await sessionAs(db.prisma, email),
      );
      expect(r).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    expect(await counts()).toEqual(before);
  });

  test("the roll-up gives each instansi the figures of its own overview, and totals over all", async () => {
    const { periode, today } = await current();
    const admin = await sessionAs(db.prisma, "admin@contoh.go.id");
    const overview = (await getOverview(admin.user, periode.id, today))!;
    const rollup = await getProvinceRollup(periode.year, today);
    expect(rollup.year).toBe(periode.year);
    expect(rollup.years).toContain(periode.year - 1);

    const demo = rollup.rows.find((r) => r.instansiId === admin.user.instansiId)!;
    expect(demo).toMatchObject({
      units: overview.rows.length,
      proposed: overview.summary.proposed,
      readyWbk: overview.summary.readyWbk,
      readyWbbm: overview.summary.readyWbbm,
      late: overview.summary.overdue,
    });
    const scored = overview.rows.flatMap((r) => (r.assessment ? [r.assessment] : []));
    expect(demo.avgTotal).toBeCloseTo(scored.reduce((s, a) => s + a.total, 0) / scored.length, 8);
    expect(Object.keys(demo.areaPct)).toHaveLength(6);
    for (const pct of Object.values(demo.areaPct)) expect(pct).toBeGreaterThanOrEqual(0);

    const dua = rollup.rows.find((r) => r.name === "Pemerintah Kota Contoh Dua")!;
    expect(dua).toMatchObject({ units: 0, proposed: 0, late: 0, avgTotal: null, hasPeriode: true });
    expect(rollup.totals.proposed).toBe(rollup.rows.reduce((n, r) => n + r.proposed, 0));
    expect(rollup.totals.units).toBe(rollup.rows.reduce((n, r) => n + r.units, 0));

    // The read-only look inside one instansi is its overview, whoever asks.
    const inside = (await getInstansiOverview(admin.user.instansiId, periode.id, today))!;
    expect(inside.summary).toEqual(overview.summary);
  });

  test("holds no permission inside an instansi: it reads the roll-up but writes no LKE answer", async () => {
    const sa = await sessionAs(db.prisma, "provinsi@contoh.go.id");
    expect(can(sa.user, "province:read")).toBe(true);
    for (const p of ["overview:read", "assessment:read", "answer:write", "user:manage", "audit:read"] as const)
      expect(can(sa.user, p)).toBe(false);
    const assessment = await db.prisma.assessment.findFirstOrThrow({ where: { status: "DRAFT" } });
    const r = await saveSelfAnswerAction.run({ assessmentId: assessment.id, questionId: "x", version: 0 }, sa);
    expect(r).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  test("an instansi ADMIN can neither grant SUPERADMIN nor edit, reset or deactivate such an account", async () => {
    const admin = await sessionAs(db.prisma, "admin@contoh.go.id");
    const sa = await db.prisma.user.findUniqueOrThrow({ where: { email: "provinsi@contoh.go.id" } });
    const before = await db.prisma.user.findUniqueOrThrow({ where: { id: sa.id }, include: { roles: true } });

    const grant = await createUserAction.run(
      {
        name: "Penyusup",
        nip: "",
        email: "penyusup@contoh.go.id",
        unitId: "",
        roles: ["SUPERADMIN"],
        tpiUnitIds: [],
        opdUnitId: "",
        active: true,
        password: "RahasiaKuat2026",
      },
      admin,
    );
    expect(grant).toMatchObject({ ok: false, code: "INVALID" });
    expect(await db.prisma.user.count({ where: { email: "penyusup@contoh.go.id" } })).toBe(0);

    const edit = await updateUserAction.run(
      {
        id: sa.id,
        name: sa.name,
        nip: sa.nip ?? "",
        email: sa.email,
        unitId: "",
        roles: ["PIMPINAN"],
        tpiUnitIds: [],
        opdUnitId: "",
        active: true,
      },
      admin,
    );
    expect(edit).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await resetPasswordAction.run({ id: sa.id, password: "RahasiaKuat2026" }, admin)).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    expect(await setUserActiveAction.run({ id: sa.id, active: false }, admin)).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    const after = await db.prisma.user.findUniqueOrThrow({ where: { id: sa.id }, include: { roles: true } });
    expect(after).toEqual(before);
  });
});
