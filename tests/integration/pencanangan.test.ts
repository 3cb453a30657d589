import { describe, expect, test } from "vitest";
import { createPencananganAction, updatePencananganAction } from "@/server/actions/pencanangan";
import { pinToday, sessionAs, useTestDatabase } from "./db";

const db = useTestDatabase();
const year = new Date().getFullYear();
pinToday();

async function unitId(shortName: string) {
  return (await db.prisma.unit.findFirstOrThrow({ where: { shortName } })).id;
}

async function counts() {
  return {
    events: await db.prisma.pencanangan.count(),
    links: await db.prisma.pencananganUnit.count(),
    witnesses: await db.prisma.pencananganWitness.count(),
    audit: await db.prisma.auditLog.count({ where: { action: { not: "access.denied" } } }),
  };
}

async function goodEvent() {
  return {
    title: "Pencanangan Zona Integritas Tahap III",
    date: `${year}-09-05`,
    place: "Aula Dinas Kesehatan",
    unitIds: [await unitId("PKM Mekarsari"), await unitId("Dinkes")],
    signatoriesCount: "87",
    witnesses: [
      { institution: "OMBUDSMAN", name: "Kepala Perwakilan Ombudsman RI" },
      { institution: "POLRES", name: "Kapolres Contoh" },
    ],
    notes: "Dihadiri seluruh pegawai puskesmas.",
  };
}

describe("recording a pencanangan", () => {
  test("good input creates the event with its units and witnesses, linked to the year's period, and one audit entry", async () => {
    const admin = await sessionAs(db.prisma, "admin@contoh.go.id");
    const before = await counts();
    const input = await goodEvent();
    const result = await createPencananganAction.run(input, admin);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const event = await db.prisma.pencanangan.findUniqueOrThrow({
      where: { id: result.data.id },
      include: { units: true, witnesses: true, periode: true },
    });
    expect(event).toMatchObject({
      instansiId: admin.user.instansiId,
      place: "Aula Dinas Kesehatan",
      signatoriesCount: 87,
      createdById: admin.user.id,
    });
    expect(event.date.toISOString().slice(0, 10)).toBe(`${year}-09-05`);
    expect(event.periode?.year).toBe(year);
    expect(event.units.map((u) => u.unitId).sort()).toEqual([...input.unitIds].sort());
    expect(event.witnesses.map((w) => [w.institution, w.name])).toEqual([
      ["OMBUDSMAN", "Kepala Perwakilan Ombudsman RI"],
      ["POLRES", "Kapolres Contoh"],
    ]);
    expect(await counts()).toEqual({
      events: before.events + 1,
      links: before.links + 2,
      witnesses: before.witnesses + 2,
      audit: before.audit + 1,
    });
    const entry = await db.prisma.auditLog.findFirstOrThrow({ where: { entity: "Pencanangan", entityId: event.id } });
    expect(entry).toMatchObject({ action: "pencanangan.create", actorId: admin.user.id, before: null });
    expect(entry.after).toMatchObject({
      date: `${year}-09-05`,
      signatoriesCount: 87,
      units: [{ shortName: "Dinkes" }, { shortName: "PKM Mekarsari" }],
    });
  });

  test.each<[string, Record<string, unknown>, string]>([
    ["no date", { date: "" }, "date"],
    ["a date that does not exist", { date: `${year}-02-30` }, "date"],
    ["a date after today", { date: `${year}-12-20` }, "date"],
    ["place too short", { place: "Ab" }, "place"],
    ["no unit", { unitIds: [] }, "unitIds"],
    ["a unit id from nowhere", { unitIds: ["tidak-ada"] }, "unitIds"],
    ["no signatories", { signatoriesCount: "0" }, "signatoriesCount"],
    ["a fraction of a signatory", { signatoriesCount: "12.5" }, "signatoriesCount"],
    ["a witness row without a name", { witnesses: [{ institution: "KPK", name: "  " }] }, "witnesses.0.name"],
    [
      "an unknown witness institution",
      { witnesses: [{ institution: "FBI", name: "Agen" }] },
      "witnesses.0.institution",
    ],
  ])("%s → Indonesian message on the field, nothing written", async (_, patch, field) => {
    const admin = await sessionAs(db.prisma, "admin@contoh.go.id");
    const before = await counts();
    const result = await createPencananganAction.run({ ...(await goodEvent()), ...patch }, admin);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors?.[field]).toMatch(/[a-z]/);
    expect(result.error).not.toMatch(/error|invalid|required/i);
    expect(await counts()).toEqual(before);
  });

  test("a unit of another instansi cannot be declared by a forged id", async () => {
    const admin = await sessionAs(db.prisma, "admin@contoh.go.id");
    const other = await db.prisma.instansi.create({
      data: {
        name: "Pemerintah Kota Lain",
        units: { create: { name: "Dinas Lain", shortName: "DL", type: "DINAS", proposedForZi: true } },
      },
      include: { units: true },
    });
    const before = await counts();
    const result = await createPencananganAction.run(
      { ...(await goodEvent()), unitIds: [await unitId("Dinkes"), other.units[0].id] },
      admin,
    );
    expect(result).toMatchObject({ ok: false, error: "Unit yang dipilih tidak ditemukan." });
    expect(await counts()).toEqual(before);
  });

  test("editing replaces units and witnesses and is audited with before and after", async () => {
    const admin = await sessionAs(db.prisma, "admin@contoh.go.id");
    const event = await db.prisma.pencanangan.findFirstOrThrow({
      where: { date: new Date(`${year}-02-20`) },
      include: { units: { include: { unit: true } } },
    });
    expect(event.units.map((u) => u.unit.shortName).sort()).toEqual(["BKPSDM", "Dindikbud"]);
    const result = await updatePencananganAction.run(
      {
        id: event.id,
        title: event.title,
        date: `${year}-02-21`,
        place: event.place,
        unitIds: [await unitId("Dindikbud"), await unitId("BKPSDM"), await unitId("PKM Mekarsari")],
        signatoriesCount: 240,
        witnesses: [{ institution: "KPK", name: "Direktorat Korsup Wilayah II" }],
        notes: "",
      },
      admin,
    );
    expect(result).toEqual({ ok: true, data: { id: event.id } });
    const after = await db.prisma.pencanangan.findUniqueOrThrow({
      where: { id: event.id },
      include: { units: { include: { unit: true } }, witnesses: true },
    });
    expect(after.units.map((u) => u.unit.shortName).sort()).toEqual(["BKPSDM", "Dindikbud", "PKM Mekarsari"]);
    expect(after.witnesses.map((w) => w.institution)).toEqual(["KPK"]);
    expect(after.signatoriesCount).toBe(240);
    const entry = await db.prisma.auditLog.findFirstOrThrow({
      where: { entity: "Pencanangan", entityId: event.id, action: "pencanangan.update" },
    });
    expect(entry.before).toMatchObject({
      date: `${year}-02-20`,
      signatoriesCount: 236,
      witnesses: [{ institution: "BPKP" }, { institution: "KEJAKSAAN" }, { institution: "BPS" }],
    });
    expect(entry.after).toMatchObject({
      date: `${year}-02-21`,
      signatoriesCount: 240,
      witnesses: [{ institution: "KPK", name: "Direktorat Korsup Wilayah II" }],
    });
  });

  test("editing an event that does not exist is refused", async () => {
    const admin = await sessionAs(db.prisma, "admin@contoh.go.id");
    const before = await counts();
    const result = await updatePencananganAction.run({ id: "tidak-ada", ...(await goodEvent()) }, admin);
    expect(result).toMatchObject({ ok: false, error: "Pencanangan tidak ditemukan." });
    expect(await counts()).toEqual(before);
  });
});

describe("only ADMIN records pencanangan", () => {
  test.each([
    "tpi@contoh.go.id",
    "pimpinan@contoh.go.id",
    "kepala.mekarsari@contoh.go.id",
    "operator.mekarsari@contoh.go.id",
  ])("%s cannot create or edit", async (email) => {
    const session = await sessionAs(db.prisma, email);
    const event = await db.prisma.pencanangan.findFirstOrThrow();
    const before = await counts();
    const input = await goodEvent();
    expect(await createPencananganAction.run(input, session)).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
      error: "Anda tidak berwenang melakukan tindakan ini.",
    });
    expect(await updatePencananganAction.run({ ...input, id: event.id }, session)).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
      error: "Anda tidak berwenang melakukan tindakan ini.",
    });
    expect(await counts()).toEqual(before);
  });
});
