/**
 * The server the end-to-end suite drives: the real `npm start` path on a fresh database — a new
 * `<name>_e2e` database next to DATABASE_URL when it is set, otherwise a new embedded PGlite — with
 * the demo data, on E2E_PORT.
 */
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

const base = process.env.DATABASE_URL;
if (base) {
  const url = new URL(base);
  const name = `${decodeURIComponent(url.pathname.slice(1)) || "postgres"}_e2e`;
  const admin = new URL(base);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
}
process.env.DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "zi-e2e-"));
process.env.SEED_DEMO = "1";
// A fixed day in the running year's Evaluasi stage, so date rules do not depend on when tests run.
process.env.APP_TODAY ??= `${new Date().getFullYear()}-10-15`;
process.env.PORT = process.env.E2E_PORT ?? "3100";
process.env.HOST = "127.0.0.1";
await import("../../scripts/start");
