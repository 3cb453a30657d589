/**
 * `npm start`: builds the app if the sources changed since the last build, opens the database
 * (DATABASE_URL → PostgreSQL, otherwise the embedded PGlite under DATA_DIR), applies migrations,
 * seeds the catalogues (and the demo data on the embedded database), then serves on PORT.
 * `--dev` runs Next's development server instead of a build.
 * Run as `node --import tsx scripts/start.ts` (what `npm start` does): one process, so SIGINT/SIGTERM
 * reach the handlers below and the database is closed before exit.
 */
import { createServer } from "node:http";
import next from "next";
import { openDatabase } from "../src/server/db/connect";
import { runDataMigrations } from "../src/server/db/data-migrations";
import { migrate } from "../src/server/db/migrate";
import { DEMO_INSTANSI, seed } from "../prisma/seed";
import { listenHost, startProblems, wantsDemoSeed } from "../src/server/startup";
import { checkSettings, trustedProxyHops } from "../src/server/config";
import { clientAddress } from "../src/server/http/client-ip";
import { startWorker } from "../src/server/jobs/worker";
import { ensureAuthSecret } from "./auth-secret";
import { ensureBuild } from "./build";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);

function ensureAuthEnv() {
  ensureAuthSecret();
  // Without a fixed public URL, take the origin from the request's Host header.
  if (!process.env.NEXTAUTH_URL) process.env.AUTH_TRUST_HOST ??= "1";
}

async function main() {
  checkSettings();
  const proxyHops = trustedProxyHops();
  ensureAuthEnv();
  if (!dev) await ensureBuild();

  const t0 = Date.now();
  const db = await openDatabase();
  const applied = [...(await migrate(db.runner)), ...(await runDataMigrations(db.prisma))];
  if (applied.length) console.log(`Migrasi diterapkan: ${applied.join(", ")}`);
  if (wantsDemoSeed(process.env, db.kind === "pglite" ? "pglite" : "postgres"))
    await seed(db.prisma, { log: (s) => console.log(s) });
  else await import("../src/server/catalogue-sync").then((m) => m.syncCatalogues(db.prisma));
  const demoPresent = (await db.prisma.instansi.count({ where: { name: DEMO_INSTANSI } })) > 0;
  const problems = startProblems(process.env, demoPresent);
  if (problems.length) {
    await db.close();
    throw new StartRefused(problems);
  }
  // Read by the root layout: every page then shows the demo banner.
  if (demoPresent) process.env.ZI_DEMO_MODE = "1";
  const hostname = listenHost(process.env, demoPresent);
  console.log(
    `Basis data siap (${db.kind === "pglite" ? "PGlite tertanam" : "PostgreSQL"}) dalam ${Date.now() - t0} ms`,
  );
  // The app's own Prisma client (src/server/db/client.ts) opens over this same PGlite instance.
  if (db.pglite) globalThis.__ziPglite = db.pglite;

  const app = next({ dev, dir: process.cwd(), hostname: "localhost", port, customServer: true });
  await app.prepare();
  const handle = app.getRequestHandler();
  // Set by `npm run cluster`: names the replica that answered, so a test can see requests spread over all of them.
  const replica = process.env.REPLICA_ID?.trim();
  const server = createServer((req, res) => {
    if (replica) res.setHeader("X-Replica", replica);
    // The client address for the sign-in rate limit and the audit log; never trust a client-sent copy.
    req.headers["x-zi-client-ip"] = clientAddress(req.headers["x-forwarded-for"], req.socket.remoteAddress, proxyHops);
    // Whether the browser reached us over https (directly, or through the trusted proxy): the
    // security headers add HSTS only then.
    const forwardedProto =
      proxyHops > 0
        ? String(req.headers["x-forwarded-proto"] ?? "")
            .split(",")
            .pop()
            ?.trim()
        : "";
    req.headers["x-zi-proto"] =
      "encrypted" in req.socket && req.socket.encrypted ? "https" : forwardedProto === "https" ? "https" : "http";
    handle(req, res).catch((err) => {
      console.error(err);
      res.statusCode = 500;
      res.end("Terjadi kesalahan pada server.");
    });
  });
  if (dev) server.on("upgrade", app.getUpgradeHandler());

  // Emails and the daily reminders run from the job queue in this same process (JOB_WORKER=0 turns it off,
  // e.g. on a second web process; the queue gives each job to one worker either way).
  const worker = process.env.JOB_WORKER === "0" ? null : startWorker(db.prisma);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`${signal}: menutup server dan basis data…`);
    server.close();
    server.closeAllConnections();
    await app.close().catch(() => {});
    await worker?.stop();
    await db.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));

  server.listen(port, hostname, () => {
    console.log(`Zona Integritas berjalan di http://localhost:${port} (mendengarkan di ${hostname})`);
    if (demoPresent) console.log("Mode demo — data contoh: akun demo aktif; jangan dipakai untuk data sungguhan.");
  });
}

class StartRefused extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join("\n"));
  }
}

main().catch((err) => {
  if (err instanceof StartRefused) {
    for (const p of err.problems) console.error(`Tidak dapat memulai: ${p}`);
    process.exit(2);
  }
  console.error(err);
  process.exit(1);
});
