/**
 * `npm run setup` on an empty database, run as the real command: a new instansi with its first
 * periode and ADMIN, no demo accounts, a one-time password that signs in and must be changed;
 * refusals are exit 2 with one line on stderr and nothing written.
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { authenticate } from "@/server/auth/authenticate";
import { openDatabase, type DatabaseHandle } from "@/server/db/connect";
import { adminUrl } from "./pg-url";

const baseUrl = process.env.DATABASE_URL;
const dataDir = mkdtempSync(path.join(os.tmpdir(), "zi-setup-"));
const dbName = `zi_setup_${randomBytes(4).toString("hex")}`;
const env: Record<string, string | undefined> = { ...process.env, DATA_DIR: dataDir, SEED_DEMO: undefined };
if (baseUrl) env.DATABASE_URL = adminUrl(baseUrl, dbName);
else delete env.DATABASE_URL;

function setup(...args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/setup.ts", ...args], {
    env: env as NodeJS.ProcessEnv,
    encoding: "utf8",
    timeout: 90_000,
  });
  return { status: r.status, stdout: r.stdout, stderrLines: r.stderr.split("\n").filter(Boolean) };
}

async function withDb<T>(fn: (prisma: PrismaClient) => Promise<T>): Promise<T> {
  if (!baseUrl) process.env.DATA_DIR = dataDir;
  const handle: DatabaseHandle = await openDatabase(baseUrl ? { url: env.DATABASE_URL } : {});
  try {
    return await fn(handle.prisma);
  } finally {
    await handle.close();
  }
}

async function counts() {
  return withDb(async (p) => ({
    instansi: await p.instansi.count(),
    users: await p.user.count(),
    periodes: await p.periode.count(),
    audit: await p.auditLog.count(),
  }));
}

beforeAll(async () => {
  if (!baseUrl) return;
  const admin = await openDatabase({ url: adminUrl(baseUrl) });
  await admin.runner.exec(`CREATE DATABASE "${dbName}"`);
  await admin.close();
});

afterAll(async () => {
  rmSync(dataDir, { recursive: true, force: true });
  if (!baseUrl) return;
  const admin = await openDatabase({ url: adminUrl(baseUrl) });
  await admin.runner.exec(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  await admin.close();
});

describe("npm run setup", () => {
  let password = "";

  test("onboards an instansi on an empty database and prints a one-time password", () => {
    const r = setup(
      "--instansi",
      "Pemerintah Kabupaten Sukamaju",
      "--admin-email",
      "Admin.Organisasi@SukaMaju.go.id",
      "--admin-nip",
      "198506152010012014",
    );
    expect(r.stderrLines).toEqual([]);
    expect(r.status).toBe(0);
    const match = /^one-time password: (\S{16})$/m.exec(r.stdout);
    expect(match).not.toBeNull();
    password = match![1];
  });

  test("the database holds the instansi, its first periode on the current catalogue and one ADMIN — no demo accounts", async () => {
    await withDb(async (p) => {
      const instansi = await p.instansi.findMany();
      expect(instansi.map((i) => i.name)).toEqual(["Pemerintah Kabupaten Sukamaju"]);
      const periodes = await p.periode.findMany({ include: { stages: true } });
      expect(periodes).toHaveLength(1);
      expect(periodes[0]).toMatchObject({
        instansiId: instansi[0].id,
        year: new Date().getFullYear(),
        catalogueId: "lke-2026",
      });
      expect(periodes[0].stages.length).toBeGreaterThan(0);
      const users = await p.user.findMany({ include: { roles: true } });
      expect(users).toHaveLength(1);
      expect(users[0]).toMatchObject({
        email: "admin.organisasi@sukamaju.go.id",
        nip: "198506152010012014",
        mustChangePassword: true,
        active: true,
      });
      expect(users[0].roles.map((r) => [r.role, r.unitId])).toEqual([["ADMIN", null]]);
      expect(await p.user.count({ where: { email: { endsWith: "@contoh.go.id" } } })).toBe(0);
      const audit = await p.auditLog.findMany();
      expect(audit.map((a) => a.action)).toEqual(["instansi.setup"]);
      expect(JSON.stringify(audit[0].after)).not.toContain(password);
      // The one-time password signs in (a normal session; pages then lead to the change-password page).
      const signedIn = await authenticate(p, "admin.organisasi@sukamaju.go.id", password, "127.0.0.1");
      expect(signedIn.ok).toBe(true);
    });
  });

  test.each<[string, string[], RegExp]>([
    [
      "the email exists",
      ["--instansi", "Pemerintah Kota Lain", "--admin-email", "admin.organisasi@sukamaju.go.id"],
      /^Email admin\.organisasi@sukamaju\.go\.id sudah terdaftar/,
    ],
    [
      "the NIP exists",
      ["--instansi", "Pemerintah Kota Lain", "--admin-email", "lain@kota.go.id", "--admin-nip", "198506152010012014"],
      /^NIP 198506152010012014 sudah terdaftar/,
    ],
    ["--instansi is missing", ["--admin-email", "x@kota.go.id"], /^--instansi wajib diisi/],
    ["--admin-email is missing", ["--instansi", "Pemerintah Kota Lain"], /^--admin-email wajib diisi/],
    [
      "the email is not an email",
      ["--instansi", "Pemerintah Kota Lain", "--admin-email", "bukan-email"],
      /^--admin-email: alamat email tidak sah/,
    ],
    [
      "the NIP is not a NIP",
      ["--instansi", "Pemerintah Kota Lain", "--admin-email", "x@kota.go.id", "--admin-nip", "12345"],
      /^--admin-nip: NIP tidak sah/,
    ],
    [
      "a flag is unknown",
      ["--instansi", "Pemerintah Kota Lain", "--admin-email", "x@kota.go.id", "--peran", "ADMIN"],
      /^Argumen tidak dikenal: --peran/,
    ],
    ["a flag has no value", ["--instansi", "--admin-email", "x@kota.go.id"], /^--instansi memerlukan nilai/],
  ])("refuses with exit 2 and one line on stderr when %s; nothing is written", async (_, args, message) => {
    const before = await counts();
    const r = setup(...args);
    expect(r.status).toBe(2);
    expect(r.stderrLines).toHaveLength(1);
    expect(r.stderrLines[0]).toMatch(message);
    expect(r.stdout).not.toMatch(/one-time password/);
    expect(await counts()).toEqual(before);
  });

  test("with --superadmin the account is also SUPERADMIN: the province's roll-up over every instansi", async () => {
    const r = setup("--instansi", "Pemerintah Provinsi Contoh", "--admin-email", "rekap@prov.go.id", "--superadmin");
    expect(r.stderrLines).toEqual([]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^one-time password: \S{16}$/m);
    await withDb(async (p) => {
      const user = await p.user.findUniqueOrThrow({ where: { email: "rekap@prov.go.id" }, include: { roles: true } });
      expect(user.roles.map((x) => x.role).sort()).toEqual(["ADMIN", "SUPERADMIN"]);
    });
    const twice = setup(
      "--instansi",
      "Pemerintah Provinsi Lain",
      "--admin-email",
      "b@prov.go.id",
      "--superadmin",
      "--superadmin",
    );
    expect(twice.status).toBe(2);
    expect(twice.stderrLines).toEqual(["--superadmin diberikan lebih dari sekali."]);
  });
});
