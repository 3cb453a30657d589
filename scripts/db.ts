/**
 * Database chores: `migrate` applies pending migrations; `seed` syncs the LKE catalogues and adds the
 * demo data (idempotent); `reset` drops the embedded database (or every table of DATABASE_URL's
 * public schema) and starts over with migrate + seed.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import { seed } from "../prisma/seed";
import { dataDir, openDatabase } from "../src/server/db/connect";
import { runDataMigrations } from "../src/server/db/data-migrations";
import { migrate } from "../src/server/db/migrate";

async function main(command: string | undefined) {
  if (command === "reset" && !process.env.DATABASE_URL) {
    rmSync(path.join(dataDir(), "pgdata"), { recursive: true, force: true });
    rmSync(path.join(dataDir(), "evidence"), { recursive: true, force: true });
  }
  const db = await openDatabase();
  try {
    if (command === "reset" && db.kind === "postgres") {
      await db.runner.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
    }
    const applied = [...(await migrate(db.runner)), ...(await runDataMigrations(db.prisma))];
    console.log(applied.length ? `Migrasi diterapkan: ${applied.join(", ")}` : "Skema sudah mutakhir.");
    if (command === "seed" || command === "reset") await seed(db.prisma, { log: console.log });
  } finally {
    await db.close();
  }
}

const command = process.argv[2];
if (!["migrate", "seed", "reset"].includes(command ?? "")) {
  console.error("Pemakaian: tsx scripts/db.ts migrate|seed|reset");
  process.exit(2);
}
main(command).catch((e) => {
  console.error(e);
  process.exit(1);
});
