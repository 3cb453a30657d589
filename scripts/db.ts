/**
 * Database chores: `migrate` applies pending migrations; `seed` syncs the LKE catalogues and adds the
 * demo data (idempotent); `reset` drops the embedded database (or every table of DATABASE_URL's
 * public schema) and starts over with migrate + seed; `app-role <name>` (PostgreSQL only) creates or
 * updates the role the app should run as, which may only INSERT/SELECT the audit log.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import { seed } from "../prisma/seed";
import { dataDir, openDatabase } from "../src/server/db/connect";
import { runDataMigrations } from "../src/server/db/data-migrations";
import { migrate } from "../src/server/db/migrate";
import { applyAppRole } from "../src/server/db/app-role";
import { oneTimePassword } from "../src/server/onboarding";

async function appRole(role: string | undefined) {
  if (!process.env.DATABASE_URL) {
    console.error("app-role hanya untuk PostgreSQL: setel DATABASE_URL ke peran pemilik skema.");
    process.exit(2);
  }
  if (!role) {
    console.error("Pemakaian: npm run db:app-role -- <nama_peran>");
    process.exit(2);
  }
  const password = process.env.APP_DB_PASSWORD || oneTimePassword(24);
  const db = await openDatabase();
  try {
    await migrate(db.runner);
    await runDataMigrations(db.prisma);
    await applyAppRole(db.runner, role, password);
  } finally {
    await db.close();
  }
  const url = new URL(process.env.DATABASE_URL);
  url.username = role;
  url.password = password;
  console.log(`Peran "${role}" siap: baca/tulis data, log audit hanya INSERT/SELECT.`);
  console.log(`Jalankan aplikasi dengan DATABASE_URL=${url}`);
}

async function main(command: string | undefined) {
  if (command === "reset" && !process.env.DATABASE_URL) {
    rmSync(path.join(dataDir(), "pgdata"), { recursive: true, force: true });
    rmSync(path.join(dataDir(), "evidence"), { recursive: true, force: true });
  }
  const db = await openDatabase();
  try {
    if (command === "reset" && db.kind === "postgres") {
      await db.runner.exec("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
    }
    const applied = [...(await migrate(db.runner)), ...(await runDataMigrations(db.prisma))];
    console.log(applied.length ? `Migrasi diterapkan: ${applied.join(", ")}` : "Skema sudah mutakhir.");
    if (command === "seed" || command === "reset") await seed(db.prisma, { log: console.log });
  } finally {
    await db.close();
  }
}

const command = process.argv[2];
if (!["migrate", "seed", "reset", "app-role"].includes(command ?? "")) {
  console.error("Pemakaian: tsx scripts/db.ts migrate|seed|reset|app-role <nama_peran>");
  process.exit(2);
}
(command === "app-role" ? appRole(process.argv[3]) : main(command)).catch((e) => {
  console.error(e);
  process.exit(1);
});
