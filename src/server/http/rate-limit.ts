/**
 * A fixed-window counter per key, kept in the database so that every server process behind a proxy counts
 * together. Used for public, anonymous endpoints (survey answers), where the client address must not be
 * written to the database (a stored address next to a timestamp could tie an answer to a person): a row is
 * keyed by an HMAC of the limiter's name and the key, holds only a count and its window, and is deleted once
 * the window is over.
 */
import { createHmac } from "node:crypto";
import { getDb } from "@/server/db/client";
import type { Db } from "@/server/lke/context";

export interface RateLimiter {
  /** Counts one hit; false when the key is over its limit in the current window. */
  hit(key: string, now?: number): Promise<boolean>;
}

export function createRateLimiter(opts: {
  name: string;
  limit: () => number;
  windowMs: number;
  db?: () => Db;
}): RateLimiter {
  let prunedAt = -Infinity;
  return {
    async hit(key, now = Date.now()) {
      const db = (opts.db ?? getDb)();
      // Windows that are over go once per window length per process: no stale counts pile up.
      if (now - prunedAt >= opts.windowMs) {
        prunedAt = now;
        await db.rateWindow.deleteMany({ where: { expiresAt: { lte: BigInt(now) } } });
      }
      const digest = createHmac("sha256", process.env.NEXTAUTH_SECRET ?? "zona-integritas")
        .update(`${opts.name}\n${key}`)
        .digest("base64url");
      const start = BigInt(now);
      const end = BigInt(now + opts.windowMs);
      // One statement, so concurrent hits from several processes each count exactly once.
      const [row] = await db.$queryRaw<{ count: number }[]>`
        INSERT INTO "RateWindow" ("key", "windowStart", "expiresAt", "count") VALUES (${digest}, ${start}, ${end}, 1)
        ON CONFLICT ("key") DO UPDATE SET
          "count" = CASE WHEN "RateWindow"."expiresAt" <= ${start} THEN 1 ELSE "RateWindow"."count" + 1 END,
          "windowStart" = CASE WHEN "RateWindow"."expiresAt" <= ${start} THEN ${start} ELSE "RateWindow"."windowStart" END,
          "expiresAt" = CASE WHEN "RateWindow"."expiresAt" <= ${start} THEN ${end} ELSE "RateWindow"."expiresAt" END
        RETURNING "count"`;
      return row.count <= opts.limit();
    },
  };
}
