/**
 * `npm run setup -- --instansi "<nama>" --admin-email <email> [--admin-nip <nip>] [--superadmin]`: onboards a real
 * instansi on the configured database (DATABASE_URL, or the embedded one under DATA_DIR; migrated
 * first). Prints `one-time password: <password>` on stdout (after two lines of what was created) and exits 0; a refusal is one line on
 * stderr and exit 2, with nothing written; any other failure exits 1.
 */
import { syncCatalogues } from "../src/server/catalogue-sync";
import { openDatabase } from "../src/server/db/connect";
import { migrate } from "../src/server/db/migrate";
import { parseSetupArgs, setupInstansi, SetupRefused } from "../src/server/onboarding";

async function main() {
  const input = parseSetupArgs(process.argv.slice(2));
  const db = await openDatabase();
  try {
    await migrate(db.runner);
    await syncCatalogues(db.prisma);
    const result = await setupInstansi(db.prisma, input);
    console.log(
      `Instansi "${input.instansi}" dibuat dengan periode ${result.year} (katalog ${result.catalogueId}) dan admin ${input.adminEmail}.`,
    );
    console.log("Berikan kata sandi sekali pakai ini kepada admin; saat masuk pertama ia wajib menggantinya.");
    console.log(`one-time password: ${result.password}`);
  } finally {
    await db.close();
  }
}

main().catch((e) => {
  if (e instanceof SetupRefused) {
    console.error(e.message);
    process.exit(2);
  }
  console.error(e);
  process.exit(1);
});
