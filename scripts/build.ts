import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const INPUTS = [
  "src",
  "prisma/data",
  "public",
  "next.config.ts",
  "postcss.config.mjs",
  "package-lock.json",
  "tsconfig.json",
];
const STAMP = path.join(".next", "source-fingerprint");

/** A fingerprint of everything the build reads: paths, sizes and modification times. */
export function sourceFingerprint(): string {
  const hash = createHash("sha256");
  const walk = (p: string) => {
    if (!existsSync(p)) return;
    const s = statSync(p);
    if (s.isDirectory()) {
      if (p.endsWith(`${path.sep}generated`)) return hash.update(`${p}:generated`);
      for (const name of readdirSync(p).sort()) walk(path.join(p, name));
    } else {
      hash.update(`${p}:${s.size}:${s.mtimeMs}\n`);
    }
  };
  INPUTS.forEach(walk);
  return hash.digest("hex");
}

const LOCK = ".next-build.lock";

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * One build at a time across processes (test files that start the server run in parallel): a lock
 * directory holding the builder's pid; one left by a process that died is taken over.
 */
async function withBuildLock(fn: () => void): Promise<void> {
  for (;;) {
    try {
      mkdirSync(LOCK);
      writeFileSync(path.join(LOCK, "pid"), String(process.pid));
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      let holder = 0;
      try {
        holder = Number(readFileSync(path.join(LOCK, "pid"), "utf8"));
      } catch {
        // Just created, pid not written yet.
      }
      const since = statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs;
      if (since === undefined) continue;
      const fresh = Date.now() - since < 10_000;
      if (holder ? !isAlive(holder) : !fresh) rmSync(LOCK, { recursive: true, force: true });
      else await new Promise((r) => setTimeout(r, 1000));
    }
  }
  try {
    fn();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

const upToDate = (fingerprint: string) =>
  existsSync(path.join(".next", "BUILD_ID")) && existsSync(STAMP) && readFileSync(STAMP, "utf8") === fingerprint;

/** Runs `next build` when there is no build yet or the sources changed since it was made. */
export async function ensureBuild(): Promise<void> {
  const fingerprint = sourceFingerprint();
  if (upToDate(fingerprint)) return;
  await withBuildLock(() => build(fingerprint));
}

function build(fingerprint: string) {
  // Another process may have built the same sources while this one waited for the lock.
  if (upToDate(fingerprint)) return;
  console.log("Membangun aplikasi (next build)…");
  const t0 = Date.now();
  const result = spawnSync(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error("next build gagal");
  writeFileSync(STAMP, fingerprint);
  console.log(`Build selesai dalam ${Math.round((Date.now() - t0) / 1000)} s`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  ensureBuild().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
