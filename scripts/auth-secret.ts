import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { dataDir } from "../src/server/db/connect";

/**
 * A session-signing secret that survives restarts: NEXTAUTH_SECRET, or one generated once under DATA_DIR.
 * Every server process that shares DATA_DIR then signs and accepts the same session cookies.
 */
export function ensureAuthSecret(): string {
  if (!process.env.NEXTAUTH_SECRET) {
    const file = path.join(dataDir(), "auth-secret");
    if (!existsSync(file)) {
      mkdirSync(dataDir(), { recursive: true });
      writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
    }
    process.env.NEXTAUTH_SECRET = readFileSync(file, "utf8").trim();
  }
  return process.env.NEXTAUTH_SECRET;
}
