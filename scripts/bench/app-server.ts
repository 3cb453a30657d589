/**
 * The production server as the benchmark and the fault test drive it: started from the build on a
 * given database and port, signed into over HTTP, and its server actions called by their build ids.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export interface AppServer {
  child: ChildProcess;
  base: string;
  /** Everything the server printed so far. */
  output(): string;
  stop(): Promise<void>;
}

/** Starts `scripts/start.ts` (production mode, no job worker) and waits until it serves /masuk. */
export async function startAppServer(opts: {
  port: number;
  databaseUrl: string;
  dataDir: string;
  env?: Record<string, string>;
  timeoutMs?: number;
}): Promise<AppServer> {
  const base = `http://127.0.0.1:${opts.port}`;
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: opts.databaseUrl,
      PORT: String(opts.port),
      HOST: "127.0.0.1",
      NEXTAUTH_URL: base,
      DATA_DIR: opts.dataDir,
      SEED_DEMO: "0",
      JOB_WORKER: "0",
      NEXT_TELEMETRY_DISABLED: "1",
      ...opts.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const log: string[] = [];
  child.stdout!.on("data", (c: Buffer) => log.push(c.toString()));
  child.stderr!.on("data", (c: Buffer) => log.push(c.toString()));
  const server: AppServer = {
    child,
    base,
    output: () => log.join(""),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    },
  };
  const t0 = Date.now();
  const timeoutMs = opts.timeoutMs ?? 120_000;
  while (Date.now() - t0 < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}\n${server.output()}`);
    try {
      if ((await fetch(`${base}/masuk`)).status === 200) return server;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  await server.stop();
  throw new Error(`server did not start in time\n${server.output().slice(-4000)}`);
}

/** Signs in through next-auth's credentials endpoint; the cookie header of the session. */
export async function signIn(base: string, identifier: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair.indexOf("=");
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  keep(csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ csrfToken, identifier, password, json: "true" }),
    redirect: "manual",
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`sign-in failed for ${identifier}`);
  return cookie();
}

/** The action id of a server action, from the build's manifest or, failing that, its client chunks. */
export function actionId(exportName: string): string {
  const manifest = path.join(".next", "server", "server-reference-manifest.json");
  if (existsSync(manifest)) {
    const m = JSON.parse(readFileSync(manifest, "utf8")) as { node: Record<string, { exportedName?: string }> };
    const hit = Object.entries(m.node).find(([, v]) => v.exportedName === exportName);
    if (hit) return hit[0];
  }
  const pattern = new RegExp(`"([0-9a-f]{40,})",[^"]{0,200}"${exportName}"`);
  const walk = (dir: string): string | null => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        const found = walk(p);
        if (found) return found;
      } else if (entry.name.endsWith(".js")) {
        const match = readFileSync(p, "utf8").match(pattern);
        if (match) return match[1];
      }
    }
    return null;
  };
  const found = walk(path.join(".next", "static", "chunks")) ?? walk(path.join(".next", "server"));
  if (!found) throw new Error(`server action ${exportName} not found in the build`);
  return found;
}

/** A server action as the browser posts it: the JSON-encoded arguments to the page's path. */
export function actionRequest(base: string, pagePath: string, id: string, cookie: string, args: unknown[]) {
  return {
    method: "POST" as const,
    path: pagePath,
    headers: {
      cookie,
      "next-action": id,
      "content-type": "text/plain;charset=UTF-8",
      accept: "text/x-component",
      origin: base,
    },
    body: JSON.stringify(args),
  };
}
