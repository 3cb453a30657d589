import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { openDatabase } from "@/server/db/connect";
import { migrate, readMigrations } from "@/server/db/migrate";

describe("embedded PGlite database", () => {
  test("is created, migrated, closed cleanly and reopened with its data", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "zi-pglite-"));
    const saved = { url: process.env.DATABASE_URL, dataDir: process.env.DATA_DIR };
    delete process.env.DATABASE_URL;
    process.env.DATA_DIR = dir;
    try {
      const first = await openDatabase();
      expect(first.kind).toBe("pglite");
      expect(await migrate(first.runner)).toEqual(readMigrations().map((m) => m.name));
      await first.prisma.instansi.create({ data: { name: "Pemerintah Kabupaten Uji Buka Ulang" } });
      await first.close();
      expect(first.pglite!.closed).toBe(true);

      const second = await openDatabase();
      expect(await migrate(second.runner)).toEqual([]);
      expect(await second.prisma.instansi.findFirst({ where: { name: "Pemerintah Kabupaten Uji Buka Ulang" } })).not.toBeNull();
      await second.close();
    } finally {
      process.env.DATABASE_URL = saved.url;
      if (saved.url === undefined) delete process.env.DATABASE_URL;
      process.env.DATA_DIR = saved.dataDir;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
