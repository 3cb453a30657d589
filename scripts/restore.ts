/**
 * `npm run restore -- <dir>`: restores a backup made by `npm run backup` into an empty database
 * (DATABASE_URL, or the embedded one under DATA_DIR/pgdata) and an empty evidence store, then checks
 * every table's row count and every evidence file's sha256. Exit 0 when verified, 2 on bad arguments
 * or a target that is not empty, 1 when the restore or its verification failed.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { BackupError, restore } from "../src/server/backup";
import { dataDir, lockDataDir } from "../src/server/db/connect";
import { getStorage } from "../src/server/storage/storage";

const dir = process.argv[2];
if (!dir || process.argv.length > 3) {
  console.error("Pemakaian: npm run restore -- <folder>");
  process.exit(2);
}

const t0 = Date.now();
const url = process.env.DATABASE_URL;
const pgdata = path.join(dataDir(), "pgdata");
if (!url) mkdirSync(dataDir(), { recursive: true });
const unlock = url ? () => {} : lockDataDir(pgdata);
try {
  const { manifest, files } = await restore(
    path.resolve(dir),
    url ? { kind: "postgres", url } : { kind: "pglite", dir: pgdata },
    getStorage(),
  );
  console.log(
    `Dipulihkan dari cadangan ${manifest.createdAt}: ${Object.keys(manifest.rowCounts).length} tabel dengan jumlah ` +
      `baris yang sama, ${files} berkas bukti dukung dengan sha256 terverifikasi ` +
      `(${((Date.now() - t0) / 1000).toFixed(1)} s).`,
  );
} catch (e) {
  console.error(`Pemulihan gagal: ${(e as Error).message}`);
  process.exitCode = e instanceof BackupError && e.refused ? 2 : 1;
} finally {
  unlock();
}
