/**
 * `npm run backup -- <dir>`: a consistent backup of the database named by DATABASE_URL (or of the
 * embedded database under DATA_DIR, which the app must not be using at the time) and of every
 * evidence file, with a manifest of sha256 hashes. Exit 0 on success, 2 on bad arguments or a
 * refused target, 1 when the backup could not be completed.
 */
import path from "node:path";
import { backup, BackupError } from "../src/server/backup";
import { openDatabase } from "../src/server/db/connect";
import { getStorage } from "../src/server/storage/storage";

const dir = process.argv[2];
if (!dir || process.argv.length > 3) {
  console.error("Pemakaian: npm run backup -- <folder>");
  process.exit(2);
}

const t0 = Date.now();
const url = process.env.DATABASE_URL;
const db = url ? null : await openDatabase().catch((e: Error) => fail(2, e.message));
try {
  const manifest = await backup(
    url ? { kind: "postgres", url } : { kind: "pglite", pglite: db!.pglite! },
    getStorage(),
    path.resolve(dir),
  );
  const rows = Object.values(manifest.rowCounts).reduce((a, b) => a + b, 0);
  console.log(
    `Cadangan ${manifest.database.kind} di ${path.resolve(dir)}: ${Object.keys(manifest.rowCounts).length} tabel, ` +
      `${rows} baris, ${manifest.files.length} berkas bukti dukung (${((Date.now() - t0) / 1000).toFixed(1)} s).`,
  );
} catch (e) {
  fail(e instanceof BackupError && e.refused ? 2 : 1, (e as Error).message);
} finally {
  await db?.close();
}

function fail(code: number, message: string): never {
  console.error(`Cadangan gagal: ${message}`);
  process.exit(code);
}
