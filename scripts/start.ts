/**
 * `npm start`: builds the app if the sources changed since the last build, opens the database
 * (DATABASE_URL → PostgreSQL, otherwise the embedded PGlite under DATA_DIR), applies migrations,
 * seeds the catalogues (and the demo data on the embedded database), then serves on PORT.
 * `--dev` runs Next's development server instead of a build.
 * Run as `node --import tsx scripts/start.ts` (what `npm start` does): one process, so SIGINT/SIGTERM
 * reach the handlers below and the database is closed before exit.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import next from "next";
import { dataDir, openDatabase } from "../src/server/db/connect";
import { runDataMigrations } from "../src/server/db/data-migrations";
import { migrate } from "../src/server/db/migrate";
import { seed } from "../prisma/seed";
import { ensureBuild } from "./build";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "0.0.0.0";
const trustProxy = process.env.TRUST_PROXY === "1";

/** A session-signing secret that survives restarts: NEXTAUTH_SECRET, or one generated once under DATA_DIR. */
function ensureAuthEnv() {
  if (!process.env.NEXTAUTH_SECRET) {
    const file = path.join(dataDir(), "auth-secret");
    if (!existsSync(file)) {
      mkdirSync(dataDir(), { recursive: true });
      writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
    }
    process.env.NEXTAUTH_SECRET = readFileSync(file, "utf8").trim();
  }
  // Without a fixed public URL, take the origin from the request's Host header.
  if (!process.env.NEXTAUTH_URL) process.env.AUTH_TRUST_HOST ??= "1";
}

async function main() {
  ensureAuthEnv();
  if (!dev) await ensureBuild();

  const t0 = Date.now();
  const db = await openDatabase();
  const applied = [...(await migrate(db.runner)), ...(await runDataMigrations(db.prisma))];
  if (applied.length) console.log(`Migrasi diterapkan: ${applied.join(", ")}`);
  const demo = (process.env.SEED_DEMO ?? (db.kind === "pglite" ? "1" : "0")) === "1";
  if (demo) await seed(db.prisma, { log: (s) => console.log(s) });
  else await import("../src/server/catalogue-sync").then((m) => m.syncCatalogues(db.prisma));
  console.log(`Basis data siap (${db.kind === "pglite" ? "PGlite tertanam" : "PostgreSQL"}) dalam ${Date.now() - t0} ms`);
  // The app's own Prisma client (src/server/db/client.ts) opens over this same PGlite instance.
  if (db.pglite) globalThis.__ziPglite = db.pglite;

  const app = next({ dev, dir: process.cwd(), hostname: "localhost", port, customServer: true });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createServer((req, res) => {
    // The client address for the sign-in rate limit and the audit log; never trust a client-sent copy.
    const forwarded = trustProxy ? String(req.headers["x-forwarded-for"] ?? "").split(",")[0].trim() : "";
    req.headers["x-zi-client-ip"] = forwarded || req.socket.remoteAddress || "unknown";
    handle(req, res).catch((err) => {
      console.error(err);
      res.statusCode = 500;
      res.end("Terjadi kesalahan pada server.");
    });
  });
  if (dev) server.on("upgrade", app.getUpgradeHandler());

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`${signal}: menutup server dan basis data…`);
    server.close();
    server.closeAllConnections();
    await app.close().catch(() => {});
    await db.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));

  server.listen(port, hostname, () => {
    console.log(`Zona Integritas berjalan di http://localhost:${port}`);
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
