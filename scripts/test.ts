/**
 * `npm test`: unit tests (Vitest), integration tests (Vitest, on PostgreSQL when DATABASE_URL is
 * set, otherwise PGlite) and end-to-end tests (Playwright in Chromium against the built app).
 * Every suite runs even if an earlier one fails; the exit code is non-zero if any failed.
 */
import { spawnSync } from "node:child_process";
import { ensureBuild } from "./build";

const bin = (name: string) => `node_modules/.bin/${name}`;

function run(label: string, cmd: string, args: string[]): boolean {
  console.log(`\n━━━ ${label} ━━━`);
  const t0 = Date.now();
  const result = spawnSync(cmd, args, { stdio: "inherit", env: process.env });
  console.log(`━━━ ${label}: ${result.status === 0 ? "lulus" : "GAGAL"} (${Math.round((Date.now() - t0) / 1000)} s)`);
  return result.status === 0;
}

const only = process.argv[2];
const results: [string, boolean][] = [];
if (!only || only === "unit") results.push(["Unit", run("Unit (Vitest)", bin("vitest"), ["run", "--project", "unit"])]);
if (!only || only === "integration") {
  results.push([`Integrasi`, run(`Integrasi (Vitest, ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, bin("vitest"), ["run", "--project", "integration"])]);
}
if (!only || only === "e2e") {
  let built = true;
  try {
    await ensureBuild();
  } catch (e) {
    console.error(e);
    built = false;
  }
  results.push(["End-to-end", built && run("End-to-end (Playwright, Chromium)", bin("playwright"), ["test"])]);
}

console.log("\nRingkasan:");
for (const [name, ok] of results) console.log(`  ${ok ? "✓" : "✗"} ${name}`);
process.exit(results.every(([, ok]) => ok) ? 0 : 1);
