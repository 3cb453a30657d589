import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream, existsSync, readdirSync } from "node:fs";
import { mkdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import type { EvidenceStorage } from "@/server/storage/storage";

/**
 * Backup and restore of one installation: the database (pg_dump's custom format on PostgreSQL, the
 * embedded database's own data-directory dump) plus every evidence file, with a manifest of sha256
 * hashes so a restore can prove it brought back exactly what was saved.
 */

export const MANIFEST = "manifest.json";
const FORMAT = "zona-integritas-backup/1";

export interface BackupFile {
  key: string;
  sha256: string;
  size: number;
}

export interface Manifest {
  format: typeof FORMAT;
  createdAt: string;
  database: { kind: "postgres" | "pglite"; file: string; sha256: string; size: number };
  /** Rows per table at the moment of the dump, compared again after a restore. */
  rowCounts: Record<string, number>;
  files: BackupFile[];
}

export type Source =
  | { kind: "postgres"; url: string }
  /** An open embedded database (the app must not be running on the same directory). */
  | { kind: "pglite"; pglite: PGlite };

/** `refused`: the target or the arguments were not acceptable and nothing was written (exit 2). */
export class BackupError extends Error {
  constructor(
    message: string,
    readonly refused = false,
  ) {
    super(message);
  }
}

interface Querier {
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
}

const TABLES_SQL = `SELECT table_name AS name FROM information_schema.tables
  WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`;

async function rowCounts(q: Querier): Promise<Record<string, number>> {
  const tables = await q.query<{ name: string }>(TABLES_SQL);
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${name.replaceAll('"', '""')}"`);
    counts[name] = row.n;
  }
  return counts;
}

/** Evidence rows (deleted ones too: soft deletion keeps their bytes, and the audit trail points at them). */
const EVIDENCE_SQL = `SELECT "storageKey" AS key, sha256, size FROM "Evidence" ORDER BY "storageKey"`;

async function sha256File(file: string): Promise<string> {
  const hash = createHash("sha256");
  await pipeline(createReadStream(file), hash);
  return hash.digest("hex");
}

function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", (e) => reject(new BackupError(`${cmd} tidak dapat dijalankan: ${e.message}`)));
    child.on("close", (code) =>
      code === 0 ? resolve() : reject(new BackupError(`${cmd} gagal (kode ${code}): ${stderr.trim().split("\n")[0]}`)),
    );
  });
}

function pgliteQuerier(db: PGlite): Querier {
  return { query: async (sql, params) => (await db.query(sql, params as unknown[])).rows as never[] };
}

function isEmptyDir(dir: string): boolean {
  return !existsSync(dir) || readdirSync(dir).length === 0;
}

/**
 * Writes a consistent backup into `dir` (which must be empty or new). On PostgreSQL the dump and
 * the list of evidence files come from one exported snapshot, so a file uploaded meanwhile is
 * neither half in nor referenced without its bytes.
 */
export async function backup(source: Source, storage: EvidenceStorage, dir: string): Promise<Manifest> {
  if (!isEmptyDir(dir)) throw new BackupError(`Folder cadangan ${dir} tidak kosong.`, true);
  await mkdir(path.join(dir, "evidence"), { recursive: true });

  let database: Manifest["database"];
  let counts: Record<string, number>;
  let evidence: BackupFile[];
  if (source.kind === "postgres") {
    const file = "database.dump";
    const client = new pg.Client({ connectionString: source.url });
    await client.connect();
    try {
      await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      const { rows } = await client.query<{ id: string }>("SELECT pg_export_snapshot() AS id");
      const q: Querier = { query: async (sql, params) => (await client.query(sql, params)).rows };
      counts = await rowCounts(q);
      evidence = await q.query<BackupFile>(EVIDENCE_SQL);
      await run("pg_dump", [
        "--format=custom",
        `--snapshot=${rows[0].id}`,
        "--no-owner",
        "--no-privileges",
        `--file=${path.join(dir, file)}`,
        `--dbname=${source.url}`,
      ]);
      await client.query("COMMIT");
    } finally {
      await client.end();
    }
    database = { kind: "postgres", file, sha256: await sha256File(path.join(dir, file)), size: 0 };
  } else {
    const file = "pgdata.tar.gz";
    const q = pgliteQuerier(source.pglite);
    counts = await rowCounts(q);
    evidence = await q.query<BackupFile>(EVIDENCE_SQL);
    const dump = await source.pglite.dumpDataDir("gzip");
    await writeFile(path.join(dir, file), Buffer.from(await dump.arrayBuffer()));
    database = { kind: "pglite", file, sha256: await sha256File(path.join(dir, file)), size: 0 };
  }
  database.size = (await stat(path.join(dir, database.file))).size;

  const files: BackupFile[] = [];
  const mismatched: string[] = [];
  for (const row of evidence) {
    const target = path.join(dir, "evidence", row.key);
    await mkdir(path.dirname(target), { recursive: true });
    const hash = createHash("sha256");
    let size = 0;
    const body = await storage.get(row.key).catch(() => {
      throw new BackupError(`Berkas bukti dukung ${row.key} tidak ada di penyimpanan.`);
    });
    body.on("data", (chunk: Buffer) => {
      hash.update(chunk);
      size += chunk.length;
    });
    await pipeline(body, createWriteStream(target, { flags: "wx" }));
    const sha256 = hash.digest("hex");
    if (sha256 !== row.sha256) mismatched.push(row.key);
    files.push({ key: row.key, sha256, size });
  }

  const manifest: Manifest = {
    format: FORMAT,
    createdAt: new Date().toISOString(),
    database,
    rowCounts: counts,
    files,
  };
  await writeFile(path.join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  if (mismatched.length) {
    throw new BackupError(
      `Cadangan ditulis, tetapi ${mismatched.length} berkas tidak cocok dengan sha256 tercatat: ${mismatched.join(", ")}`,
    );
  }
  return manifest;
}

export async function readManifest(dir: string): Promise<Manifest> {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(await readFile(path.join(dir, MANIFEST), "utf8"));
  } catch {
    throw new BackupError(`Tidak ada ${MANIFEST} yang terbaca di ${dir}: bukan folder cadangan.`, true);
  }
  if (manifest.format !== FORMAT)
    throw new BackupError(`Format cadangan tidak dikenal: ${String(manifest.format)}`, true);
  return manifest;
}

export type Target =
  | { kind: "postgres"; url: string }
  /** A directory for the embedded database: must be empty or new. */
  | { kind: "pglite"; dir: string };

export interface RestoreResult {
  manifest: Manifest;
  files: number;
}

/**
 * Restores a backup into an empty database and an empty evidence store, then checks that every
 * table has the row count of the backup and every evidence row's bytes hash to its recorded sha256.
 */
export async function restore(dir: string, target: Target, storage: EvidenceStorage): Promise<RestoreResult> {
  const manifest = await readManifest(dir);
  if (manifest.database.kind !== target.kind) {
    throw new BackupError(
      `Cadangan berasal dari basis data ${manifest.database.kind}; tujuan ${target.kind}. ` +
        "Pulihkan ke jenis basis data yang sama.",
      true,
    );
  }
  const dumpFile = path.join(dir, manifest.database.file);
  if ((await sha256File(dumpFile)) !== manifest.database.sha256) {
    throw new BackupError(`Berkas ${manifest.database.file} rusak: sha256 tidak cocok dengan manifest.`);
  }
  for (const f of manifest.files) {
    if (await storage.exists(f.key))
      throw new BackupError(`Penyimpanan tujuan tidak kosong: ${f.key} sudah ada.`, true);
  }

  let q: Querier;
  let close: () => Promise<void>;
  if (target.kind === "postgres") {
    const client = new pg.Client({ connectionString: target.url });
    await client.connect();
    close = () => client.end();
    q = { query: async (sql, params) => (await client.query(sql, params)).rows };
    if ((await q.query(TABLES_SQL)).length) {
      await close();
      throw new BackupError("Basis data tujuan tidak kosong: pulihkan hanya ke basis data baru.", true);
    }
    await run("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", `--dbname=${target.url}`, dumpFile]);
  } else {
    if (!isEmptyDir(target.dir)) throw new BackupError(`Folder basis data tujuan ${target.dir} tidak kosong.`, true);
    await mkdir(target.dir, { recursive: true });
    const blob = new Blob([await readFile(dumpFile)]);
    const db = await PGlite.create(target.dir, { loadDataDir: blob });
    close = () => db.close();
    q = pgliteQuerier(db);
  }

  try {
    const counts = await rowCounts(q);
    const differing = Object.keys({ ...counts, ...manifest.rowCounts }).filter(
      (t) => counts[t] !== manifest.rowCounts[t],
    );
    if (differing.length) {
      throw new BackupError(
        `Jumlah baris berbeda setelah pemulihan: ${differing
          .map((t) => `${t} ${manifest.rowCounts[t] ?? "-"} → ${counts[t] ?? "-"}`)
          .join(", ")}`,
      );
    }

    for (const f of manifest.files) {
      const source = path.join(dir, "evidence", f.key);
      if ((await sha256File(source)) !== f.sha256) throw new BackupError(`Berkas cadangan ${f.key} rusak.`);
      await storage.put(f.key, createReadStream(source), { size: f.size, contentType: "application/octet-stream" });
    }

    // Read every evidence row back from the restored database and its bytes from the restored store.
    const rows = await q.query<BackupFile>(EVIDENCE_SQL);
    for (const row of rows) {
      const hash = createHash("sha256");
      await pipeline((await storage.get(row.key)) as Readable, hash);
      if (hash.digest("hex") !== row.sha256) {
        throw new BackupError(`Verifikasi gagal: ${row.key} tidak cocok dengan sha256 tercatat.`);
      }
    }
    return { manifest, files: rows.length };
  } finally {
    await close();
  }
}
