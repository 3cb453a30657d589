import { spawnSync } from "node:child_process";
import net from "node:net";
import { expect, test } from "vitest";

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

// The quick benchmark end to end: scratch database, dataset, production server, open-model load,
// and the one summary line other tools parse.
test("npm run bench -- --quick prints a BENCH line with the dataset's size and every figure, and first-load JS per route", async () => {
  const port = await freePort();
  const r = spawnSync(
    process.execPath,
    ["--import", "tsx", "scripts/bench.ts", "--quick", "--scratch", "--skip-lighthouse", "--port", String(port)],
    {
      encoding: "utf8",
      env: { ...process.env },
      timeout: 280_000,
    },
  );
  const out = r.stdout ?? "";
  expect(r.status, `${out.slice(-3000)}\n${r.stderr?.slice(-3000)}`).toBe(0);
  const lines = out.trim().split("\n");
  const last = lines[lines.length - 1];
  const m = last.match(
    /^BENCH units=(\d+) answers=(\d+) floor_p95_ms=(\d+) overview_p95_ms=(\d+) rollup_p95_ms=(\d+) scorecard_p95_ms=(\d+) lke_p95_ms=(\d+) save_p95_ms=(\d+) save_max_rps=(\d+) errors=(\d+)$/,
  );
  expect(m, last).not.toBeNull();
  const [, units, answers, floor, overview, rollup, scorecard, lke, save, , errors] = m!.map(Number);
  // 2 instansi × 125 units × 1 year × 110 questions × 2 layers.
  expect(units).toBe(250);
  expect(answers).toBe(55_000);
  for (const p95 of [floor, overview, rollup, scorecard, lke, save]) expect(p95).toBeGreaterThan(0);
  expect(errors).toBe(0);
  expect(out).toMatch(/p95 ms/);
  // First-load JS from the build: every page route, the scorecard among them; Lighthouse skipped here.
  expect(out).toMatch(/^ +\d+\.\d kB +[✓✗] +\/rapor\/\[unitId\]$/m);
  const frontend = out.match(/^FRONTEND first_load_js_max_kb=(\d+) routes_over_180kb=(\d+) lighthouse_scorecard=-1$/m);
  expect(frontend, out.slice(-3000)).not.toBeNull();
  expect(Number(frontend![1])).toBeGreaterThan(50);
}, 300_000);
