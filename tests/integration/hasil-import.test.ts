import ExcelJS from "exceljs";
import { describe, expect, test } from "vitest";
import { importHasilAction } from "@/server/actions/hasil-import";
import type { HasilPreviewRow } from "@/server/lke-xlsx/hasil-import";
import { previewHasilRoute } from "@/server/lke-xlsx/http";
import { pinToday, sessionAs, useTestDatabase } from "./db";

const db = useTestDatabase();
const year = new Date().getFullYear();
pinToday();

async function sheet(rows: (string | number | null)[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Hasil Survei 2026");
  ws.addRow(["Rekap hasil survei dan capaian kinerja"]);
  ws.addRow(["No", "Nama Unit / Kode", "IPAK", "IPKP", "Capaian Kinerja"]);
  rows.forEach((r, i) => ws.addRow([i + 1, ...r]));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const post = (periodeId: string, layer: string, body: Uint8Array) =>
  [
    new Request(`http://localhost/api/ikhtisar/impor-hasil?periode=${periodeId}&lapisan=${layer}`, {
      method: "POST",
      headers: { origin: "http://localhost", "x-file-name": "hasil-survei.xlsx" },
      body: Buffer.from(body),
    }),
    new URLSearchParams(`periode=${periodeId}&lapisan=${layer}`),
  ] as const;

describe("bulk hasil import", () => {
  test("preview gives per-row errors and writes nothing; apply writes each unit's hasil with its provenance", async () => {
    const periode = await db.prisma.periode.findFirstOrThrow({ where: { year } });
    const admin = await sessionAs(db.prisma, "admin@contoh.go.id");
    const bytes = await sheet([
      ["Dinkes", "3,65", 3.4, "B"],
      ["Dinas Perhubungan", 3.71, null, "a"],
      ["Unit Fiktif", 3.5, 3.5, "A"],
      ["dinkes", 3.1, 3.2, "C"],
      ["Bapenda", "tinggi", 3.2, "F"],
    ]);
    const before = await db.prisma.auditLog.count();
    const res = await previewHasilRoute(...post(periode.id, "SELF", bytes), admin);
    expect(res.status).toBe(200);
    const { rows } = (await res.json()) as { rows: HasilPreviewRow[] };
    expect(await db.prisma.auditLog.count()).toBe(before);
    expect(rows.map((r) => r.problems.length > 0)).toEqual([false, false, true, true, true]);
    expect(rows[2].problems.join()).toContain("tidak dikenal");
    expect(rows[3].problems.join()).toContain("sudah ada di baris");
    expect(rows[4].problems.join()).toMatch(/bukan angka/);
    expect(rows[0].incoming).toEqual({ ipak: 3.65, ipkp: 3.4, capaianKinerja: "B" });

    const good = rows.filter((r) => r.problems.length === 0);
    const result = await importHasilAction.run(
      {
        layer: "SELF",
        fileName: "hasil-survei.xlsx",
        rows: good.map((r) => ({
          assessmentId: r.assessmentId!,
          ...r.incoming,
          fromFile: r.fromFile,
          version: r.current!.version,
        })),
      },
      admin,
    );
    expect(result).toMatchObject({ ok: true, data: { applied: 2 } });
    const dinkes = await db.prisma.hasilInput.findFirstOrThrow({
      where: { layer: "SELF", assessment: { unit: { shortName: "Dinkes" }, periodeId: periode.id } },
    });
    expect(dinkes).toMatchObject({ ipak: 3.65, ipkp: 3.4, capaianKinerja: "B" });
    expect(JSON.stringify(dinkes.ipakSource)).toContain(`impor hasil-survei.xlsx, ${admin.user.name}`);
    expect(await db.prisma.auditLog.count({ where: { action: "hasil.import" } })).toBe(2);

    // The same preview again: versions moved on, nothing is written.
    const after = await db.prisma.auditLog.count();
    const stale = await importHasilAction.run(
      {
        layer: "SELF",
        fileName: "hasil-survei.xlsx",
        rows: good.map((r) => ({
          assessmentId: r.assessmentId!,
          ...r.incoming,
          fromFile: r.fromFile,
          version: r.current!.version,
        })),
      },
      admin,
    );
    expect(stale.ok).toBe(false);
    expect(await db.prisma.auditLog.count()).toBe(after);
  });

  test("the TPI layer is the TPI's: ADMIN's rows are refused by the policy; an operator may not import at all", async () => {
    const periode = await db.prisma.periode.findFirstOrThrow({ where: { year } });
    const admin = await sessionAs(db.prisma, "admin@contoh.go.id");
    const bytes = await sheet([["Dinkes", 3.5, 3.5, "A"]]);
    const { rows } = (await (await previewHasilRoute(...post(periode.id, "TPI", bytes), admin)).json()) as {
      rows: HasilPreviewRow[];
    };
    expect(rows[0].problems.length).toBeGreaterThan(0);
    const op = await sessionAs(db.prisma, "operator.dinkes@contoh.go.id");
    expect((await previewHasilRoute(...post(periode.id, "SELF", bytes), op)).status).toBe(403);
    const notXlsx = await previewHasilRoute(...post(periode.id, "SELF", new TextEncoder().encode("MZ program")), admin);
    expect(notXlsx.status).toBe(422);
  });
});
