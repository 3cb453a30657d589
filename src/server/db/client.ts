import type { PGlite } from "@electric-sql/pglite";
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { pglitePrisma, postgresPrisma } from "./connect";

declare global {
  /** The embedded database opened by the server process (scripts/start.ts) or a test. */
  var __ziPglite: PGlite | undefined;
  var __ziPrisma: PrismaClient | undefined;
}

function createClient(): PrismaClient {
  const url = process.env.DATABASE_URL;
  if (url) return postgresPrisma(url);
  const pglite = globalThis.__ziPglite;
  if (!pglite) {
    throw new Error("Basis data tertanam belum dibuka. Jalankan aplikasi dengan `npm start`.");
  }
  return pglitePrisma(pglite);
}

/** The app's Prisma client, created on first use and shared across the process. */
export function getDb(): PrismaClient {
  globalThis.__ziPrisma ??= createClient();
  return globalThis.__ziPrisma;
}

export type Tx = Prisma.TransactionClient;
