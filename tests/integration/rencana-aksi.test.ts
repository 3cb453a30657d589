import { describe, expect, test } from "vitest";
import {
  createRencanaAksiAction,
  setRencanaAksiStatusAction,
  updateRencanaAksiAction,
} from "@/server/actions/rencana-aksi";
import { pinToday, sessionAs, useTestDatabase } from "./db";

const db = useTestDatabase();
const year = new Date().getFullYear();
const FORBIDDEN = { ok: false, code: "FORBIDDEN", error: "Anda tidak berwenang melakukan tindakan ini." };

pinToday();

async function unitId(shortName: string) {
  return (await db.prisma.unit.findFirstOrThrow({ where: { shortName } })).id;
}

async function runningPeriode() {
  return db.prisma.periode.findFirstOrThrow({ where: { year } });
}

async function counts() {
  return {
    items: await db.prisma.rencanaAksi.count(),
    audit: await db.prisma.auditLog.count({ where: { action: { not: "access.denied" } } }),
  };
}

async function goodItem(shortName = "Dishub") {
  return {
    periodeId: (await runningPeriode()).id,
    unitId: await unitId(shortName),
    areaCode: "PENGUNGKIT.E",
    activity: "Pemetaan risiko benturan kepentingan di bidang perizinan angkutan",
    targetDate: `${year}-11-30`,
    personInCharge: "Ketua Pokja Penguatan Pengawasan",
    status: "BELUM",
    notes: "",
  };
}

async function itemOf(shortName: string) {
  return db.prisma.rencanaAksi.findFirstOrThrow({
    where: { unit: { shortName }, periode: { year } },
    orderBy: { targetDate: "asc" },
  });
}

describe("creating a rencana aksi", () => {
  test("an operator adds one for their own unit: row and audit entry", async () => {
    const operator = await sessionAs(db.prisma, "operator.dishub@contoh.go.id");
    const before = await counts();
    const result = await createRencanaAksiAction.run(await goodItem(), operator);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const row = await db.prisma.rencanaAksi.findUniqueOrThrow({ where: { id: result.data.id } });
    expect(row).toMatchObject({
      areaCode: "PENGUNGKIT.E",
      status: "BELUM",
      notes: null,
      unitId: await unitId("Dishub"),
    });
    expect(row.targetDate.toISOString().slice(0, 10)).toBe(`${year}-11-30`);
    expect(await counts()).toEqual({ items: before.items + 1, audit: before.audit + 1 });
    const entry = await db.prisma.auditLog.findFirstOrThrow({ where: { entity: "RencanaAksi", entityId: row.id } });
    expect(entry).toMatchObject({ action: "rencanaAksi.create", actorId: operator.user.id });
    expect(entry.after).toMatchObject({ targetDate: `${year}-11-30`, activity: row.activity });
  });

  test("ADMIN may add one for any unit", async () => {
    const admin = await sessionAs(db.prisma, "admin@contoh.go.id");
    expect((await createRencanaAksiAction.run(await goodItem("RSUD"), admin)).ok).toBe(true);
  });

  test.each<[string, Record<string, unknown>, string]>([
    ["an area outside the catalogue", { areaCode: "PENGUNGKIT.Z" }, "areaCode"],
    ["a hasil component instead of a pengungkit area", { areaCode: "HASIL" }, "areaCode"],
    ["a target date in another year", { targetDate: `${year + 1}-01-15` }, "targetDate"],
    ["a target date that does not exist", { targetDate: `${year}-04-31` }, "targetDate"],
    ["no target date", { targetDate: "" }, "targetDate"],
    ["an activity of four characters", { activity: "SOP." }, "activity"],
    ["no person in charge", { personInCharge: " " }, "personInCharge"],
    ["an unknown status", { status: "BATAL" }, "status"],
  ])("%s → Indonesian message on the field, nothing written", async (_, patch, field) => {
    const operator = await sessionAs(db.prisma, "operator.dishub@contoh.go.id");
    const before = await counts();
    const result = await createRencanaAksiAction.run({ ...(await goodItem()), ...patch }, operator);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors?.[field]).toMatch(/[a-z]/);
    expect(await counts()).toEqual(before);
  });

  test("an operator cannot add one for another unit", async () => {
    const operator = await sessionAs(db.prisma, "operator.dishub@contoh.go.id");
    const before = await counts();
    expect(await createRencanaAksiAction.run(await goodItem("Dinkes"), operator)).toEqual(FORBIDDEN);
    expect(await counts()).toEqual(before);
  });

  test.each(["tpi@contoh.go.id", "pimpinan@contoh.go.id"])("%s only reads: cannot add", async (email) => {
    const session = await sessionAs(db.prisma, email);
    const before = await counts();
    expect(await createRencanaAksiAction.run(await goodItem(), session)).toEqual(FORBIDDEN);
    expect(await counts()).toEqual(before);
  });

  test("a closed year takes no new items", async () => {
    const admin = await sessionAs(db.prisma, "admin@contoh.go.id");
    const closed = await db.prisma.periode.findFirstOrThrow({ where: { year: year - 1 } });
    expect(closed.status).toBe("DITUTUP");
    const before = await counts();
    const result = await createRencanaAksiAction.run(
      { ...(await goodItem()), periodeId: closed.id, targetDate: `${year - 1}-06-30` },
      admin,
    );
    expect(result).toMatchObject({
      ok: false,
      error: `Periode ${year - 1} sudah ditutup; rencana aksinya tidak dapat diubah.`,
    });
    expect(await counts()).toEqual(before);
  });
});

describe("updating a rencana aksi", () => {
  test("the unit's kepala edits an item: audited with before and after", async () => {
    const kepala = await sessionAs(db.prisma, "kepala.bapenda@contoh.go.id");
    const item = await itemOf("Bapenda");
    const result = await updateRencanaAksiAction.run(
      {
        id: item.id,
        areaCode: item.areaCode,
        activity: "Penyusunan SK Tim Kerja ZI dan rencana kerja tahunan",
        targetDate: `${year}-03-15`,
        personInCharge: item.personInCharge,
        status: "SELESAI",
        notes: "SK ditandatangani",
      },
      kepala,
    );
    expect(result).toEqual({ ok: true, data: { id: item.id } });
    const after = await db.prisma.rencanaAksi.findUniqueOrThrow({ where: { id: item.id } });
    expect(after).toMatchObject({ status: "SELESAI", notes: "SK ditandatangani" });
    const entry = await db.prisma.auditLog.findFirstOrThrow({ where: { entity: "RencanaAksi", entityId: item.id } });
    expect(entry.action).toBe("rencanaAksi.update");
    expect(entry.before).toMatchObject({ activity: item.activity, status: item.status });
    expect(entry.after).toMatchObject({ targetDate: `${year}-03-15`, status: "SELESAI" });
  });

  test("the status alone changes from the list, audited", async () => {
    const operator = await sessionAs(db.prisma, "operator.bkpsdm@contoh.go.id");
    const item = await itemOf("BKPSDM");
    const next = item.status === "SELESAI" ? "PROSES" : "SELESAI";
    const before = await counts();
    expect(await setRencanaAksiStatusAction.run({ id: item.id, status: next }, operator)).toEqual({
      ok: true,
      data: { id: item.id, status: next },
    });
    expect((await db.prisma.rencanaAksi.findUniqueOrThrow({ where: { id: item.id } })).status).toBe(next);
    expect(await counts()).toEqual({ items: before.items, audit: before.audit + 1 });
    const entry = await db.prisma.auditLog.findFirstOrThrow({
      where: { entity: "RencanaAksi", entityId: item.id, action: "rencanaAksi.setStatus" },
    });
    expect(entry).toMatchObject({ before: { status: item.status }, after: { status: next } });
  });

  test("an operator cannot edit another unit's item by a forged id", async () => {
    const operator = await sessionAs(db.prisma, "operator.dinkes@contoh.go.id");
    const item = await itemOf("Dishub");
    const before = await counts();
    expect(
      await updateRencanaAksiAction.run(
        {
          id: item.id,
          areaCode: item.areaCode,
          activity: "Diubah oleh unit lain",
          targetDate: `${year}-05-01`,
          personInCharge: "Orang lain",
          status: "SELESAI",
          notes: "",
        },
        operator,
      ),
    ).toEqual(FORBIDDEN);
    expect(await setRencanaAksiStatusAction.run({ id: item.id, status: "SELESAI" }, operator)).toEqual(FORBIDDEN);
    expect(await db.prisma.rencanaAksi.findUniqueOrThrow({ where: { id: item.id } })).toEqual(item);
    expect(await counts()).toEqual(before);
  });

  test("TPI cannot change a status", async () => {
    const tpi = await sessionAs(db.prisma, "tpi@contoh.go.id");
    const item = await itemOf("Dinkes");
    expect(await setRencanaAksiStatusAction.run({ id: item.id, status: "SELESAI" }, tpi)).toEqual(FORBIDDEN);
  });

  test("a bad edit writes nothing", async () => {
    const operator = await sessionAs(db.prisma, "operator.dishub@contoh.go.id");
    const item = await itemOf("Dishub");
    const before = await counts();
    const result = await updateRencanaAksiAction.run(
      {
        id: item.id,
        areaCode: item.areaCode,
        activity: item.activity,
        targetDate: `${year - 1}-12-31`,
        personInCharge: item.personInCharge,
        status: "PROSES",
        notes: "",
      },
      operator,
    );
    expect(result).toMatchObject({ ok: false, fieldErrors: { targetDate: `Pilih tanggal di tahun ${year}` } });
    expect(await db.prisma.rencanaAksi.findUniqueOrThrow({ where: { id: item.id } })).toEqual(item);
    expect(await counts()).toEqual(before);
  });

  test("an unknown id is reported as not found", async () => {
    const admin = await sessionAs(db.prisma, "admin@contoh.go.id");
    expect(await setRencanaAksiStatusAction.run({ id: "tidak-ada", status: "SELESAI" }, admin)).toMatchObject({
      ok: false,
      error: "Rencana aksi tidak ditemukan.",
    });
  });
});
