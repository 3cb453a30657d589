import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import pg from "pg";
import { UNIT_COLUMNS, USER_COLUMNS } from "../../src/server/directory-import/workbook";
import { expect, test } from "./fixtures";
import { DEMO, DEMO_PASSWORD } from "./helpers";

// Going live: `npm run setup` onboards an instansi on an empty database (no demo), its admin signs in
// with the one-time password, must choose a new one, then brings in the OPDs and staff from an .xlsx —
// a file with one bad row shows it in the preview and writes nothing; the corrected file imports.
test.describe.configure({ timeout: 240_000 });

const port = Number(process.env.E2E_PORT ?? 3100) + 60;
const origin = `http://127.0.0.1:${port}`;

/** An empty PostgreSQL database next to DATABASE_URL, or (without one) a new embedded data directory. */
async function emptyDatabase(): Promise<{ env: Record<string, string>; drop: () => Promise<void>; embedded: boolean }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "zi-golive-"));
  const base = process.env.DATABASE_URL;
  if (!base)
    return {
      env: { DATA_DIR: dataDir },
      embedded: true,
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  const url = new URL(base);
  const name = `${decodeURIComponent(url.pathname.slice(1))}_golive`;
  const adminUrl = new URL(base);
  adminUrl.pathname = "/postgres";
  const sql = async (q: string) => {
    const c = new pg.Client({ connectionString: adminUrl.toString() });
    await c.connect();
    await c.query(q);
    await c.end();
  };
  await sql(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await sql(`CREATE DATABASE "${name}"`);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString(), DATA_DIR: dataDir },
    embedded: false,
    drop: async () => {
      await sql(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function baseEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra, PORT: String(port), HOST: "127.0.0.1" };
  if (!extra.DATABASE_URL) delete env.DATABASE_URL;
  delete env.SEED_DEMO;
  return env;
}

function startServer(env: NodeJS.ProcessEnv): { child: ChildProcess; ready: Promise<void>; output: () => string } {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (b: Buffer) => {
      out += b.toString();
      if (out.includes("Zona Integritas berjalan")) resolve();
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => reject(new Error(`server exited (${code}) before it was ready:\n${out}`)));
  });
  return { child, ready, output: () => out };
}

async function directoryFile(dir: string, name: string, badRow: boolean): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const units = wb.addWorksheet("Unit");
  units.addRow(Object.values(UNIT_COLUMNS));
  units.addRow(["Dinas Pendidikan", "Disdik", "Dinas", "", "Drs. Hadi Wibowo", "", "Ya", "Pelayanan strategis"]);
  units.addRow(["Dinas Kesehatan", "Dinkes", "Dinas", "", "", "", "Ya", "Pelayanan strategis, Sumber daya besar"]);
  units.addRow(["Puskesmas Sukamaju", "PKM Sukamaju", badRow ? "Klinik" : "Puskesmas", "Dinkes", "", "", "Tidak", ""]);
  const users = wb.addWorksheet("Pengguna");
  users.addRow(Object.values(USER_COLUMNS));
  users.addRow(["Operator Disdik", "", "operator.disdik@uji.go.id", "Operator OPD", "Disdik", ""]);
  users.addRow(["Penilai Inspektorat", "", "tpi@uji.go.id", "TPI", "", "Disdik, Dinkes"]);
  const file = path.join(dir, name);
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  return file;
}

test("setup on an empty database, first sign-in forces a new password, the admin imports the OPDs from .xlsx", async ({
  page,
}) => {
  const db = await emptyDatabase();
  const files = mkdtempSync(path.join(os.tmpdir(), "zi-golive-files-"));
  let server: ReturnType<typeof startServer> | null = null;
  try {
    const setup = spawnSync(
      process.execPath,
      [
        "--import",
        "tsx",
        "scripts/setup.ts",
        "--instansi",
        "Pemerintah Kabupaten Uji Coba",
        "--admin-email",
        "admin@uji.go.id",
      ],
      {
        env: baseEnv(db.env),
        encoding: "utf8",
      },
    );
    expect(setup.status, setup.stderr).toBe(0);
    const password = /^one-time password: (\S+)$/m.exec(setup.stdout)?.[1];
    expect(password).toBeTruthy();

    server = startServer(baseEnv(db.env));
    await server.ready;

    if (!db.embedded) {
      // A real database gets no demo accounts.
      await page.goto(`${origin}/masuk`);
      await expect(page.getByText("Mode demo")).toHaveCount(0);
      await page.getByLabel("NIP atau email").fill(DEMO.admin);
      await page.getByLabel("Kata sandi").fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Masuk" }).click();
      await expect(page.getByText("NIP/email atau kata sandi salah.")).toBeVisible();
    }

    await page.goto(`${origin}/masuk`);
    await page.getByLabel("NIP atau email").fill("admin@uji.go.id");
    await page.getByLabel("Kata sandi").fill(password!);
    await page.getByRole("button", { name: "Masuk" }).click();
    await page.waitForURL(/\/kata-sandi$/);
    await page.goto(`${origin}/admin/impor`);
    await expect(page).toHaveURL(/\/kata-sandi$/);
    await page.getByLabel("Kata sandi saat ini").fill(password!);
    await page.getByLabel("Kata sandi baru", { exact: true }).fill("Uji-Coba-Bagor-2026!");
    await page.getByLabel("Ulangi kata sandi baru").fill("Uji-Coba-Bagor-2026!");
    await page.getByRole("button", { name: "Simpan kata sandi baru" }).click();
    await page.waitForURL(`${origin}/`);

    // From the unit list to the import page.
    await page.goto(`${origin}/admin/unit`);
    await page.getByRole("link", { name: "Impor dari .xlsx" }).click();
    await page.waitForURL(/\/admin\/impor$/);
    await page.getByLabel("Berkas .xlsx").setInputFiles(await directoryFile(files, "opd-salah.xlsx", true));
    await page.getByRole("button", { name: "Pratinjau" }).click();
    await expect(page.getByText("1 baris bermasalah")).toBeVisible();
    const bad = page.getByTestId("baris-unit-4");
    await expect(bad).toContainText("Bermasalah");
    await expect(bad).toContainText('Jenis "Klinik" tidak dikenal');
    await expect(page.getByTestId("baris-pengguna-2")).toContainText("Siap");
    await expect(page.getByRole("button", { name: /^Impor 3 unit dan 2 pengguna$/ })).toBeDisabled();
    await page.screenshot({ path: test.info().outputPath("impor-pratinjau-salah.png"), fullPage: true });
    // Nothing was written.
    await page.goto(`${origin}/admin/unit`);
    await expect(page.getByText("Disdik")).toHaveCount(0);

    await page.goto(`${origin}/admin/impor`);
    await page.getByLabel("Berkas .xlsx").setInputFiles(await directoryFile(files, "opd.xlsx", false));
    await page.getByRole("button", { name: "Pratinjau" }).click();
    await expect(page.getByText("Semua baris siap diimpor")).toBeVisible();
    await page.getByRole("button", { name: "Impor 3 unit dan 2 pengguna" }).click();
    await expect(page.getByText("Impor selesai: 3 unit dan 2 pengguna dibuat")).toBeVisible();
    const row = page.locator("tbody tr", { hasText: "operator.disdik@uji.go.id" });
    await expect(row.locator("td.font-mono")).toHaveText(/^[A-Za-z2-9]{16}$/);

    await page.goto(`${origin}/admin/unit`);
    await expect(page.locator("tbody tr", { hasText: "Puskesmas Sukamaju" })).toBeVisible();
    await expect(page.locator("tbody tr", { hasText: "Dinas Pendidikan" })).toBeVisible();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${origin}/admin/impor`);
    await page.screenshot({ path: test.info().outputPath("impor-sempit.png"), fullPage: true });
  } finally {
    if (server) {
      const exited = new Promise((r) => server!.child.once("exit", r));
      server.child.kill("SIGTERM");
      await exited;
    }
    await db.drop();
    rmSync(files, { recursive: true, force: true });
  }
});
