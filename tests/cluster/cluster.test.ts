/**
 * `npm run cluster` end to end: three production replicas behind nginx on one PostgreSQL (a fresh
 * `<name>_cluster` database next to DATABASE_URL, with the demo data). Sessions, evidence files, the sign-in
 * rate limit and the job queue must behave as on one server whichever replica a request lands on.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { adminUrl, databaseName } from "../integration/pg-url";

const PASSWORD = "Integritas#2026";
const port = Number(process.env.CLUSTER_TEST_PORT ?? 3160);
const base = `http://127.0.0.1:${port}`;
const today = `${new Date().getFullYear()}-10-15`;

const source = process.env.DATABASE_URL;
if (!source) throw new Error("The cluster test needs DATABASE_URL (PostgreSQL).");
const dbName = `${databaseName(source)}_cluster`;
const url = adminUrl(source, dbName);
const dataDir = mkdtempSync(path.join(os.tmpdir(), "zi-cluster-test-"));
let cluster: ChildProcess;
let output = "";
const pool = new pg.Pool({ connectionString: url, max: 2 });

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: adminUrl(source!) });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A cookie jar for one client talking to nginx. */
class Client {
  jar = new Map<string, string>();
  cookie = () => [...this.jar].map(([k, v]) => `${k}=${v}`).join("; ");
  async fetch(p: string, init: RequestInit = {}) {
    const res = await fetch(`${base}${p}`, {
      redirect: "manual",
      ...init,
      headers: { cookie: this.cookie(), ...(init.headers as Record<string, string>) },
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair.indexOf("=");
      this.jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
    return res;
  }
  /** Posts the credentials form as the sign-in page does; returns the replica that answered. */
  async signIn(identifier: string, password: string, headers: Record<string, string> = {}) {
    const csrf = (await (await this.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    const res = await this.fetch("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
      body: new URLSearchParams({ csrfToken: csrf.csrfToken, identifier, password, json: "true" }),
    });
    await res.arrayBuffer();
    return { replica: res.headers.get("x-replica"), signedIn: [...this.jar.keys()].some((k) => k.includes("session")) };
  }
}

beforeAll(async () => {
  await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  await admin(`CREATE DATABASE "${dbName}"`);
  cluster = spawn(process.execPath, ["--import", "tsx", "scripts/cluster.ts", "--port", String(port)], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      DATA_DIR: dataDir,
      NEXTAUTH_SECRET: "",
      NEXTAUTH_URL: base,
      SEED_DEMO: "1",
      ALLOW_DEMO: "1",
      APP_TODAY: today,
      JOB_POLL_MS: "200",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  cluster.stdout!.on("data", (c: Buffer) => (output += c.toString()));
  cluster.stderr!.on("data", (c: Buffer) => (output += c.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (output.includes("Klaster siap")) {
        clearInterval(timer);
        resolve();
      } else if (cluster.exitCode !== null) {
        clearInterval(timer);
        reject(new Error(`cluster exited ${cluster.exitCode}:\n${output.slice(-4000)}`));
      }
    }, 200);
  });
}, 600_000);

afterAll(async () => {
  if (cluster?.exitCode === null) {
    cluster.kill("SIGTERM");
    await new Promise((r) => cluster.once("exit", r));
  }
  await pool.end();
  await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  rmSync(dataDir, { recursive: true, force: true });
});

async function dinkesAssessment(): Promise<string> {
  const { rows } = await pool.query(
    `SELECT a.id FROM "Assessment" a JOIN "Unit" u ON u.id = a."unitId" JOIN "Periode" p ON p.id = a."periodeId"
     WHERE u."shortName" ILIKE 'dinkes' AND p.status = 'BERJALAN' LIMIT 1`,
  );
  return rows[0].id;
}

describe("three replicas behind nginx", () => {
  test("one session cookie opens pages on every replica", async () => {
    const user = new Client();
    expect((await user.signIn("operator.dinkes@contoh.go.id", PASSWORD)).signedIn).toBe(true);
    const id = await dinkesAssessment();
    const seen = new Map<string, number>();
    for (let i = 0; i < 9; i++) {
      const res = await user.fetch(i % 2 ? `/penilaian/${id}` : "/penilaian");
      expect(res.status, `request ${i}`).toBe(200);
      expect(await res.text()).toContain("Keluar");
      const replica = res.headers.get("x-replica")!;
      seen.set(replica, (seen.get(replica) ?? 0) + 1);
    }
    expect([...seen.keys()].sort()).toEqual(["r1", "r2", "r3"]);
  });

  test("evidence uploaded through one replica downloads through the others", async () => {
    const user = new Client();
    expect((await user.signIn("operator.dinkes@contoh.go.id", PASSWORD)).signedIn).toBe(true);
    const id = await dinkesAssessment();
    const bytes = Buffer.from(`%PDF-1.4\n% cluster ${Date.now()}\n%%EOF\n`);
    const up = await user.fetch(`/api/evidence?assessmentId=${id}&question=PPA1B`, {
      method: "POST",
      headers: { origin: base, "x-file-name": "klaster.pdf", "content-type": "application/pdf" },
      body: bytes,
    });
    const body = (await up.json()) as { ok: boolean; evidence: { id: string } };
    expect(up.status, JSON.stringify(body)).toBe(200);
    const uploadedOn = up.headers.get("x-replica");
    const servedBy = new Set<string>();
    for (let i = 0; i < 6; i++) {
      const res = await user.fetch(`/api/evidence/${body.evidence.id}`);
      expect(res.status).toBe(200);
      expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
      servedBy.add(res.headers.get("x-replica")!);
    }
    expect([...servedBy].filter((r) => r !== uploadedOn).length).toBe(2);
  });

  test("the sign-in limit counts failures on every replica together, by the address nginx saw", async () => {
    const { rows } = await pool.query(`SELECT id FROM "User" WHERE email = 'kepala.dishub@contoh.go.id'`);
    const key = `user:${rows[0].id}`;
    const replicas = new Set<string>();
    // The default limit: 5 failures per account in 15 minutes.
    for (let i = 0; i < 5; i++) {
      const attempt = await new Client().signIn("kepala.dishub@contoh.go.id", "salah-sekali", {
        "x-forwarded-for": `203.0.113.${i}`,
      });
      expect(attempt.signedIn).toBe(false);
      replicas.add(attempt.replica!);
    }
    expect([...replicas].sort()).toEqual(["r1", "r2", "r3"]);
    // The right password is refused now, whichever replica takes it.
    for (let i = 0; i < 3; i++)
      expect((await new Client().signIn("kepala.dishub@contoh.go.id", PASSWORD)).signedIn).toBe(false);
    const attempts = await pool.query(`SELECT ip, success FROM "LoginAttempt" WHERE identifier = $1`, [key]);
    expect(attempts.rows).toHaveLength(5);
    // A forged X-Forwarded-For is ignored: the address is the one nginx appended.
    expect(new Set(attempts.rows.map((r) => `${r.ip}:${r.success}`))).toEqual(new Set(["127.0.0.1:false"]));
    const refused = await pool.query(
      `SELECT count(*)::int AS n FROM "AuditLog" WHERE "entityId" = $1 AND action = 'auth.signInFailed' AND after->>'reason' = 'rate-limited'`,
      [rows[0].id],
    );
    expect(refused.rows[0].n).toBe(3);
  });

  test("each job runs once with three workers polling", async () => {
    const n = 60;
    await pool.query(
      `INSERT INTO "Job" (id, type, payload, "dedupeKey", "runAt")
       SELECT 'cluster-' || i, 'notification.email', jsonb_build_object('notificationKey', 'tidak-ada-' || i), 'cluster-' || i, now() AT TIME ZONE 'UTC'
       FROM generate_series(1, ${n}) i`,
    );
    const t0 = Date.now();
    let done = 0;
    while (Date.now() - t0 < 30_000) {
      done = (await pool.query(`SELECT count(*)::int AS n FROM "Job" WHERE id LIKE 'cluster-%' AND status = 'SENT'`))
        .rows[0].n;
      if (done === n) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(done).toBe(n);
    // A job claimed twice would show two attempts.
    const twice = await pool.query(`SELECT id FROM "Job" WHERE id LIKE 'cluster-%' AND attempts <> 1`);
    expect(twice.rows).toEqual([]);
    // Every replica queues today's reminder run on each poll; it exists once and ran once.
    const reminders = await pool.query(`SELECT status, attempts FROM "Job" WHERE type = 'reminders.daily'`);
    expect(reminders.rows).toEqual([{ status: "SENT", attempts: 1 }]);
  });

  test("SIGTERM stops nginx and every replica", async () => {
    cluster.kill("SIGTERM");
    const code = await new Promise((r) => cluster.once("exit", r));
    expect(code).toBe(0);
    for (const p of [port, port + 1, port + 2, port + 3])
      await expect(fetch(`http://127.0.0.1:${p}/masuk`)).rejects.toThrow();
  });
});
