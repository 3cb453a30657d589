import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "@/generated/prisma/client";
import type { SqlRunner } from "./migrate";

export interface DatabaseHandle {
  kind: "postgres" | "pglite";
  prisma: PrismaClient;
  runner: SqlRunner;
  /** The embedded database, when that is what is open. */
  pglite?: PGlite;
  close(): Promise<void>;
}

export function dataDir(): string {
  return path.resolve(/* turbopackIgnore: true */ process.env.DATA_DIR ?? ".data");
}

export function pgliteRunner(db: PGlite | Parameters<Parameters<PGlite["transaction"]>[0]>[0]): SqlRunner {
  return {
    async query(sql, params) {
      return (await db.query(sql, params as unknown[])).rows as never[];
    },
    async exec(sql) {
      await db.exec(sql);
    },
    async transaction(fn) {
      if (!("transaction" in db)) throw new Error("nested transaction");
      await db.transaction(async (tx) => fn(pgliteRunner(tx)));
    },
  };
}

function poolRunner(pool: pg.Pool): SqlRunner {
  const runner: SqlRunner = {
    async query(sql, params) {
      return (await pool.query(sql, params as unknown[])).rows;
    },
    async exec(sql) {
      await pool.query(sql);
    },
    async transaction(fn) {
      const client = await pool.connect();
      const tx: SqlRunner = {
        query: async (sql, params) => (await client.query(sql, params as unknown[])).rows,
        exec: async (sql) => void (await client.query(sql)),
        transaction: () => Promise.reject(new Error("nested transaction")),
      };
      try {
        await client.query("BEGIN");
        await fn(tx);
        await client.query("COMMIT");
      } catch (e) {
        await client.query("ROLLBACK");
        throw e;
      } finally {
        client.release();
      }
    },
  };
  return runner;
}

export function postgresPrisma(url: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
}

export function pglitePrisma(db: PGlite): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPGlite(db) });
}

/**
 * DATABASE_URL set → that PostgreSQL; otherwise the embedded PGlite under DATA_DIR/pgdata
 * (or in memory with `memory: true`, for tests).
 */
export async function openDatabase(
  opts: { url?: string; memory?: boolean; loadDataDir?: Blob } = {},
): Promise<DatabaseHandle> {
  const url = opts.url ?? process.env.DATABASE_URL;
  if (url && !opts.memory) {
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    const prisma = postgresPrisma(url);
    return {
      kind: "postgres",
      prisma,
      runner: poolRunner(pool),
      async close() {
        await prisma.$disconnect();
        await pool.end();
      },
    };
  }
  let pglite: PGlite;
  let unlock = () => {};
  if (opts.memory) {
    pglite = await PGlite.create({ loadDataDir: opts.loadDataDir });
  } else {
    const dir = path.join(dataDir(), "pgdata");
    mkdirSync(dir, { recursive: true });
    unlock = lockDataDir(dir);
    try {
      pglite = await PGlite.create(dir);
    } catch (e) {
      unlock();
      throw e;
    }
  }
  const prisma = pglitePrisma(pglite);
  return {
    kind: "pglite",
    prisma,
    runner: pgliteRunner(pglite),
    pglite,
    async close() {
      await prisma.$disconnect();
      if (!pglite.closed) await pglite.close();
      unlock();
    },
  };
}

/**
 * PGlite allows one process per data directory; a second one would corrupt it. A pid file next to
 * the data refuses a second opener while the first is alive (a stale file from a crash is taken over).
 */
export function lockDataDir(dir: string): () => void {
  const file = `${dir}.lock`;
  try {
    const pid = Number(readFileSync(file, "utf8"));
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new Error(
        `Basis data tertanam di ${dir} sedang dipakai proses lain (PID ${pid}). Hentikan proses itu dahulu.`,
      );
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
  }
  writeFileSync(file, String(process.pid));
  return () => {
    try {
      if (Number(readFileSync(file, "utf8")) === process.pid) rmSync(file, { force: true });
    } catch {
      // Already gone.
    }
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}
