/**
 * A fixed-window counter per key, held in this process's memory. Used for public, anonymous endpoints
 * (survey answers), where the client address must not be written to the database: a stored address next to a
 * timestamp could tie an answer to a person. Several server processes each count on their own, so the
 * effective limit is the per-process limit times the number of processes.
 */
export interface RateLimiter {
  /** Counts one hit; false when the key is over its limit in the current window. */
  hit(key: string, now?: number): boolean;
  reset(): void;
}

export function createRateLimiter(opts: { limit: () => number; windowMs: number; maxKeys?: number }): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  const maxKeys = opts.maxKeys ?? 50_000;
  return {
    hit(key, now = Date.now()) {
      let w = windows.get(key);
      if (!w || now - w.start >= opts.windowMs) {
        // Bound the memory a flood of addresses can take: drop expired windows, then the oldest.
        if (windows.size >= maxKeys) {
          for (const [k, v] of windows) if (now - v.start >= opts.windowMs) windows.delete(k);
          if (windows.size >= maxKeys) windows.delete(windows.keys().next().value as string);
        }
        w = { start: now, count: 0 };
        windows.set(key, w);
      }
      w.count += 1;
      return w.count <= opts.limit();
    },
    reset() {
      windows.clear();
    },
  };
}
