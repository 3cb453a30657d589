import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, inject } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { loadUser, type CurrentUser } from "@/server/auth/current-user";
import { openDatabase, type DatabaseHandle } from "@/server/db/connect";
import { adminUrl } from "./pg-url";

/**
 * Gives the test file its own copy of the seeded database (a cloned PostgreSQL database, or a
 * PGlite instance in memory) and points the app's client (getDb) at it.
 */
export function useTestDatabase(): { readonly prisma: PrismaClient; readonly handle: DatabaseHandle } {
  let handle: DatabaseHandle | undefined;
  let cloneName: string | null = null;
  const baseUrl = process.env.DATABASE_URL;

  beforeAll(async () => {
    process.env.DATA_DIR = inject("dataDir");
    const template = inject("templateDb");
    if (template && baseUrl) {
      cloneName = `${template}_${randomBytes(4).toString("hex")}`;
      const admin = await openDatabase({ url: adminUrl(baseUrl) });
      await admin.runner.exec(`CREATE DATABASE "${cloneName}" TEMPLATE "${template}"`);
      await admin.close();
      const url = adminUrl(baseUrl, cloneName);
      process.env.DATABASE_URL = url;
      handle = await openDatabase({ url });
    } else {
      const dump = readFileSync(inject("pgliteDump")!);
      handle = await openDatabase({ memory: true, loadDataDir: new Blob([dump]) });
      globalThis.__ziPglite = handle.pglite;
    }
    globalThis.__ziPrisma = handle.prisma;
  });

  afterAll(async () => {
    await handle?.close();
    globalThis.__ziPrisma = undefined;
    globalThis.__ziPglite = undefined;
    if (cloneName && baseUrl) {
      const admin = await openDatabase({ url: adminUrl(baseUrl) });
      await admin.runner.exec(`DROP DATABASE IF EXISTS "${cloneName}" WITH (FORCE)`);
      await admin.close();
      process.env.DATABASE_URL = baseUrl;
    }
  });

  return {
    get prisma() {
      if (!handle) throw new Error("database not ready");
      return handle.prisma;
    },
    get handle() {
      if (!handle) throw new Error("database not ready");
      return handle;
    },
  };
}

/**
 * Pins "today" (APP_TODAY) for the test file to a day in the running year's Evaluasi stage, so date
 * rules (fill window, overdue, late items) do not depend on the day the tests run.
 */
export function pinToday(monthDay = "10-15"): string {
  const previous = process.env.APP_TODAY;
  const today = `${new Date().getFullYear()}-${monthDay}`;
  beforeAll(() => {
    process.env.APP_TODAY = today;
  });
  afterAll(() => {
    if (previous === undefined) delete process.env.APP_TODAY;
    else process.env.APP_TODAY = previous;
  });
  return today;
}

/** A session for a seeded user, as the action chain would build it from the request. */
export async function sessionAs(prisma: PrismaClient, email: string): Promise<{ user: CurrentUser; ip: string }> {
  const row = await prisma.user.findUniqueOrThrow({ where: { email } });
  const user = await loadUser(row.id);
  if (!user) throw new Error(`user ${email} cannot sign in`);
  return { user, ip: "127.0.0.1" };
}
