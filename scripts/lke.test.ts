import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, test } from "vitest";
import { runLkeCli, type LkeCliIo } from "./lke";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const TSX = path.join(ROOT, "node_modules", ".bin", process.platform === "win32" ? "tsx.cmd" : "tsx");

const INPUT = {
  catalogue: "lke-2026",
  answers: {
    PPA1A: "Ya",
    PPA1B: "B",
    PRA1A: 62.5,
    PRA1B: { perubahanDibuat: 6, perubahanTerintegrasi: 3 },
    PRE2A: { pengaduanHarusDitindaklanjuti: 40, pengaduanSelesai: 30 },
  },
  hasil: { ipak: 3.71, ipkp: 3.4, capaianKinerja: "B" },
  zeroBase: "ONE",
};

function memory(files: Record<string, Buffer>): LkeCliIo {
  return {
    readFile: async (file) => {
      if (!(file in files)) throw Object.assign(new Error("ENOENT"), { code: "ENOENT" });
      return files[file];
    },
    writeFile: async (file, data) => {
      files[file] = data;
    },
  };
}

const oneLine = (r: { code: number; stdout: string; stderr: string }) => {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe("");
  expect(r.stderr.trim().split("\n")).toHaveLength(1);
};

describe("lke CLI", () => {
  test("export-xlsx then import-xlsx prints the same scorer input", async () => {
    const files: Record<string, Buffer> = { "in.json": Buffer.from(JSON.stringify(INPUT)) };
    const io = memory(files);
    expect(await runLkeCli(["--", "export-xlsx", "in.json", "out.xlsx"], io)).toEqual({
      code: 0,
      stdout: "",
      stderr: "",
    });
    const back = await runLkeCli(["import-xlsx", "out.xlsx"], io);
    expect(back.code).toBe(0);
    expect(JSON.parse(back.stdout)).toEqual(INPUT);
  });

  test("anything it cannot read: exit 2, one line on stderr, nothing on stdout", async () => {
    const io = memory({
      "bad.json": Buffer.from("{"),
      "odd.json": Buffer.from(JSON.stringify({ answers: { PPA1A: "Mungkin" } })),
      "x.exe": Buffer.from("MZ\x90\x00"),
    });
    oneLine(await runLkeCli(["import-xlsx", "x.exe"], io));
    oneLine(await runLkeCli(["import-xlsx", "missing.xlsx"], io));
    oneLine(await runLkeCli(["import-xlsx"], io));
    oneLine(await runLkeCli(["export-xlsx", "bad.json", "o.xlsx"], io));
    oneLine(await runLkeCli(["export-xlsx", "odd.json", "o.xlsx"], io));
    oneLine(await runLkeCli(["hapus"], io));
  });

  const dir = mkdtempSync(path.join(tmpdir(), "lke-cli-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("runs as a script: the printed answers go straight into the scorer", () => {
    const input = path.join(dir, "in.json");
    const xlsx = path.join(dir, "out.xlsx");
    writeFileSync(input, JSON.stringify(INPUT));
    const exported = spawnSync(TSX, ["scripts/lke.ts", "export-xlsx", input, xlsx], { cwd: ROOT, encoding: "utf8" });
    expect(exported.status).toBe(0);
    const imported = spawnSync(TSX, ["scripts/lke.ts", "import-xlsx", xlsx], { cwd: ROOT, encoding: "utf8" });
    expect(imported.status).toBe(0);
    const scoredBack = spawnSync(TSX, ["scripts/score.ts", "-"], {
      cwd: ROOT,
      encoding: "utf8",
      input: imported.stdout,
    });
    const scored = spawnSync(TSX, ["scripts/score.ts", input], { cwd: ROOT, encoding: "utf8" });
    expect(scoredBack.status).toBe(0);
    expect(JSON.parse(scoredBack.stdout)).toEqual(JSON.parse(scored.stdout));
    const bad = spawnSync(TSX, ["scripts/lke.ts", "import-xlsx", input], { cwd: ROOT, encoding: "utf8" });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe("");
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
  }, 60_000);
});
