/**
 * `npm test`: lint (ESLint), unit tests (Vitest), integration tests (Vitest, on PostgreSQL when DATABASE_URL is
 * set, otherwise PGlite), end-to-end tests (Playwright in Chromium against the built app) and, on PostgreSQL,
 * the cluster test (three replicas behind nginx).
 * Every suite runs even if an earlier one fails; the exit code is non-zero if any failed.
 * Each runner also writes a JSON report, from which the closing "N passed, N failed" line is counted.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureBuild } from "./build";

const bin = (name: string) => `node_modules/.bin/${name}`;
const reports = mkdtempSync(path.join(os.tmpdir(), "zi-test-"));

type Counts = { passed: number; failed: number; skipped: number };
const total: Counts = { passed: 0, failed: 0, skipped: 0 };

function run(label: string, cmd: string, args: string[], env: Record<string, string> = {}): boolean {
  console.log(`\n━━━ ${label} ━━━`);
  const t0 = Date.now();
  const result = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } });
  console.log(`━━━ ${label}: ${result.status === 0 ? "lulus" : "GAGAL"} (${Math.round((Date.now() - t0) / 1000)} s)`);
  return result.status === 0;
}

/** Adds a Vitest JSON report's counts; a missing report (the runner crashed) counts as one failure. */
function countVitest(file: string) {
  if (!existsSync(file)) return void (total.failed += 1);
  const r = JSON.parse(readFileSync(file, "utf8"));
  total.passed += r.numPassedTests ?? 0;
  total.failed += (r.numFailedTests ?? 0) + (r.success === false && !r.numFailedTests ? 1 : 0);
  total.skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
}

/** Adds a Playwright JSON report's counts (expected = passed, unexpected/flaky = failed). */
function countPlaywright(file: string) {
  if (!existsSync(file)) return void (total.failed += 1);
  const s = JSON.parse(readFileSync(file, "utf8")).stats ?? {};
  total.passed += s.expected ?? 0;
  total.failed += (s.unexpected ?? 0) + (s.flaky ?? 0);
  total.skipped += s.skipped ?? 0;
}

function vitest(project: string): boolean {
  const out = path.join(reports, `${project}.json`);
  const ok = run(
    project === "unit"
      ? "Unit (Vitest)"
      : project === "cluster"
        ? "Klaster (Vitest, nginx + 3 replika, PostgreSQL)"
        : `Integrasi (Vitest, ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`,
    bin("vitest"),
    ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile=${out}`],
  );
  countVitest(out);
  return ok;
}

/** ESLint and Prettier count as one check: passed when both are clean (no errors, no warnings, formatted). */
function lint(): boolean {
  const eslint = run("Lint (ESLint)", bin("eslint"), [".", "--max-warnings", "0"]);
  const ok = run("Format (Prettier --check)", bin("prettier"), ["--check", "--log-level", "warn", "."]) && eslint;
  if (ok) total.passed += 1;
  else total.failed += 1;
  return ok;
}

const only = process.argv[2];
const results: [string, boolean][] = [];
if (!only || only === "lint") results.push(["Lint", lint()]);
if (!only || only === "unit") results.push(["Unit", vitest("unit")]);
if (!only || only === "integration") results.push(["Integrasi", vitest("integration")]);
if (!only || only === "e2e") {
  let built = true;
  try {
    await ensureBuild();
  } catch (e) {
    console.error(e);
    built = false;
  }
  const out = path.join(reports, "e2e.json");
  const ok =
    built &&
    run("End-to-end (Playwright, Chromium)", bin("playwright"), ["test", "--reporter=list,json"], {
      PLAYWRIGHT_JSON_OUTPUT_NAME: out,
    });
  if (built) countPlaywright(out);
  else total.failed += 1;
  results.push(["End-to-end", ok]);
}
// Three replicas behind nginx (about a minute, on the build the end-to-end tests made): PostgreSQL only.
if (!only || only === "cluster") {
  if (process.env.DATABASE_URL) results.push(["Klaster", vitest("cluster")]);
  else console.log("\n━━━ Klaster (nginx + 3 replika): butuh DATABASE_URL (PostgreSQL), tidak dijalankan ━━━");
}

console.log("\nRingkasan:");
for (const [name, ok] of results) console.log(`  ${ok ? "✓" : "✗"} ${name}`);
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ""}`);
process.exit(results.every(([, ok]) => ok) ? 0 : 1);
