/**
 * Request-side server modules (actions, queries, the session readers) carry `import "server-only"`, so a
 * client component that imports one by mistake fails the build instead of shipping server code.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";

const here = path.dirname(new URL(import.meta.url).pathname);
const inDir = (dir: string) =>
  readdirSync(path.join(here, dir))
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && !f.endsWith(".validation.ts"))
    .map((f) => path.join(dir, f));

test("every action and query module, and the session readers, import server-only", () => {
  const files = [...inDir("actions"), ...inDir("queries"), "auth/current-user.ts", "auth/guard.ts"];
  expect(files.length).toBeGreaterThan(30);
  const missing = files.filter((f) => !/^import "server-only";$/m.test(readFileSync(path.join(here, f), "utf8")));
  expect(missing).toEqual([]);
});
