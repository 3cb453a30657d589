import { createHash, randomBytes } from "node:crypto";

/** Recognisable in logs and secret scanners; the rest is 32 random bytes. */
export const TOKEN_PREFIX = "zi_prb_";

export function newApiToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString("base64url");
}

/** Tokens are long random strings, so a plain SHA-256 is enough (no password hashing needed). */
export function hashApiToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** What the admin list shows of a token: enough to tell tokens apart, useless to call the API. */
export function tokenDisplayPrefix(token: string): string {
  return token.slice(0, TOKEN_PREFIX.length + 6);
}
