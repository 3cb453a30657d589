import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, test } from "vitest";
import { getCatalogue } from "../src/domain/catalogue/registry";
import { scoreAssessment, summarizeScorecard } from "../src/domain/scoring/score";
import { runCli, type CliIo } from "./score";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const TSX = path.join(ROOT, "node_modules", ".bin", process.platform === "win32" ? "tsx.cmd" : "tsx");

const GOOD = {
  catalogue: "permenpanrb-90-2021",
  answers: {
    PPA1A: "Ya",
    PPA1B: "B",
    PRA1A: 62.5,
    PRA1B: { perubahanDibuat: 6, perubahanTerintegrasi: 3 },
    PRC3A: { pelanggaranTahunLalu: 5, pelanggaranTahunIni: 2 },
    PRE2A: { pengaduanHarusDitindaklanjuti: 40, pengaduanDiproses: 6, pengaduanSelesai: 30 },
  },
  hasil: { ipak: 3.71, ipkp: 3.4, capaianKinerja: "B" },
  previousPredicate: null,
};

/** In-memory files and stdin. */
function io(files: Record<string, string>, stdin = ""): CliIo {
  return {
    readFile: async (file) => {
      if (!(file in files)) throw Object.assign(new Error(`ENOENT: ${file}`), { code: "ENOENT" });
      return files[file];
    },
    readStdin: async () => stdin,
  };
}

const expectedSummary = () =>
  summarizeScorecard(
    scoreAssessment({
      catalogue: getCatalogue("permenpanrb-90-2021"),
      answers: GOOD.answers,
      hasil: GOOD.hasil,
      previousPredicate: null,
    }),
  );

describe("runCli", () => {
  test("a periode's zero-base rule is read from the file: PRE2 with no complaints due", async () => {
    const noComplaints = {
      ...GOOD,
      answers: {
        ...GOOD.answers,
        PRE2A: { pengaduanHarusDitindaklanjuti: 0, pengaduanDiproses: 0, pengaduanSelesai: 0 },
      },
    };
    const totals: Record<string, number> = {};
    for (const zeroBase of ["ZERO", "ONE", "EXCLUDE"]) {
      const result = await runCli(["z.json"], io({ "z.json": JSON.stringify({ ...noComplaints, zeroBase }) }));
      expect(result.code).toBe(0);
      totals[zeroBase] = JSON.parse(result.stdout).total;
    }
    // PRE2 weighs 3: scored 0, or counted as done (1), or left out of an average with nothing left (full).
    expect(totals.ONE - totals.ZERO).toBeCloseTo(3, 9);
    expect(totals.EXCLUDE).toBeCloseTo(totals.ONE, 9);
    const bad = await runCli(["z.json"], io({ "z.json": JSON.stringify({ ...GOOD, zeroBase: "HALF" }) }));
    expect(bad).toMatchObject({ code: 2, stdout: "" });
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
  });

  test("scores a file and prints the scorecard as JSON", async () => {
    const result = await runCli(["good.json"], io({ "good.json": JSON.stringify(GOOD) }));
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    const out = JSON.parse(result.stdout);
    expect(Object.keys(out)).toEqual([
      "total",
      "pengungkit",
      "pemenuhan",
      "reform",
      "hasil",
      "birokrasiBersih",
      "ipak",
      "capaianKinerja",
      "ipkp",
      "areas",
      "wbk",
      "wbbm",
    ]);
    expect(out).toEqual(expectedSummary());
    expect(Object.keys(out.areas[0])).toEqual(["id", "name", "weight", "score"]);
    expect(out.areas.map((a: { id: string }) => a.id)).toEqual(
      ["A", "B", "C", "D", "E", "F"].map((l) => `PENGUNGKIT.${l}`),
    );
    // Independently: PPA1 0.5 × (1 + ½)/2 = 0.375; PRA1 2 × (0.625 + 0.5)/2 = 1.125 → area A 1.5.
    // PRC3A (5 − 2)/5 → 2 × 0.6 = 1.2 (area C); PRE2A 30/40 → 3 × 0.75 = 2.25 (area E).
    expect(out.areas[0].score).toBeCloseTo(1.5, 12);
    expect(out.areas[2].score).toBeCloseTo(1.2, 12);
    expect(out.areas[4].score).toBeCloseTo(2.25, 12);
    expect(out.pengungkit).toBeCloseTo(1.5 + 1.2 + 2.25, 12);
    // Hasil: 3.71/4 × 17.5 = 16.23125; 5 × ¾ = 3.75; 3.4/4 × 17.5 = 14.875.
    expect(out.ipak).toBeCloseTo(16.23125, 12);
    expect(out.capaianKinerja).toBe(3.75);
    expect(out.ipkp).toBeCloseTo(14.875, 12);
    expect(out.total).toBeCloseTo(4.95 + 16.23125 + 3.75 + 14.875, 12);
    expect(out.wbk.eligible).toBe(false);
    expect(out.wbk.unmet).toContain("pengungkit");
    expect(out.wbbm.unmet).toContain("previousPredicate");
  });

  test("reads standard input with -", async () => {
    const result = await runCli(["-"], io({}, JSON.stringify(GOOD)));
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(expectedSummary());
  });

  test("defaults to the PermenPANRB 90/2021 catalogue", async () => {
    const { catalogue: _omitted, ...rest } = GOOD;
    const result = await runCli(["-"], io({}, JSON.stringify(rest)));
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(expectedSummary());
  });

  const bad = (patch: object) => JSON.stringify({ ...GOOD, ...patch });
  test.each<[string, string[], string, string]>([
    ["unknown catalogue", ["-"], bad({ catalogue: "lke-1999" }), "catalogue: "],
    ["unknown question id", ["-"], bad({ answers: { PPZ9Z: "Ya" } }), "answers.PPZ9Z: "],
    [
      "wrong label",
      ["-"],
      bad({ answers: { PPA1B: "F" } }),
      'answers.PPA1B: label "F" tidak dikenal (pilihan: A, B, C)',
    ],
    ["IPAK index outside 1–4", ["-"], bad({ hasil: { ipak: 4.5 } }), "hasil.ipak: "],
    ["IPKP index outside 1–4", ["-"], bad({ hasil: { ipkp: 0 } }), "hasil.ipkp: "],
    ["capaian label", ["-"], bad({ hasil: { capaianKinerja: "Z" } }), "hasil.capaianKinerja: "],
    ["percentage outside 0–100", ["-"], bad({ answers: { PRA1A: 100.5 } }), "answers.PRA1A: "],
    [
      "negative count",
      ["-"],
      bad({ answers: { PRE2A: { pengaduanSelesai: -1 } } }),
      "answers.PRE2A.pengaduanSelesai: ",
    ],
    [
      "non-integer count",
      ["-"],
      bad({ answers: { PRE2A: { pengaduanSelesai: 1.5 } } }),
      "answers.PRE2A.pengaduanSelesai: ",
    ],
    ["unknown count key", ["-"], bad({ answers: { PRE2A: { selesai: 1 } } }), "answers.PRE2A.selesai: "],
    ["bad previous predicate", ["-"], bad({ previousPredicate: "ZI" }), "previousPredicate: "],
    ["malformed JSON", ["-"], '{"answers": {"PPA1A": "Ya",}', "input: JSON tidak valid"],
    ["empty input", ["-"], "", "input: JSON tidak valid"],
    ["JSON that is not an object", ["-"], "[1,2]", "input: harus berupa objek JSON"],
    ["missing argument", [], "", "argumen: "],
    ["two arguments", ["a.json", "b.json"], "", "argumen: "],
    ["unreadable file", ["missing.json"], "", "berkas: missing.json tidak dapat dibaca (ENOENT)"],
  ])("%s → exit 2, one stderr line naming the field, empty stdout", async (_name, args, stdin, prefix) => {
    const result = await runCli(args, io({}, stdin));
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr.endsWith("\n")).toBe(true);
    expect(result.stderr.split("\n")).toHaveLength(2); // one line + the final newline
    expect(result.stderr.startsWith(prefix)).toBe(true);
  });
});

describe("the real script", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "zi-score-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = (args: string[], input?: string) =>
    spawnSync(TSX, ["scripts/score.ts", ...args], { cwd: ROOT, input, encoding: "utf8", timeout: 60_000 });

  test("scores a file", () => {
    const file = path.join(dir, "good.json");
    writeFileSync(file, JSON.stringify(GOOD));
    const result = run([file]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(expectedSummary());
  }, 60_000);

  test("reads standard input with -", () => {
    const result = run(["-"], JSON.stringify(GOOD));
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(expectedSummary());
  }, 60_000);

  test("rejects a wrong label with exit code 2 and one line on stderr", () => {
    const result = run(["-"], JSON.stringify({ answers: { PPA1B: "F" } }));
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe('answers.PPA1B: label "F" tidak dikenal (pilihan: A, B, C)\n');
  }, 60_000);
});
