import { describe, expect, test } from "vitest";
import { createUnitAction, setUnitActiveAction, updateUnitAction } from "@/server/actions/units";
import { createUserAction, resetPasswordAction, setUserActiveAction, updateUserAction } from "@/server/actions/users";
import { createPeriodeAction, updateScheduleAction } from "@/server/actions/periodes";
import { sessionAs, useTestDatabase } from "./db";

const db = useTestDatabase();

const goodUnit = {
  name: "Dinas Komunikasi dan Informatika",
  shortName: "Diskominfo",
  type: "DINAS",
  parentId: "",
  headName: "Budi Santoso, S.Kom.",
  headNip: "198001012005011001",
  proposedForZi: true,
  selectionCriteria: ["PELAYANAN_STRATEGIS"],
} as const;

async function counts() {
  return {
    units: await db.prisma.unit.count(),
    users: await db.prisma.user.count(),
    audit: await db.prisma.auditLog.count({ where: { action: { not: "access.denied" } } }),
    periodes: await db.prisma.periode.count(),
  };
}

describe("unit form", () => {
  test("good input creates the unit, its audit entry and, being proposed, this year's LKE", async () => {
    const admin = await sessionAs(db.prisma, "admin@contoh.go.id");
    const before = await counts();
    const result = await createUnitAction.run(goodUnit, admin);
    expect(result.ok).toBe(true);
    const unit = await db.prisma.unit.findFirstOrThrow({ where: { shortName: "Diskominfo" } });
    expect(unit.instansiId).toBe(admin.user.instansiId);
    const after = await counts();
    expect(after.units).toBe(before.units + 1);
    const entry = await db.prisma.auditLog.findFirstOrThrow({ where: { entity: "Unit", entityId: unit.id } });
    expect(entry).toMatchObject({ action: "unit.create", actorId: admin.user.id, ip: "127.0.0.1" });
    const lke = await db.prisma.assessment.findMany({ where: { unitId: unit.id }, select: { id: true } });
    expect(lke).toHaveLength(
      await db.prisma.periode.count({ where: { instansiId: admin.user.instansiId, status: { not: "DITUTUP" } } }),
    );
    expect(after.audit).toBe(before.audit + 1 + lke.length);
  });

  test.each([
    ["empty name", { ...goodUnit, shortName: "X1", name: "" }, "name"],
    ["bad NIP", { ...goodUnit, shortName: "X2", headNip: "12345" }, "headNip"],
    ["unknown type", { ...goodUnit, shortName: "X3", type: "KEMENTERIAN" }, "type"],
    ["proposed without criteria", { ...goodUnit, shortName: "X4", selectionCriteria: [] }, "selectionCriteria"],
    ["short name already used", { ...goodUnit, shortName: "Disdukcapil" }, "shortName"],
    ["parent from nowhere", { ...goodUnit, shortName: "X5", parentId: "does-not-exist" }, "parentId"],
  ])("%s → Indonesian message on the field, nothing written", async (_, input, field) => {
    const admin = await sessionAs(db.prisma, "admin@contoh.go.id");
    const before = await counts();
    const result = await createUnitAction.run(input, admin);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors?.[field]).toMatch(/[a-z]/);
    expect(result.error).not.toMatch(/error|invalid|required/i);
    expect(await counts()).toEqual(before);
  });

  test("update and deactivate are audited with before and after", async () => {
    const admin = await sessionAs(db.prisma, "admin@contoh.go.id");
    const unit = await db.prisma.unit.findFirstOrThrow({ where: { shortName: "Kec. Sukaresmi" } });
    const result = await updateUnitAction.run(
      { ...goodUnit, id: unit.id, name: "Kecamatan Sukaresmi Baru", shortName: "Kec. Sukaresmi" },
      admin,
    );
    expect(result).toEqual({ ok: true, data: { id: unit.id } });
    const off = await setUnitActiveAction.run({ id: unit.id, active: false }, admin);
    expect(off.ok).toBe(true);
    const entries = await db.prisma.auditLog.findMany({
      where: { entity: "Unit", entityId: unit.id },
      orderBy: { id: "asc" },
    });
    expect(entries.map((e) => e.action)).toEqual(["unit.update", "unit.deactivate"]);
    expect((entries[0].before as { name: string }).name).toBe("Kecamatan Sukaresmi");
    expect((entries[0].after as { name: string }).name).toBe("Kecamatan Sukaresmi Baru");
    expect((await db.prisma.unit.findUniqueOrThrow({ where: { id: unit.id } })).active).toBe(false);
  });

  test("a unit of another instansi cannot be edited by a forged id", async () => {
    const admin = await sessionAs(db.prisma, "admin@contoh.go.id");
    const other = await db.prisma.instansi.create({
      data: { name: "Pemerintah Kota Lain", units: { create: { name: "Dinas Lain", shortName: "DL", type: "DINAS" } } },
      include: { units: true },
    });
    const before = await counts();
    const result = await updateUnitAction.run({ ...goodUnit, id: other.units[0].id, shortName: "DL2" }, admin);
    expect(result).toMatchObject({ ok: false, error: "Unit tidak ditemukan." });
    expect((await db.prisma.unit.findUniqueOrThrow({ where: { id: other.units[0].id } })).name).toBe("Dinas Lain");
    expect(await counts()).toEqual(before);
  });
});

describe("user form", () => {
  const goodUser = {
    name: "Ahmad Fauzi, S.E.",
    nip: "199001012015031001",
    email: "ahmad.fauzi@contoh.go.id",
    unitId: "",
    roles: ["TPI"],
    tpiUnitIds: [] as string[],
    opdUnitId: "",
    active: true,
    password: "RahasiaKuat2026",
  };

  test("good input creates the user with hashed password, roles and an audit entry without the hash", async () => {
    const admin = await sessionAs(db.prisma, "admin@contoh.go.id");
    const unit = await db.prisma.unit.findFirstOrThrow({ where: { shortName: "Dinkes" } });
    const result = await createUserAction.run({ ...goodUser, tpiUnitIds: [unit.id] }, admin);
    expect(result.ok).toBe(true);
    const user = await db.prisma.user.findUniqueOrThrow({ where: { email: goodUser.email }, include: { roles: true } });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.roles).toEqual([expect.objectContaining({ role: "TPI", unitId: unit.id })]);
    const entry = await db.prisma.auditLog.findFirstOrThrow({ where: { entity: "User", entityId: user.id } });
    expect(JSON.stringify(entry.after)).not.toContain("argon2");
  });

  test.each([
    ["bad email", { email: "bukan-email" }, "email"],
    ["short password", { email: "a1@contoh.go.id", password: "pendek1" }, "password"],
    ["password without digits", { email: "a2@contoh.go.id", password: "tanpaangkasamasekali" }, "password"],
    ["17-digit NIP", { email: "a3@contoh.go.id", nip: "19900101201503100" }, "nip"],
    ["no role", { email: "a4@contoh.go.id", roles: [] }, "roles"],
    ["TPI without units", { email: "a5@contoh.go.id", roles: ["TPI"], tpiUnitIds: [] }, "tpiUnitIds"],
    ["operator without unit", { email: "a6@contoh.go.id", roles: ["OPERATOR_OPD"] }, "opdUnitId"],
    ["email already registered", { email: "tpi@contoh.go.id", nip: "", roles: ["PIMPINAN"] }, "email"],
  ])("%s → field message, nothing written", async (_, patch, field) => {
    const admin = await sessionAs(db.prisma, "admin@contoh.go.id");
    const before = await counts();
    const result = await createUserAction.run({ ...goodUser, tpiUnitIds: ["x"], ...patch }, admin);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors?.[field] ?? result.error).toMatch(/[a-z]/);
    expect(Object.keys(result.fieldErrors ?? {})).toContain(field);
    expect(await counts()).toEqual(before);
  });

  test("roles can be reassigned, a password reset, the account deactivated — each audited", async () => {
    const admin = await sessionAs(db.prisma, "admin@contoh.go.id");
    const target = await db.prisma.user.findUniqueOrThrow({ where: { email: "operator.dishub@contoh.go.id" } });
    const dinkes = await db.prisma.unit.findFirstOrThrow({ where: { shortName: "Dinkes" } });
    const r1 = await updateUserAction.run(
      {
        id: target.id,
        name: target.name,
        nip: target.nip ?? "",
        email: target.email,
        unitId: "",
        roles: ["KEPALA_OPD"],
        tpiUnitIds: [],
        opdUnitId: dinkes.id,
        active: true,
      },
      admin,
    );
    expect(r1.ok).toBe(true);
    expect(
      await db.prisma.roleAssignment.findMany({ where: { userId: target.id }, select: { role: true, unitId: true } }),
    ).toEqual([{ role: "KEPALA_OPD", unitId: dinkes.id }]);
    expect((await resetPasswordAction.run({ id: target.id, password: "KataSandiBaru2026" }, admin)).ok).toBe(true);
    expect((await setUserActiveAction.run({ id: target.id, active: false }, admin)).ok).toBe(true);
    const actions = (
      await db.prisma.auditLog.findMany({ where: { entity: "User", entityId: target.id }, orderBy: { id: "asc" } })
    ).map((e) => e.action);
    expect(actions).toEqual(["user.update", "user.resetPassword", "user.deactivate"]);
  });

  test("an admin cannot deactivate their own account", async () => {
    const admin = await sessionAs(db.prisma, "admin@contoh.go.id");
    const result = await setUserActiveAction.run({ id: admin.user.id, active: false }, admin);
    expect(result).toMatchObject({ ok: false, error: "Anda tidak dapat menonaktifkan akun sendiri." });
  });
});

describe("periode", () => {
  test("creating a year fills the default schedule and an LKE per proposed unit", async () => {
    const admin = await sessionAs(db.prisma, "admin@contoh.go.id");
    const result = await createPeriodeAction.run({ year: 2031, catalogueId: "lke-2026" }, admin);
    expect(result.ok).toBe(true);
    const periode = await db.prisma.periode.findFirstOrThrow({
      where: { year: 2031 },
      include: { stages: { orderBy: { startDate: "asc" } }, _count: { select: { assessments: true } } },
    });
    expect(periode.pmpziDeadline.toISOString().slice(0, 10)).toBe("2031-05-31");
    expect(
      periode.stages.map((s) => [
        s.stage,
        s.startDate.toISOString().slice(0, 10),
        s.endDate.toISOString().slice(0, 10),
      ]),
    ).toEqual([
      ["PENGUSULAN", "2031-01-01", "2031-02-28"],
      ["PEMBINAAN", "2031-03-01", "2031-04-30"],
      ["PENILAIAN", "2031-05-01", "2031-08-31"],
      ["EVALUASI", "2031-09-01", "2031-11-30"],
      ["PENETAPAN", "2031-12-01", "2031-12-31"],
    ]);
    expect(periode._count.assessments).toBe(
      await db.prisma.unit.count({ where: { instansiId: admin.user.instansiId, proposedForZi: true, active: true } }),
    );
  });

  test("overlapping stage windows are refused and nothing changes", async () => {
    const admin = await sessionAs(db.prisma, "admin@contoh.go.id");
    const periode = await db.prisma.periode.findFirstOrThrow({
      where: { status: "BERJALAN" },
      include: { stages: true },
    });
    const before = await counts();
    const y = periode.year;
    const result = await updateScheduleAction.run(
      {
        id: periode.id,
        status: "BERJALAN",
        pmpziDeadline: `${y}-05-31`,
        stages: [
          { stage: "PENGUSULAN", start: `${y}-01-01`, end: `${y}-03-15` },
          { stage: "PEMBINAAN", start: `${y}-03-01`, end: `${y}-06-30` },
          { stage: "PENILAIAN", start: `${y}-07-01`, end: `${y}-08-31` },
          { stage: "EVALUASI", start: `${y}-09-01`, end: `${y}-11-30` },
          { stage: "PENETAPAN", start: `${y}-12-01`, end: `${y}-12-31` },
        ],
      },
      admin,
    );
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.fieldErrors?.["stages.1.start"]).toBe("Pembinaan harus dimulai setelah Pengusulan selesai");
    expect(await counts()).toEqual(before);
  });

  test("a PMPZI deadline before the unit's own deadline is refused and nothing changes", async () => {
    const admin = await sessionAs(db.prisma, "admin@contoh.go.id");
    const periode = await db.prisma.periode.findFirstOrThrow({
      where: { status: "BERJALAN" },
      include: { stages: true },
    });
    const before = await counts();
    const y = periode.year;
    const result = await updateScheduleAction.run(
      {
        id: periode.id,
        status: "BERJALAN",
        pmpziDeadline: `${y}-05-31`,
        stages: [
          { stage: "PENGUSULAN", start: `${y}-01-01`, end: `${y}-02-28` },
          { stage: "PEMBINAAN", start: `${y}-03-01`, end: `${y}-06-30` },
          { stage: "PENILAIAN", start: `${y}-07-01`, end: `${y}-08-31` },
          { stage: "EVALUASI", start: `${y}-09-01`, end: `${y}-11-30` },
          { stage: "PENETAPAN", start: `${y}-12-01`, end: `${y}-12-31` },
        ],
      },
      admin,
    );
    expect(result).toMatchObject({
      ok: false,
      code: "INVALID",
      fieldErrors: {
        pmpziDeadline: `Batas PMPZI tidak boleh sebelum batas pengajuan unit (akhir Pembinaan, ${y}-06-30)`,
      },
    });
    expect(await counts()).toEqual(before);
  });
});

describe("every role is refused what is not theirs", () => {
  test.each([
    ["operator.dinkes@contoh.go.id", "OPERATOR_OPD"],
    ["kepala.dinkes@contoh.go.id", "KEPALA_OPD"],
    ["tpi@contoh.go.id", "TPI"],
    ["pimpinan@contoh.go.id", "PIMPINAN"],
  ])("%s (%s) cannot create units, users or periods", async (email) => {
    const session = await sessionAs(db.prisma, email);
    const before = await counts();
    const since = new Date();
    for (const result of [
      await createUnitAction.run({ ...goodUnit, shortName: "Nope" }, session),
      await createUserAction.run(
        {
          name: "Nope Nope",
          nip: "",
          email: "nope@contoh.go.id",
          unitId: "",
          roles: ["ADMIN"],
          tpiUnitIds: [],
          opdUnitId: "",
          active: true,
          password: "RahasiaKuat2026",
        },
        session,
      ),
      await createPeriodeAction.run({ year: 2040, catalogueId: "lke-2026" }, session),
    ]) {
      expect(result).toMatchObject({
        ok: false,
        code: "FORBIDDEN",
        error: "Anda tidak berwenang melakukan tindakan ini.",
      });
    }
    expect(await counts()).toEqual(before);
    // Each refusal leaves its trail: who tried which action.
    const refusals = await db.prisma.auditLog.findMany({
      where: { action: "access.denied", actorId: session.user.id, createdAt: { gte: since } },
      orderBy: { id: "asc" },
    });
    expect(refusals.map((e) => e.entityId)).toEqual(["unit.create", "user.create", "periode.create"]);
    expect(refusals[0].after).toMatchObject({ permission: "unit:manage", code: "FORBIDDEN" });
  });

  test("an anonymous call is refused", async () => {
    const result = await createUnitAction.run(goodUnit, { user: null, ip: null });
    expect(result).toMatchObject({ ok: false, error: "Sesi Anda telah berakhir. Silakan masuk kembali." });
  });
});

describe("ADMIN is refused what belongs to other roles", () => {
  test("an admin cannot fill a unit's LKE, submit it, review it or approve it", async () => {
    const { saveSelfAnswerAction } = await import("@/server/actions/lke-answers");
    const { submitAssessmentAction, approveAssessmentAction, finalizeAssessmentAction } =
      await import("@/server/actions/lke-chain");
    const admin = await sessionAs(db.prisma, "admin@contoh.go.id");
    const a = await db.prisma.assessment.findFirstOrThrow({
      where: { unit: { shortName: "RSUD" }, periode: { status: "BERJALAN" } },
    });
    const before = await counts();
    for (const result of [
      await saveSelfAnswerAction.run(
        { assessmentId: a.id, questionCode: "PPA1A", value: "Ya", catatan: "Diisi oleh admin", version: 1 },
        admin,
      ),
      await submitAssessmentAction.run({ assessmentId: a.id }, admin),
      await finalizeAssessmentAction.run({ assessmentId: a.id }, admin),
      await approveAssessmentAction.run({ assessmentId: a.id }, admin),
    ]) {
      expect(result).toMatchObject({
        ok: false,
        code: "FORBIDDEN",
        error: "Anda tidak berwenang melakukan tindakan ini.",
      });
    }
    expect(await counts()).toEqual(before);
    expect((await db.prisma.assessment.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("FINALIZED");
  });
});
