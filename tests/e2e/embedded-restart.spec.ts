import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "./fixtures";
import { DEMO, DEMO_PASSWORD } from "./helpers";

// `npm start` on the embedded database, stopped with SIGTERM and started again on the same data:
// the database closes cleanly and reopens with what was written before.
test.describe.configure({ timeout: 240_000 });

const port = Number(process.env.E2E_PORT ?? 3100) + 50;

function start(dataDir: string): { child: ChildProcess; ready: Promise<void>; output: () => string } {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  delete env.SEED_DEMO;
  // The same process `npm start` runs: node with tsx as a loader.
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

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once("exit", (code) => resolve(code));
    child.kill("SIGTERM");
  });
}

test("the embedded database is closed on SIGTERM and reopens with its data", async ({ browser }) => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "zi-restart-"));
  try {
    const first = start(dataDir);
    await first.ready;
    expect(first.output()).toContain("PGlite tertanam");
    const ctx = await browser.newContext({ baseURL: `http://127.0.0.1:${port}` });
    const page = await ctx.newPage();
    await page.goto("/masuk");
    await page.getByLabel("NIP atau email").fill(DEMO.admin);
    await page.getByLabel("Kata sandi").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Masuk" }).click();
    await expect(page.getByTestId("header-user")).toBeVisible();
    // A write before the stop.
    await page.goto("/admin/unit/baru");
    await page.getByLabel("Nama unit").fill("Dinas Uji Mulai Ulang");
    await page.getByLabel("Singkatan").fill("DUMU");
    await page.getByRole("button", { name: "Simpan" }).click();
    await expect(page).toHaveURL(/\/admin\/unit$/);
    await ctx.close();
    expect(await stop(first.child)).toBe(0);
    expect(first.output()).toContain("menutup server dan basis data");

    const second = start(dataDir);
    await second.ready;
    // Reopened, not recreated: no migration and no demo data is applied a second time.
    expect(second.output()).not.toContain("Migrasi diterapkan");
    expect(second.output()).toContain("Data demo sudah ada");
    const ctx2 = await browser.newContext({ baseURL: `http://127.0.0.1:${port}` });
    const page2 = await ctx2.newPage();
    await page2.goto("/masuk");
    await page2.getByLabel("NIP atau email").fill(DEMO.admin);
    await page2.getByLabel("Kata sandi").fill(DEMO_PASSWORD);
    await page2.getByRole("button", { name: "Masuk" }).click();
    await expect(page2.getByTestId("header-user")).toBeVisible();
    await page2.goto("/admin/unit");
    await expect(page2.locator("tbody tr", { hasText: "Dinas Uji Mulai Ulang" })).toContainText("DUMU");
    await ctx2.close();
    expect(await stop(second.child)).toBe(0);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
