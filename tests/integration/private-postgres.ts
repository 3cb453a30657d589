/**
 * A throwaway PostgreSQL server of the test's own (initdb into a temporary directory, its own port and
 * socket directory), so a test can stop and start it without touching the shared server. PostgreSQL
 * refuses to run as root: as root the data directory is handed to the `postgres` OS user and every
 * command runs through `runuser`.
 */
import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export interface PrivatePostgres {
  port: number;
  /** URL of a database on this server. */
  url(database?: string): string;
  /** Stops the server; "immediate" drops every connection at once, as a crash or a hard restart would. */
  stop(mode?: "fast" | "immediate"): Promise<void>;
  start(): Promise<void>;
  /** Stops the server if it runs and removes its directory. */
  destroy(): void;
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The newest installed PostgreSQL's binaries (Debian keeps them under /usr/lib/postgresql/<major>/bin), or PG_BIN. */
function binDir(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = "/usr/lib/postgresql";
  const majors = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(path.join(root, v, "bin", "initdb")))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (!majors.length) throw new Error("PostgreSQL server binaries (initdb) not found: set PG_BIN");
  return path.join(root, majors[0], "bin");
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = binDir();
  const port = await freePort();
  const dir = mkdtempSync(path.join(os.tmpdir(), "zi-pg-"));
  const data = path.join(dir, "data");
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
    chownSync(dir, id("-u"), id("-g"));
  }
  // Asynchronous, so a load running in the same process keeps its schedule while the server stops or starts.
  const run = async (tool: string, args: string[]) => {
    const [cmd, argv] = asRoot
      ? ["runuser", ["-u", "postgres", "--", path.join(bin, tool), ...args]]
      : [path.join(bin, tool), args];
    await promisify(execFile)(cmd, argv, { timeout: 60_000 });
  };
  // Durability is not what the test is about; fsync off keeps it fast on a busy machine.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`;
  let running = false;
  const pg: PrivatePostgres = {
    port,
    url: (database = "postgres") => `postgres://postgres@127.0.0.1:${port}/${database}`,
    async start() {
      await run("pg_ctl", ["-D", data, "-o", options, "-l", path.join(dir, "log"), "-w", "-t", "30", "start"]);
      running = true;
    },
    async stop(mode = "fast") {
      await run("pg_ctl", ["-D", data, "-m", mode, "-w", "-t", "30", "stop"]);
      running = false;
    },
    destroy() {
      try {
        if (running)
          execFileSync(asRoot ? "runuser" : path.join(bin, "pg_ctl"), [
            ...(asRoot ? ["-u", "postgres", "--", path.join(bin, "pg_ctl")] : []),
            "-D",
            data,
            "-m",
            "immediate",
            "-w",
            "stop",
          ]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
  try {
    await run("initdb", ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync", "--no-instructions"]);
    await pg.start();
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  return pg;
}
