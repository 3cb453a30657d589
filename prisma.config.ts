import { defineConfig } from "prisma/config";

// The CLI is used only for `prisma generate`; migrations are plain SQL applied by
// src/server/db/migrate.ts, and the runtime connects through a driver adapter.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
