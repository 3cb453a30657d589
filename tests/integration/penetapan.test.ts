import { describe, expect, test } from "vitest";
import { WBBM_NEEDS_WBK } from "@/domain/penetapan";
import { recordPenetapanAction } from "@/server/actions/penetapan";
import { pinToday, sessionAs, useTestDatabase } from "./db";

const db = useTestDatabase();
const year = new Date().getFullYear();
const lastYear = year - 1;
pinToday();

async function unitId(shortName: string) {
  return (await db.prisma.unit.findFirstOrThrow({ where: { shortName } })).id;
}

async function counts() {
  return {
    penetapan: await db.prisma.penetapan.count(),
    audit: await db.prisma.auditLog.count({ where: { action: { not: "access.denied" } } }),
  };
}

async function storedScore(shortName: string, y: number) {
  return db.prisma.assessmentScore.findFirstOrThrow({
    where: { layer: "SELF", assessment: { unit: { shortName }, periode: { year: y } } },
  });
}

describe("recording penetapan", () => {
  test("a new result is created with one audit entry", async () => {
    const admin = await sessionAs(db.prisma, "admin@contoh.go.id");
    const before = await counts();
    const input = {
      unitId: await unitId("Dindikbud"),
      year: String(lastYear),
      result: "WBK",
      decreeNumber: "B/501/M.SM.02.01/" + lastYear,
      decreeDate: `${lastYear}-12-10`,
      notes: "",
    };
    const result = await recordPenetapanAction.run(input, admin);
    expect(result.ok).toBe(true);
    const row = await db.prisma.penetapan.findUniqueOrThrow({
      where: { unitId_year: { unitId: input.unitId, year: lastYear } },
    });
    expect(row).toMatchObject({ result: "WBK", decreeNumber: input.decreeNumber, notes: null });
    expect(row.decreeDate?.toISOString().slice(0, 10)).toBe(`${lastYear}-12-10`);
    expect(await counts()).toEqual({ penetapan: before.penetapan + 1, audit: before.audit + 1 });
    const entry = await db.prisma.auditLog.findFirstOrThrow({ where: { entity: "Penetapan", entityId: row.id } });
    expect(entry).toMatchObject({ action: "penetapan.create", actorId: admin.user.id, before: null });
    expect(entry.after).toMatchObject({ year: lastYear, result: "WBK", decreeDate: `${lastYear}-12-10` });
  });

  test("recording again for the same unit and year updates the row and audits before and after", async () => {
    const admin = await sessionAs(db.prisma, "admin@contoh.go.id");
    const id = await unitId("Kec. Cibeureum");
    const before = await counts();
    const result = await recordPenetapanAction.run(
      {
        unitId: id,
        year: lastYear,
        result: "TIDAK",
        decreeNumber: "",
        decreeDate: "",
        notes: "Nilai IPKP di bawah batas minimal.",
      },
      admin,
    );
    expect(result.ok).toBe(true);
    expect(await counts()).toEqual({ penetapan: before.penetapan, audit: before.audit + 1 });
    const row = await db.prisma.penetapan.findUniqueOrThrow({ where: { unitId_year: { unitId: id, year: lastYear } } });
    expect(row.notes).toBe("Nilai IPKP di bawah batas minimal.");
    const entry = await db.prisma.auditLog.findFirstOrThrow({ where: { entity: "Penetapan", entityId: row.id } });
    expect(entry.action).toBe("penetapan.update");
    expect(entry.before).toMatchObject({ result: "TIDAK", notes: null });
    expect(entry.after).toMatchObject({ result: "TIDAK", notes: "Nilai IPKP di bawah batas minimal." });
  });

  test.each<[string, Record<string, unknown>, string, RegExp | string]>([
    [
      "WBK without decree number",
      { result: "WBK", decreeNumber: "" },
      "decreeNumber",
      "Nomor SK wajib diisi untuk predikat WBK/WBBM",
    ],
    [
      "WBK without decree date",
      { result: "WBK", decreeDate: "" },
      "decreeDate",
      "Tanggal SK wajib diisi untuk predikat WBK/WBBM",
    ],
    [
      "decree dated before the year",
      { decreeDate: `${lastYear - 1}-12-10` },
      "decreeDate",
      /tidak boleh sebelum tahun penetapan/,
    ],
    [
      "decree dated after today",
      { year: year, decreeDate: `${year}-12-10` },
      "decreeDate",
      "Tanggal SK tidak boleh setelah hari ini",
    ],
    [
      "a year after the current one",
      { year: year + 1, result: "TIDAK", decreeNumber: "", decreeDate: "" },
      "year",
      `Paling lambat ${year}`,
    ],
    ["an unknown result", { result: "ISTIMEWA" }, "result", "Pilih hasil penetapan"],
    ["a year that is not a number", { year: "tahun lalu" }, "year", "Tahun harus angka"],
  ])("%s → refused with a field message, nothing written", async (_, patch, field, message) => {
    const admin = await sessionAs(db.prisma, "admin@contoh.go.id");
    const before = await counts();
    const result = await recordPenetapanAction.run(
      {
        unitId: await unitId("BKPSDM"),
        year: lastYear,
        result: "WBK",
        decreeNumber: "B/1/2025",
        decreeDate: `${lastYear}-12-10`,
        notes: "",
        ...patch,
      },
      admin,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors?.[field]).toMatch(message);
    expect(await counts()).toEqual(before);
  });

  test("WBBM for a unit without an earlier WBK is refused and writes nothing", async () => {
    const admin = await sessionAs(db.prisma, "admin@contoh.go.id");
    const before = await counts();
    const result = await recordPenetapanAction.run(
      {
        unitId: await unitId("PKM Mekarsari"),
        year,
        result: "WBBM",
        decreeNumber: "B/9/2026",
        decreeDate: `${year}-10-01`,
        notes: "",
      },
      admin,
    );
    expect(result).toMatchObject({
      ok: false,
      error: WBBM_NEEDS_WBK,
      fieldErrors: { result: "Unit belum memperoleh WBK pada tahun sebelumnya" },
    });
    expect(await counts()).toEqual(before);
  });

  test("WBBM for a unit that holds WBK from last year is accepted", async () => {
    const admin = await sessionAs(db.prisma, "admin@contoh.go.id");
    const result = await recordPenetapanAction.run(
      {
        unitId: await unitId("RSUD"),
        year,
        result: "WBBM",
        decreeNumber: `B/77/M.SM.02.01/${year}`,
        decreeDate: `${year}-10-01`,
        notes: "",
      },
      admin,
    );
    expect(result.ok).toBe(true);
  });

  test("the WBK a later WBBM rests on cannot be changed to not awarded", async () => {
    const admin = await sessionAs(db.prisma, "admin@contoh.go.id");
    const before = await counts();
    const result = await recordPenetapanAction.run(
      {
        unitId: await unitId("Disdukcapil"),
        year: lastYear - 1,
        result: "TIDAK",
        decreeNumber: "",
        decreeDate: "",
        notes: "",
      },
      admin,
    );
    expect(result).toMatchObject({
      ok: false,
      error: `Predikat WBBM tahun ${lastYear} bergantung pada predikat yang tercatat tahun ${lastYear - 1}. Ubah dahulu penetapan tahun ${lastYear}.`,
    });
    expect(await counts()).toEqual(before);
  });

  test("recording WBK for last year rescores this year's assessment: WBBM no longer lacks a previous predicate", async () => {
    const admin = await sessionAs(db.prisma, "admin@contoh.go.id");
    const before = await storedScore("Dinkes", year);
    expect(before.wbbmUnmet).toContain("previousPredicate");
    const result = await recordPenetapanAction.run(
      {
        unitId: await unitId("Dinkes"),
        year: lastYear,
        result: "WBK",
        decreeNumber: `B/430/M.SM.02.01/${lastYear}`,
        decreeDate: `${lastYear}-12-10`,
        notes: "Koreksi hasil penetapan",
      },
      admin,
    );
    expect(result).toMatchObject({ ok: true, data: { rescored: 1 } });
    const after = await storedScore("Dinkes", year);
    expect(after.wbbmUnmet).not.toContain("previousPredicate");
    expect(after.computedAt.getTime()).toBeGreaterThan(before.computedAt.getTime());
    // Last year's own assessment is not affected: its WBBM still needs a WBK from before last year.
    expect((await storedScore("Dinkes", lastYear)).wbbmUnmet).toContain("previousPredicate");
  });
});

describe("only ADMIN records penetapan", () => {
  test.each([
    "kepala.dinkes@contoh.go.id",
    "operator.dinkes@contoh.go.id",
    "tpi@contoh.go.id",
    "pimpinan@contoh.go.id",
  ])("%s is refused", async (email) => {
    const session = await sessionAs(db.prisma, email);
    const before = await counts();
    const result = await recordPenetapanAction.run(
      {
        unitId: await unitId("Dinkes"),
        year: lastYear,
        result: "WBK",
        decreeNumber: "B/1",
        decreeDate: `${lastYear}-12-10`,
        notes: "",
      },
      session,
    );
    expect(result).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
      error: "Anda tidak berwenang melakukan tindakan ini.",
    });
    expect(await counts()).toEqual(before);
  });

  test("a unit of another instansi cannot be reached by a forged id", async () => {
    const admin = await sessionAs(db.prisma, "admin@contoh.go.id");
    const other = await db.prisma.instansi.create({
      data: { name: "Pemerintah Kota Lain", units: { create: { name: "Dinas Lain", shortName: "DL", type: "DINAS" } } },
      include: { units: true },
    });
    const before = await counts();
    const result = await recordPenetapanAction.run(
      { unitId: other.units[0].id, year: lastYear, result: "TIDAK", decreeNumber: "", decreeDate: "", notes: "" },
      admin,
    );
    expect(result).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
      error: "Anda tidak berwenang melakukan tindakan ini.",
    });
    expect(await counts()).toEqual(before);
  });
});
