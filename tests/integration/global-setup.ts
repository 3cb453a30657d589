/**
 * Builds one migrated, seeded database for the integration suite. With DATABASE_URL (CI) it is a
 * template database each test file clones; without it, a PGlite data dump each file loads into
 * memory. Evidence files go to a throwaway DATA_DIR.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { seed } from "../../prisma/seed";
import { openDatabase } from "../../src/server/db/connect";
import { migrate } from "../../src/server/db/migrate";
import { runDataMigrations } from "../../src/server/db/data-migrations";
import { adminUrl, databaseName } from "./pg-url";

declare module "vitest" {
  export interface ProvidedContext {
    templateDb: string | null;
    pgliteDump: string | null;
    dataDir: string;
  }
}

export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "zi-it-"));
  process.env.DATA_DIR = dataDir;
  project.provide("dataDir", dataDir);
  const url = process.env.DATABASE_URL;
  if (url) {
    const template = `${databaseName(url)}_tmpl_${process.pid}`;
    const admin = await openDatabase({ url: adminUrl(url) });
    await admin.runner.exec(`DROP DATABASE IF EXISTS "${template}"`);
    await admin.runner.exec(`CREATE DATABASE "${template}"`);
    await admin.close();
    const db = await openDatabase({ url: adminUrl(url, template) });
    await migrate(db.runner);
    await runDataMigrations(db.prisma);
    await seed(db.prisma);
    await db.close();
    project.provide("templateDb", template);
    project.provide("pgliteDump", null);
    return async () => {
      const a = await openDatabase({ url: adminUrl(url) });
      await a.runner.exec(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
      await a.close();
      rmSync(dataDir, { recursive: true, force: true });
    };
  }
  const db = await openDatabase({ memory: true });
  await migrate(db.runner);
  await runDataMigrations(db.prisma);
  await seed(db.prisma);
  const dump = await db.pglite!.dumpDataDir("gzip");
  const file = path.join(dataDir, "seeded.tar.gz");
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await db.close();
  project.provide("templateDb", null);
  project.provide("pgliteDump", file);
  return () => rmSync(dataDir, { recursive: true, force: true });
}
