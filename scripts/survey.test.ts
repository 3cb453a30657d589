import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, test } from "vitest";
import { runSurveyCli, type CliIo } from "./survey";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const TSX = path.join(ROOT, "node_modules", ".bin", process.platform === "win32" ? "tsx.cmd" : "tsx");

const GOOD = {
  scale: [1, 4],
  responses: [
    [4, 3, 4, 4, 3],
    [3, 3, null, 4, 2],
  ],
};

function io(files: Record<string, string>, stdin = ""): CliIo {
  return {
    readFile: async (file) => {
      if (!(file in files)) throw Object.assign(new Error(`ENOENT: ${file}`), { code: "ENOENT" });
      return files[file];
    },
    readStdin: async () => stdin,
  };
}

describe("runSurveyCli", () => {
  test("prints n, index, per-element means and the LKE index", async () => {
    const result = await runSurveyCli(["index", "s.json"], io({ "s.json": JSON.stringify(GOOD) }));
    expect(result).toMatchObject({ code: 0, stderr: "" });
    const out = JSON.parse(result.stdout);
    expect(Object.keys(out)).toEqual(["n", "index", "elements", "lkeIndex"]);
    // Element means 3.5, 3, 4 (one answer), 4, 2.5 → (3.5 + 3 + 4 + 4 + 2.5) / 5 = 3.4.
    expect(out.n).toBe(2);
    expect(out.elements).toEqual([3.5, 3, 4, 4, 2.5]);
    expect(out.index).toBeCloseTo(3.4, 12);
    expect(out.lkeIndex).toBeCloseTo(3.4, 12);
  });

  test("a 1–6 instrument is converted linearly onto the LKE's field", async () => {
    const result = await runSurveyCli(["index", "-"], io({}, JSON.stringify({ scale: [1, 6], responses: [[6, 1]] })));
    const out = JSON.parse(result.stdout);
    expect(out.index).toBe(3.5);
    expect(out.lkeIndex).toBe(2.5);
  });

  test("nothing answered: index null", async () => {
    const result = await runSurveyCli(["index", "-"], io({}, JSON.stringify({ scale: [1, 4], responses: [] })));
    expect(JSON.parse(result.stdout)).toEqual({ n: 0, index: null, elements: [], lkeIndex: null });
  });

  test.each([
    ["bad JSON", ["index", "-"], "{", /^input: JSON tidak valid/],
    ["unknown command", ["indeks", "-"], "{}", /^argumen: /],
    ["missing file", ["index", "nope.json"], "", /^berkas: nope.json tidak dapat dibaca \(ENOENT\)/],
    ["answer off the scale", ["index", "-"], JSON.stringify({ scale: [1, 4], responses: [[5]] }), /^responses\.0\.0: /],
    ["unknown scale", ["index", "-"], JSON.stringify({ scale: [1, 5], responses: [] }), /^scale: /],
  ])("%s: exit 2, one line on stderr, empty stdout", async (_n, args, stdin, message) => {
    const result = await runSurveyCli(args, io({}, stdin));
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr.endsWith("\n")).toBe(true);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(message);
  });
});

describe("the real script", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "zi-survey-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("npm run --silent survey -- index FILE", () => {
    const file = path.join(dir, "good.json");
    writeFileSync(file, JSON.stringify(GOOD));
    const result = spawnSync("npm", ["run", "--silent", "survey", "--", "index", file], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ n: 2, elements: [3.5, 3, 4, 4, 2.5] });
  }, 60_000);

  test("bad input from standard input: exit 2", () => {
    const result = spawnSync(TSX, ["scripts/survey.ts", "index", "-"], {
      cwd: ROOT,
      input: '{"scale":[1,4]}',
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^responses: .*\n$/);
  }, 60_000);
});
