import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
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

/** Runs `next build` when there is no build yet or the sources changed since it was made. */
export async function ensureBuild(): Promise<void> {
  const fingerprint = sourceFingerprint();
  if (existsSync(path.join(".next", "BUILD_ID")) && existsSync(STAMP) && readFileSync(STAMP, "utf8") === fingerprint)
    return;
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
