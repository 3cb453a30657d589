import { describe, expect, test } from "vitest";
import { createRateLimiter } from "./rate-limit";

describe("createRateLimiter", () => {
  test("allows the limit per window per key, then refuses until the window ends", () => {
    const rl = createRateLimiter({ limit: () => 3, windowMs: 1000 });
    expect([1, 2, 3, 4].map(() => rl.hit("a", 0))).toEqual([true, true, true, false]);
    expect(rl.hit("b", 10)).toBe(true);
    expect(rl.hit("a", 999)).toBe(false);
    expect(rl.hit("a", 1000)).toBe(true);
  });

  test("keeps at most maxKeys windows", () => {
    const rl = createRateLimiter({ limit: () => 1, windowMs: 1000, maxKeys: 2 });
    rl.hit("a", 0);
    rl.hit("b", 0);
    rl.hit("c", 0); // evicts "a"
    expect(rl.hit("a", 1)).toBe(true);
    expect(rl.hit("c", 1)).toBe(false);
  });
});
