import ExcelJS from "exceljs";
import { describe, expect, test } from "vitest";
import { importDirectoryAction, previewDirectoryImportAction } from "@/server/actions/directory-import";
import { verifyPassword } from "@/server/auth/password";
import { UNIT_COLUMNS, USER_COLUMNS } from "@/server/directory-import/workbook";
import { sessionAs, useTestDatabase } from "./db";

const db = useTestDatabase();

type Sheet = string[][];

async function workbook(units: Sheet, users: Sheet, opts: { shuffleHeaders?: boolean } = {}): Promise<File> {
  const wb = new ExcelJS.Workbook();
  const add = (name: string, headers: string[], rows: Sheet) => {
    const ws = wb.addWorksheet(name);
    ws.addRow(["Daftar " + name]); // a title row above the headers, as people add
    ws.addRow(opts.shuffleHeaders ? headers.map((h) => h.toUpperCase()) : headers);
    for (const r of rows) ws.addRow(r);
  };
  add("Unit", Object.values(UNIT_COLUMNS), units);
  add("Pengguna", Object.values(USER_COLUMNS), users);
  const buf = await wb.xlsx.writeBuffer();
  return new File([buf as ArrayBuffer], "opd.xlsx", {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
}

const UNITS: Sheet = [
  ["Dinas Pariwisata", "Dispar", "Dinas", "", "Ir. Bambang Susilo", "", "Ya", "Pelayanan strategis, Sumber daya besar"],
  ["UPT Objek Wisata Sukamaju", "UPT Terminal", "UPT", "Dispar", "", "", "Tidak", ""],
];
const USERS: Sheet = [
  ["Rina Operator", "", "rina.dispar@contoh.go.id", "Operator OPD", "Dispar", ""],
  ["Budi Kepala", "", "budi.dispar@contoh.go.id", "Kepala OPD", "Dispar", ""],
  ["Sari Penilai", "", "sari.tpi@contoh.go.id", "TPI", "", "Dispar, UPT Terminal"],
];

const counts = async () => ({
  units: await db.prisma.unit.count(),
  users: await db.prisma.user.count(),
  assessments: await db.prisma.assessment.count(),
  writes: await db.prisma.auditLog.count({ where: { action: { notIn: ["directory.preview", "access.denied"] } } }),
});

describe("importing units and users from .xlsx", () => {
  test("the preview shows each row's problem and writes nothing; the import of that file is refused whole", async () => {
    const admin = await sessionAs(db.prisma, "admin@contoh.go.id");
    const file = await workbook(
      [...UNITS, ["Dinas Kesehatan Lagi", "Dinkes", "Dinas", "", "", "", "Ya", "Pelayanan strategis"]],
      [
        ...USERS,
        ["Tanpa Email", "", "bukan-email", "Operator OPD", "Dispar", ""],
        ["Rangkap", "", "rangkap@contoh.go.id", "Operator OPD, TPI", "Dispar", "Dispar"],
      ],
    );
    const before = await counts();
    const preview = await previewDirectoryImportAction.run({ file }, admin);
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    expect(preview.data.problems).toBe(3);
    expect(preview.data.units.find((r) => r.row === 5)!.errors).toEqual([
      'Singkatan "Dinkes" sudah dipakai unit yang ada',
    ]);
    expect(preview.data.users.find((r) => r.row === 6)!.errors).toEqual(["Alamat email tidak sah"]);
    expect(preview.data.users.find((r) => r.row === 7)!.errors.join(" ")).toMatch(/TPI/);
    expect(preview.data.units.filter((r) => r.errors.length === 0)).toHaveLength(2);

    const refused = await importDirectoryAction.run({ file }, admin);
    expect(refused).toMatchObject({ ok: false, code: "INVALID" });
    if (!refused.ok) expect(refused.error).toContain("3 baris bermasalah");
    expect(await counts()).toEqual(before);
  });

  test("a clean file creates the units (child after parent), their LKEs and the users with one-time passwords, each audited", async () => {
    const admin = await sessionAs(db.prisma, "admin@contoh.go.id");
    const before = await counts();
    const result = await importDirectoryAction.run(
      { file: await workbook(UNITS, USERS, { shuffleHeaders: true }) },
      admin,
    );
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    expect(result.data.units).toBe(2);
    expect(result.data.users.map((u) => u.email)).toEqual(USERS.map((u) => u[2]));

    const dispar = await db.prisma.unit.findFirstOrThrow({ where: { shortName: "Dispar" } });
    const terminal = await db.prisma.unit.findFirstOrThrow({ where: { shortName: "UPT Terminal" } });
    expect(terminal.parentId).toBe(dispar.id);
    expect(dispar).toMatchObject({
      proposedForZi: true,
      selectionCriteria: ["PELAYANAN_STRATEGIS", "SUMBER_DAYA_BESAR"],
      headName: "Ir. Bambang Susilo",
    });
    // The proposed unit gets its LKE for each open periode, as when created by hand.
    expect(await db.prisma.assessment.count({ where: { unitId: dispar.id } })).toBeGreaterThan(0);
    expect(await db.prisma.assessment.count({ where: { unitId: terminal.id } })).toBe(0);

    const rina = await db.prisma.user.findUniqueOrThrow({
      where: { email: "rina.dispar@contoh.go.id" },
      include: { roles: true },
    });
    expect(rina.mustChangePassword).toBe(true);
    expect(rina.roles.map((r) => [r.role, r.unitId])).toEqual([["OPERATOR_OPD", dispar.id]]);
    expect(await verifyPassword(rina.passwordHash, result.data.users[0].password)).toBe(true);
    const sari = await db.prisma.user.findUniqueOrThrow({
      where: { email: "sari.tpi@contoh.go.id" },
      include: { roles: true },
    });
    expect(sari.roles.map((r) => r.unitId).sort()).toEqual([dispar.id, terminal.id].sort());

    const after = await counts();
    expect(after.units - before.units).toBe(2);
    expect(after.users - before.users).toBe(3);
    const entries = await db.prisma.auditLog.findMany({
      where: { actorId: admin.user.id, action: { in: ["unit.create", "user.create", "directory.import"] } },
      orderBy: { id: "asc" },
    });
    expect(entries.map((e) => e.action)).toEqual([
      "unit.create",
      "unit.create",
      "user.create",
      "user.create",
      "user.create",
      "directory.import",
    ]);
    expect(JSON.stringify(entries.map((e) => e.after))).not.toContain("argon2");

    // The same file again: everything now exists, so every row is a problem and nothing is written.
    const again = await previewDirectoryImportAction.run({ file: await workbook(UNITS, USERS) }, admin);
    expect(again.ok && again.data.problems).toBe(5);
  });

  test.each([
    [
      "a renamed .exe",
      new File([Buffer.from("MZ\x90\x00this program cannot be run in DOS mode")], "opd.xlsx"),
      "UNSUPPORTED",
      "bukan buku kerja Excel",
    ],
    [
      "a broken .xlsx",
      new File([Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)])], "opd.xlsx"),
      "UNSUPPORTED",
      "rusak",
    ],
    ["an oversize file", new File([Buffer.alloc(1536 * 1024 + 1, 0x50)], "opd.xlsx"), "TOO_LARGE", "maksimal 1,5 MB"],
  ])("%s gets one clear error and nothing is written", async (_, file, code, message) => {
    const admin = await sessionAs(db.prisma, "admin@contoh.go.id");
    const before = await counts();
    for (const action of [previewDirectoryImportAction, importDirectoryAction]) {
      const result = await action.run({ file }, admin);
      expect(result).toMatchObject({ ok: false, code });
      if (!result.ok) expect(result.error).toContain(message);
    }
    expect(await counts()).toEqual(before);
  });

  test("a workbook without the sheets is refused with the reason", async () => {
    const admin = await sessionAs(db.prisma, "admin@contoh.go.id");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1").addRow(["apa saja"]);
    const file = new File([(await wb.xlsx.writeBuffer()) as ArrayBuffer], "lain.xlsx");
    const result = await previewDirectoryImportAction.run({ file }, admin);
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining('lembar "Unit" maupun "Pengguna"') });
  });

  test("only ADMIN may import", async () => {
    const tpi = await sessionAs(db.prisma, "tpi@contoh.go.id");
    const result = await importDirectoryAction.run({ file: await workbook(UNITS, USERS) }, tpi);
    expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });
});
