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
      expect(
        await second.prisma.instansi.findFirst({ where: { name: "Pemerintah Kabupaten Uji Buka Ulang" } }),
      ).not.toBeNull();
      await second.close();
    } finally {
      process.env.DATABASE_URL = saved.url;
      if (saved.url === undefined) delete process.env.DATABASE_URL;
      process.env.DATA_DIR = saved.dataDir;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("one process per embedded database", () => {
  test("a second opener is refused while the first holds the directory; a stale lock is taken over", async () => {
    const { lockDataDir } = await import("@/server/db/connect");
    const { writeFileSync, mkdtempSync: mk } = await import("node:fs");
    const dir = path.join(mk(path.join(os.tmpdir(), "zi-lock-")), "pgdata");
    // A live process other than this one (the parent) holds it.
    writeFileSync(`${dir}.lock`, String(process.ppid));
    expect(() => lockDataDir(dir)).toThrow(/sedang dipakai proses lain \(PID \d+\)/);
    // A pid that no longer runs: the lock is stale.
    writeFileSync(`${dir}.lock`, "999999");
    const unlock = lockDataDir(dir);
    unlock();
    expect(() => lockDataDir(dir)()).not.toThrow();
  });
});
