import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, describe, expect, test } from "vitest";
import { backup, BackupError, readManifest, restore, type Manifest, type Source, type Target } from "@/server/backup";
import { dataDir, openDatabase, type DatabaseHandle } from "@/server/db/connect";
import { LocalStorage } from "@/server/storage/storage";
import { adminUrl } from "./pg-url";
import { useTestDatabase } from "./db";

const db = useTestDatabase();
const temp = mkdtempSync(path.join(os.tmpdir(), "zi-backup-"));
const extraDatabases: string[] = [];

afterAll(async () => {
  rmSync(temp, { recursive: true, force: true });
  const url = process.env.DATABASE_URL;
  if (url && extraDatabases.length) {
    const admin = await openDatabase({ url: adminUrl(url) });
    for (const name of extraDatabases) await admin.runner.exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.close();
  }
});

function source(): Source {
  return db.handle.kind === "postgres"
    ? { kind: "postgres", url: process.env.DATABASE_URL! }
    : { kind: "pglite", pglite: db.handle.pglite! };
}

/** An empty target of the same kind as the test database, and a way to open it afterwards. */
async function emptyTarget(name: string): Promise<{ target: Target; open: () => Promise<DatabaseHandle> }> {
  if (db.handle.kind === "postgres") {
    const base = process.env.DATABASE_URL!;
    const dbName = `zi_restore_${name}_${process.pid}`;
    const admin = await openDatabase({ url: adminUrl(base) });
    await admin.runner.exec(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin.runner.exec(`CREATE DATABASE "${dbName}"`);
    await admin.close();
    extraDatabases.push(dbName);
    const url = adminUrl(base, dbName);
    return { target: { kind: "postgres", url }, open: () => openDatabase({ url }) };
  }
  const dir = path.join(temp, `pgdata-${name}`);
  return {
    target: { kind: "pglite", dir },
    open: async () => {
      const { PGlite } = await import("@electric-sql/pglite");
      const { pglitePrisma, pgliteRunner } = await import("@/server/db/connect");
      const pglite = await PGlite.create(dir);
      const prisma = pglitePrisma(pglite);
      return {
        kind: "pglite",
        prisma,
        pglite,
        runner: pgliteRunner(pglite),
        close: async () => {
          await prisma.$disconnect();
          await pglite.close();
        },
      };
    },
  };
}

const sha = (buf: Buffer) => createHash("sha256").update(buf).digest("hex");

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

describe("backup and restore", () => {
  const backupDir = path.join(temp, "backup");
  let manifest: Manifest;

  test("a backup of the seeded instance holds every table's rows and every evidence file with its sha256", async () => {
    const storage = new LocalStorage(path.join(dataDir(), "evidence"));
    manifest = await backup(source(), storage, backupDir);
    expect(manifest.rowCounts.Assessment).toBe(await db.prisma.assessment.count());
    expect(manifest.rowCounts.AuditLog).toBe(await db.prisma.auditLog.count());
    const evidence = await db.prisma.evidence.findMany({ select: { storageKey: true, sha256: true } });
    expect(evidence.length).toBeGreaterThan(50);
    expect(manifest.files.map((f) => [f.key, f.sha256]).sort()).toEqual(
      evidence.map((e) => [e.storageKey, e.sha256]).sort(),
    );
    for (const f of manifest.files.slice(0, 20)) {
      expect(sha(readFileSync(path.join(backupDir, "evidence", f.key)))).toBe(f.sha256);
    }
    expect((await readManifest(backupDir)).database.sha256).toBe(manifest.database.sha256);
  });

  test("restored elsewhere: same row counts, same stored scores, same file hashes", async () => {
    const { target, open } = await emptyTarget("ok");
    const storage = new LocalStorage(path.join(temp, "evidence-ok"));
    const result = await restore(backupDir, target, storage);
    expect(result.files).toBe(manifest.files.length);

    const restored = await open();
    try {
      const scores = (p: DatabaseHandle["prisma"]) =>
        p.assessmentScore.findMany({ orderBy: [{ assessmentId: "asc" }, { layer: "asc" }] });
      expect(await scores(restored.prisma)).toEqual(await scores(db.prisma));
      expect(await restored.prisma.user.count()).toBe(await db.prisma.user.count());
      expect(await restored.prisma.answer.count()).toBe(await db.prisma.answer.count());
      const rows = await restored.prisma.evidence.findMany({ select: { storageKey: true, sha256: true } });
      for (const row of rows) expect(sha(await readAll(await storage.get(row.storageKey)))).toBe(row.sha256);
    } finally {
      await restored.close();
    }
  });

  test("restore refuses a database or a store that is not empty, and writes nothing", async () => {
    const { target } = await emptyTarget("again");
    const used = new LocalStorage(path.join(temp, "evidence-ok"));
    const error = await restore(backupDir, target, used).catch((e) => e);
    expect(error).toBeInstanceOf(BackupError);
    expect(error.refused).toBe(true);
    expect(error.message).toMatch(/Penyimpanan tujuan tidak kosong/);

    const current =
      db.handle.kind === "postgres" ? { kind: "postgres" as const, url: process.env.DATABASE_URL! } : null;
    if (current) {
      const fresh = new LocalStorage(path.join(temp, "evidence-unused"));
      const refused = await restore(backupDir, current, fresh).catch((e) => e);
      expect(refused.refused).toBe(true);
      expect(refused.message).toMatch(/Basis data tujuan tidak kosong/);
      expect(await fresh.exists(manifest.files[0].key)).toBe(false);
    }
  });

  test("a tampered evidence file in the backup fails the restore", async () => {
    const tampered = path.join(temp, "tampered");
    const storage = new LocalStorage(path.join(dataDir(), "evidence"));
    await backup(source(), storage, tampered);
    const victim = (await readManifest(tampered)).files[3];
    writeFileSync(path.join(tampered, "evidence", victim.key), "bukan isi aslinya");
    const { target } = await emptyTarget("tampered");
    const error = await restore(tampered, target, new LocalStorage(path.join(temp, "evidence-tampered"))).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(BackupError);
    expect(error.refused).toBe(false);
    expect(error.message).toContain(victim.key);
  });

  test("a backup refuses a folder that already holds something", async () => {
    const error = await backup(source(), new LocalStorage(path.join(dataDir(), "evidence")), backupDir).catch((e) => e);
    expect(error).toBeInstanceOf(BackupError);
    expect(error.refused).toBe(true);
  });
});
