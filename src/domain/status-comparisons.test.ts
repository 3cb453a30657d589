import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, test } from "vitest";

/**
 * The rule "who may do what, in which state" lives in src/domain (the assessment policy and the other
 * state rules). Anywhere else, comparing a status field with a literal state would be a second copy of
 * that rule, so none may appear outside src/domain. (Generated code is not ours.)
 */
const SRC = join(__dirname, "..");
const STATUS_COMPARISON = /\b\w*[sS]tatus\s*[!=]==?\s*["'`]|["'`]\s*[!=]==?\s*\w*[sS]tatus\b/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "generated" ? [] : files(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe("no status comparison outside src/domain", () => {
  test("the pattern catches what it should", () => {
    expect(STATUS_COMPARISON.test('a.status === "DRAFT"')).toBe(true);
    expect(STATUS_COMPARISON.test("row.reviewStatus !== 'RETURNED'")).toBe(true);
    expect(STATUS_COMPARISON.test('"FINALIZED" === status')).toBe(true);
    expect(STATUS_COMPARISON.test("holderOf(a.status) === holder")).toBe(false);
  });

  test("every file outside src/domain is free of them", () => {
    const offenders = files(SRC)
      .filter((f) => !relative(SRC, f).startsWith("domain"))
      .flatMap((f) =>
        readFileSync(f, "utf8")
          .split("\n")
          .flatMap((line, i) => (STATUS_COMPARISON.test(line) ? [`${relative(SRC, f)}:${i + 1}: ${line.trim()}`] : [])),
      );
    expect(offenders).toEqual([]);
  });
});
