/**
 * `npm run cluster [-- --port 3000] [-- --replicas 3]`: the production topology on one machine. Three
 * production servers (scripts/start.ts) on loopback ports port+1…port+n, one PostgreSQL (DATABASE_URL), and
 * Debian's nginx on `port` spreading requests over them round-robin.
 *
 * - The database is migrated and seeded once here, before any replica starts.
 * - Every replica gets the same NEXTAUTH_SECRET (a session signed by one is valid on all) and the same
 *   DATA_DIR, so evidence files are shared (or the same S3 bucket when S3_BUCKET is set).
 * - TRUST_PROXY=1: the client address is the one nginx appends to X-Forwarded-For, so the sign-in rate
 *   limit (counted in the database) sees one address whichever replica a request lands on.
 * - Each replica runs the job worker; the queue hands each job to one of them.
 * - REPLICA_ID makes each replica name itself in an X-Replica response header.
 * Stops everything on SIGINT/SIGTERM, or when any of its processes dies.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { accessSync, chmodSync, constants, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { checkSettings } from "../src/server/config";
import { openDatabase } from "../src/server/db/connect";
import { runDataMigrations } from "../src/server/db/data-migrations";
import { migrate } from "../src/server/db/migrate";
import { pengaduanBodyLimit } from "../src/server/pengaduan/form-body";
import { wantsDemoSeed } from "../src/server/startup";
import { seed } from "../prisma/seed";
import { ensureAuthSecret } from "./auth-secret";
import { ensureBuild } from "./build";
import { nginxConf } from "./cluster/nginx";

const { values: args } = parseArgs({
  options: {
    port: { type: "string", default: "3000" },
    replicas: { type: "string", default: "3" },
  },
});
const port = Number(args.port);
const replicas = Number(args.replicas);
const host = "127.0.0.1";
const publicUrl = `http://${host}:${port}`;

/** nginx from PATH, or where Debian puts it (/usr/sbin is not on an ordinary user's PATH). */
function findNginx(): string {
  for (const dir of [...(process.env.PATH ?? "").split(":"), "/usr/sbin", "/sbin"]) {
    const candidate = path.join(dir, "nginx");
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  throw new Error("nginx tidak ditemukan: pasang paket Debian `nginx` (apt-get install nginx).");
}

async function waitFor(url: string, exited: () => string | null, timeoutMs: number) {
  const t0 = Date.now();
  while (Date.now() - t0 < timeoutMs) {
    const dead = exited();
    if (dead) throw new Error(dead);
    try {
      if ((await fetch(url, { redirect: "manual" })).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} tidak siap dalam ${timeoutMs / 1000} s`);
}

/** Passes a child's output through, each line prefixed with its name. */
function relay(child: ChildProcess, name: string) {
  for (const stream of [child.stdout, child.stderr]) {
    let rest = "";
    stream?.on("data", (chunk: Buffer) => {
      const lines = (rest + chunk.toString()).split("\n");
      rest = lines.pop() ?? "";
      for (const line of lines)
        (stream === child.stderr ? process.stderr : process.stdout).write(`[${name}] ${line}\n`);
    });
  }
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url || !/^postgres(ql)?:\/\//.test(url))
    throw new Error("DATABASE_URL wajib diisi dengan alamat PostgreSQL: semua replika memakai satu basis data.");
  if (!(Number.isInteger(port) && port > 0 && port + replicas < 65536))
    throw new Error(`--port tidak sah: ${args.port}`);
  if (!(Number.isInteger(replicas) && replicas >= 1 && replicas <= 9))
    throw new Error(`--replicas harus 1–9, bukan ${args.replicas}`);
  const nginx = findNginx();
  const env = { ...process.env, NODE_ENV: "production" as const, TRUST_PROXY: process.env.TRUST_PROXY ?? "1" };
  checkSettings(env);
  const secret = ensureAuthSecret();
  await ensureBuild();

  // Migrations, data migrations and the seed once, before any replica starts: they then find nothing to do.
  const db = await openDatabase({ url });
  try {
    const applied = [...(await migrate(db.runner)), ...(await runDataMigrations(db.prisma))];
    if (applied.length) console.log(`Migrasi diterapkan: ${applied.join(", ")}`);
    if (wantsDemoSeed(env, "postgres")) await seed(db.prisma, { log: (s) => console.log(s) });
    else await import("../src/server/catalogue-sync").then((m) => m.syncCatalogues(db.prisma));
  } finally {
    await db.close();
  }

  const dir = mkdtempSync(path.join(os.tmpdir(), "zi-cluster-"));
  // nginx's workers drop root to an unprivileged user, which must reach the temp folders nginx creates here.
  chmodSync(dir, 0o755);
  const children: { name: string; child: ChildProcess }[] = [];
  let stopping = false;

  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    const exits = children
      .filter(({ child }) => child.exitCode === null && child.signalCode === null)
      .map(({ child }) => {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        const force = setTimeout(() => child.kill("SIGKILL"), 15_000);
        return exited.then(() => clearTimeout(force));
      });
    await Promise.all(exits);
    rmSync(dir, { recursive: true, force: true });
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));

  const watch = (name: string, child: ChildProcess) => {
    children.push({ name, child });
    relay(child, name);
    child.once("exit", (code, signal) => {
      if (stopping) return;
      console.error(`${name} berhenti (${signal ?? `kode ${code}`}): klaster dihentikan.`);
      void stop(1);
    });
  };

  const ports = Array.from({ length: replicas }, (_, i) => port + 1 + i);
  ports.forEach((p, i) =>
    watch(
      `r${i + 1}`,
      spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
        env: {
          ...env,
          PORT: String(p),
          HOST: host,
          REPLICA_ID: `r${i + 1}`,
          NEXTAUTH_SECRET: secret,
          NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? publicUrl,
          // Seeded above; a replica seeding too would race the others.
          SEED_DEMO: "0",
          NEXT_TELEMETRY_DISABLED: "1",
        },
        stdio: ["ignore", "pipe", "pipe"],
      }),
    ),
  );

  const conf = path.join(dir, "nginx.conf");
  writeFileSync(
    conf,
    nginxConf({
      dir,
      listen: `${host}:${port}`,
      upstreams: ports.map((p) => `${host}:${p}`),
      maxBodyBytes: pengaduanBodyLimit(),
    }),
  );
  const test = spawnSync(nginx, ["-t", "-q", "-p", dir, "-c", conf, "-e", path.join(dir, "error.log")], {
    encoding: "utf8",
  });
  if (test.status !== 0) {
    console.error(test.stderr);
    await stop(1);
  }
  watch("nginx", spawn(nginx, ["-p", dir, "-c", conf, "-e", path.join(dir, "error.log")], { stdio: "pipe" }));

  const exited = () => {
    const dead = children.find(({ child }) => child.exitCode !== null || child.signalCode !== null);
    return dead ? `${dead.name} berhenti sebelum siap` : null;
  };
  try {
    for (const p of ports) await waitFor(`http://${host}:${p}/masuk`, exited, 180_000);
    await waitFor(`${publicUrl}/masuk`, exited, 30_000);
  } catch (e) {
    console.error((e as Error).message);
    const log = path.join(dir, "error.log");
    try {
      console.error(readFileSync(log, "utf8").slice(-2000));
    } catch {
      // nginx wrote nothing
    }
    await stop(1);
    return;
  }
  console.log(
    `Klaster siap: ${publicUrl} (nginx → ${ports.map((p) => `${host}:${p}`).join(", ")}; konfigurasi ${conf})`,
  );
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
