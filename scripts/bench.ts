/**
 * `npm run bench [-- --quick] [-- --scratch] [-- --port 3390] [-- --skip-lighthouse]`: the province benchmark.
 *
 * 1. Database: DATABASE_URL (PostgreSQL), or with `--scratch` / without DATABASE_URL a scratch
 *    database it creates on that (or the local) server and drops at the end. An empty database gets
 *    the province dataset (scripts/bench/province-dataset.ts, multi-row inserts); one that already
 *    holds it is reused.
 * 2. Builds the app if needed and starts the production server (scripts/start.ts) on it.
 * 3. Open-model load at fixed arrival rates (scripts/bench/open-load.ts, its own scheduler): the floor
 *    (the static sign-in page), the instansi overview, the unit scorecard, the LKE page, and answer
 *    saves by 50 assessors on 50 LKEs (the server action, as the browser posts it); then the highest
 *    rate the scorecard and the save sustain with p95 ≤ 200 ms and no errors.
 * With `--base-url http://127.0.0.1:3000` it starts no server and loads that one instead (e.g. `npm run cluster`
 * on the same DATABASE_URL, started with APP_TODAY=<year>-04-15 so the saves fall in the fill window).
 * 4. From the build, the first-load JS of every route (gzip, scripts/bench/first-load-js.ts); after the
 *    load, Lighthouse's performance score of the scorecard, signed in (scripts/bench/lighthouse.ts).
 * Prints the tables, a `FRONTEND …` line and ends with one `BENCH …` line. The other benchmarks run on their own:
 * `npx tsx scripts/bench-scoring.ts`, `npm run bench:pages`, `npm run bench:survey`.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { getCatalogue } from "../src/domain/catalogue/registry";
import { ensureBuild } from "./build";
import { BENCH_PASSWORD, BENCH_SUPERADMIN, generateProvince } from "./bench/province-dataset";
import { openLoad, percentile, type LoadRequest, type LoadResult } from "./bench/open-load";
import { actionId, actionRequest, signIn, startAppServer, type AppServer } from "./bench/app-server";
import { firstLoadJs, heaviestChunks } from "./bench/first-load-js";

const { values: args } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    scratch: { type: "boolean", default: false },
    port: { type: "string", default: process.env.BENCH_PORT ?? "3390" },
    "skip-lighthouse": { type: "boolean", default: false },
    "base-url": { type: "string" },
  },
});
const quick = args.quick!;
const port = Number(args.port);
const target = args["base-url"]?.replace(/\/$/, "");
const base = target ?? `http://127.0.0.1:${port}`;
const year = new Date().getFullYear();
const P95_LIMIT_MS = 200;
const FIRST_LOAD_LIMIT_KB = 180;

const plan = quick
  ? {
      instansi: 2,
      units: 125,
      years: 1,
      seconds: 3,
      pageRate: 5,
      saveRate: 25,
      rampSeconds: 2,
      scorecardRamp: [5, 10],
      saveRamp: [25, 50],
    }
  : {
      instansi: 30,
      units: 100,
      years: 3,
      seconds: 20,
      pageRate: 10,
      saveRate: 25,
      rampSeconds: 10,
      scorecardRamp: [10, 20, 30, 40, 60, 80, 120, 160],
      saveRamp: [25, 50, 75, 100, 150, 200, 300, 400],
    };

const log = (line: string) => console.log(line);

function withDatabase(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function adminQuery(url: string, sql: string) {
  const client = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A server started elsewhere (--base-url): wait until it serves the sign-in page. */
async function waitForServer(timeoutMs: number) {
  const t0 = Date.now();
  while (Date.now() - t0 < timeoutMs) {
    try {
      if ((await fetch(`${base}/masuk`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${base} did not answer in time`);
}

interface Row {
  name: string;
  result: LoadResult;
}

const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "—");

function printTable(rows: Row[], floorP95: number) {
  const head = ["", "rate/s", "sent", "p50 ms", "p95 ms", "p99 ms", "errors", "p95 ÷ floor"];
  const lines = rows.map(({ name, result: r }) => {
    const p95 = percentile(r.latencies, 0.95);
    return [
      name,
      String(r.rate),
      String(r.sent),
      fmt(percentile(r.latencies, 0.5)),
      fmt(p95),
      fmt(percentile(r.latencies, 0.99)),
      String(r.errors),
      fmt(p95 / floorP95),
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  log(line(head));
  log(widths.map((w) => "─".repeat(w)).join("  "));
  for (const l of lines) log(line(l));
}

async function main() {
  const t0 = Date.now();
  // 1. The database.
  let url = process.env.DATABASE_URL;
  let scratch: string | null = null;
  if (target && (!url || args.scratch)) throw new Error("--base-url needs DATABASE_URL: the database of that server");
  if (!url || args.scratch) {
    const server = url ?? "postgres://postgres@127.0.0.1:5432/postgres";
    const baseName = url ? decodeURIComponent(new URL(url).pathname.slice(1)) : "zi";
    scratch = `${baseName}_bench_${randomBytes(3).toString("hex")}`;
    await adminQuery(server, `CREATE DATABASE "${scratch}"`);
    url = withDatabase(server, scratch);
    log(`Basis data sementara: ${scratch}`);
  }
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  let server: AppServer | null = null;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "zi-bench-"));
  try {
    const existing = await pool.query(`SELECT to_regclass('"Unit"') IS NOT NULL AS ok`);
    const populated =
      existing.rows[0].ok && Number((await pool.query(`SELECT count(*) FROM "Unit"`)).rows[0].count) > 0;
    if (populated) log("Dataset sudah ada di basis data ini: dipakai ulang.");
    else {
      log(`Membuat dataset provinsi: ${plan.instansi} instansi × ${plan.units} unit × ${plan.years} tahun…`);
      const d = await generateProvince(url, {
        instansi: plan.instansi,
        unitsPerInstansi: plan.units,
        years: plan.years,
        year,
        log: quick ? undefined : log,
      });
      log(
        `Dataset: ${d.units} unit, ${d.users} pengguna, ${d.assessments} LKE, ${d.answers} jawaban, ${d.evidence} bukti, ${d.audit} log audit dalam ${d.seconds.toFixed(0)} s`,
      );
    }
    const count = async (table: string) => Number((await pool.query(`SELECT count(*) FROM "${table}"`)).rows[0].count);
    const size = {
      units: await count("Unit"),
      answers: await count("Answer"),
      evidence: await count("Evidence"),
      audit: await count("AuditLog"),
    };

    // What the load touches: one instansi's admin, a unit and its LKE, and 50 assessors on 50 open LKEs.
    const first = (
      await pool.query(
        `SELECT i.id, u.email FROM "Instansi" i JOIN "User" u ON u."instansiId" = i.id JOIN "RoleAssignment" r ON r."userId" = u.id AND r.role = 'ADMIN' ORDER BY i.name LIMIT 1`,
      )
    ).rows[0];
    const unit = (
      await pool.query(
        `SELECT u.id AS "unitId", a.id AS "assessmentId", (SELECT count(*) FROM "Unit" x WHERE x."instansiId" = u."instansiId") AS units FROM "Unit" u JOIN "Assessment" a ON a."unitId" = u.id JOIN "Periode" p ON p.id = a."periodeId" AND p.status = 'BERJALAN' WHERE u."instansiId" = $1 ORDER BY u."shortName" LIMIT 1`,
        [first.id],
      )
    ).rows[0];
    const assessors = (
      await pool.query(
        `SELECT a.id AS "assessmentId", us.email, p."catalogueId" FROM "Assessment" a JOIN "Periode" p ON p.id = a."periodeId" AND p.status = 'BERJALAN'
         JOIN "RoleAssignment" r ON r."unitId" = a."unitId" AND r.role = 'OPERATOR_OPD' JOIN "User" us ON us.id = r."userId"
         WHERE a.status = 'DRAFT' ORDER BY us.email LIMIT 50`,
      )
    ).rows as { assessmentId: string; email: string; catalogueId: string }[];
    if (assessors.length < 50) throw new Error(`only ${assessors.length} open LKEs with an operator (need 50)`);

    // 2. Build and start the production server (unless one is given).
    const tb = Date.now();
    await ensureBuild();
    log(`Build siap dalam ${((Date.now() - tb) / 1000).toFixed(0)} s`);
    const js = firstLoadJs();
    const kb = (bytes: number) => bytes / 1024;
    const over = js.filter((r) => kb(r.gzipBytes) > FIRST_LOAD_LIMIT_KB);
    log(`\nJS muatan pertama per rute (gzip), target ≤ ${FIRST_LOAD_LIMIT_KB} kB:`);
    for (const r of js)
      log(
        `  ${kb(r.gzipBytes).toFixed(1).padStart(6)} kB  ${kb(r.gzipBytes) > FIRST_LOAD_LIMIT_KB ? "✗" : "✓"}  ${r.route}`,
      );
    for (const r of over.slice(0, 5)) {
      const parts = heaviestChunks(r, js)
        .map((c) => `${c.file} ${kb(c.gzipBytes).toFixed(1)} kB (${c.owners.slice(0, 3).join(", ") || "—"})`)
        .join("; ");
      log(`  ${r.route}: terbesar di luar yang dipakai semua rute: ${parts}`);
    }
    if (target) await waitForServer(120_000);
    else
      server = await startAppServer({
        port,
        databaseUrl: url,
        dataDir,
        // A day in the fill window (Jan–Apr), so the assessors' saves are allowed.
        env: { APP_TODAY: `${year}-04-15` },
      });

    const admin = await signIn(base, first.email, BENCH_PASSWORD);
    const superadmin = await signIn(base, BENCH_SUPERADMIN, BENCH_PASSWORD);
    const sessions: string[] = [];
    for (const a of assessors) sessions.push(await signIn(base, a.email, BENCH_PASSWORD));

    const page = (p: string, cookie: string | null) => (): LoadRequest => ({
      path: p,
      headers: cookie ? { cookie } : {},
    });
    const rows: Row[] = [];
    const run = async (
      name: string,
      rate: number,
      seconds: number,
      request: (i: number) => LoadRequest,
      check?: (status: number, body: string, i: number) => string | null,
    ) => {
      // A short warm-up at a low rate, not recorded.
      await openLoad({ base, rate: Math.min(rate, 5), seconds: 1, request, check });
      const result = await openLoad({ base, rate, seconds, request, check });
      if (result.samples.length) log(`  ${name}: ${result.errors} galat, mis. ${result.samples[0]}`);
      return result;
    };

    // Saves: assessor k takes the k-th LKE and cycles through option questions, keeping each
    // answer's version from the server's reply, flipping the answer each time.
    const saveId = actionId("saveSelfAnswerAction");
    const questions = new Map<string, { code: string; labels: string[] }[]>();
    const state = await Promise.all(
      assessors.map(async (a) => {
        if (!questions.has(a.catalogueId)) {
          questions.set(
            a.catalogueId,
            getCatalogue(a.catalogueId)
              .questions.filter((q) => q.answerType !== "PERSENTASE" && q.options.length >= 2)
              .slice(0, 40)
              .map((q) => ({ code: q.id, labels: q.options.map((o) => o.label) })),
          );
        }
        const versions = new Map<string, number>();
        for (const r of (
          await pool.query(
            `SELECT q.code, an.version FROM "Answer" an JOIN "LkeQuestion" q ON q.id = an."questionId" WHERE an."assessmentId" = $1 AND an.layer = 'SELF'`,
            [a.assessmentId],
          )
        ).rows)
          versions.set(r.code, r.version);
        return { ...a, versions, next: 0, flips: 0 };
      }),
    );
    const pending = new Map<number, { k: number; code: string }>();
    const saveRequest = (i: number) => {
      const k = i % state.length;
      const s = state[k];
      const qs = questions.get(s.catalogueId)!;
      const q = qs[s.next++ % qs.length];
      const value = q.labels[s.flips++ % 2];
      pending.set(i, { k, code: q.code });
      return actionRequest(base, `/penilaian/${s.assessmentId}`, saveId, sessions[k], [
        {
          assessmentId: s.assessmentId,
          questionCode: q.code,
          value,
          catatan: "Sesuai dokumen pendukung",
          version: s.versions.get(q.code) ?? 0,
        },
      ]);
    };
    const saveCheck = (status: number, body: string, i: number) => {
      const p = pending.get(i)!;
      pending.delete(i);
      if (status !== 200) return `HTTP ${status}`;
      const ok = body.match(/"ok":true,"data":\{"version":(\d+)/);
      if (!ok) return body.match(/"error":"([^"]+)"/)?.[1] ?? "no action result";
      state[p.k].versions.set(p.code, Number(ok[1]));
      return null;
    };

    log(`\nBeban terbuka (laju kedatangan tetap), ${plan.seconds} s per baris; ${unit.units} unit di ikhtisar.`);
    rows.push({
      name: "floor: GET /masuk (static)",
      result: await run("floor", plan.pageRate, plan.seconds, page("/masuk", null)),
    });
    rows.push({
      name: `overview: GET /ikhtisar (${unit.units} units)`,
      result: await run("overview", plan.pageRate, plan.seconds, page("/ikhtisar", admin)),
    });
    rows.push({
      name: `roll-up: GET /provinsi (${size.units} units)`,
      result: await run("rollup", plan.pageRate, plan.seconds, page("/provinsi", superadmin)),
    });
    rows.push({
      name: "scorecard: GET /rapor/<unit>",
      result: await run("scorecard", plan.pageRate, plan.seconds, page(`/rapor/${unit.unitId}`, admin)),
    });
    rows.push({
      name: "LKE page: GET /penilaian/<id>",
      result: await run("lke", plan.pageRate, plan.seconds, page(`/penilaian/${unit.assessmentId}`, admin)),
    });
    rows.push({
      name: "save: 50 assessors, 50 LKEs",
      result: await run("save", plan.saveRate, plan.seconds, saveRequest, saveCheck),
    });
    const fixed = [...rows];

    // The highest rate with p95 ≤ 200 ms and no errors, stepping up until one fails.
    const ramp = async (
      name: string,
      rates: number[],
      request: Parameters<typeof run>[3],
      check?: Parameters<typeof run>[4],
    ) => {
      let best = 0;
      for (const rate of rates) {
        const result = await run(`${name} @${rate}`, rate, plan.rampSeconds, request, check);
        rows.push({ name: `${name} ramp @${rate}/s`, result });
        if (result.errors > 0 || !(percentile(result.latencies, 0.95) <= P95_LIMIT_MS)) break;
        best = rate;
      }
      return best;
    };
    const scorecardMax = await ramp("scorecard", plan.scorecardRamp, page(`/rapor/${unit.unitId}`, admin));
    const saveMax = await ramp("save", plan.saveRamp, saveRequest, saveCheck);

    // Last, so the browser does not compete with the measured load.
    let lighthouse = -1;
    if (args["skip-lighthouse"]) log("\nLighthouse dilewati (--skip-lighthouse).");
    else {
      try {
        // Loaded only when used: Lighthouse is large and the quick run skips it.
        const { lighthouseScore } = await import("./bench/lighthouse");
        const lh = await lighthouseScore(`${base}/rapor/${unit.unitId}`, admin);
        lighthouse = lh.score;
        const m = lh.metrics;
        log(
          `\nLighthouse (performa, rapor unit, profil seluler bawaan): ${lh.score} — FCP ${fmt(m.fcp)} ms, LCP ${fmt(m.lcp)} ms, TBT ${fmt(m.tbt)} ms, CLS ${m.cls.toFixed(3)}, SI ${fmt(m.si)} ms`,
        );
        for (const o of lh.opportunities.slice(0, 6))
          log(`  ${o.title}${o.display ? `: ${o.display}` : ""}${o.savingsMs ? ` (hemat ±${o.savingsMs} ms)` : ""}`);
      } catch (e) {
        log(`\nLighthouse gagal: ${(e as Error).message}`);
      }
    }

    const p95 = (r: Row) => percentile(r.result.latencies, 0.95);
    const floorP95 = p95(fixed[0]);
    log("");
    printTable(rows, floorP95);
    const ms = (n: number) => (Number.isFinite(n) ? String(Math.round(n)) : "-1");
    const errors = fixed.reduce((s, r) => s + r.result.errors, 0);
    log(
      `\nDataset: ${size.units} unit, ${size.answers} jawaban, ${size.evidence} bukti, ${size.audit} log audit. Waktu total ${((Date.now() - t0) / 1000).toFixed(0)} s.`,
    );
    log(
      `Tertinggi dengan p95 ≤ ${P95_LIMIT_MS} ms tanpa galat: rapor ${scorecardMax}/s, simpan ${saveMax}/s (dari tangga ${plan.scorecardRamp.join(",")} / ${plan.saveRamp.join(",")}).`,
    );
    log("errors = galat pada enam baris laju tetap.");
    log(
      `FRONTEND first_load_js_max_kb=${Math.round(kb(js[0]?.gzipBytes ?? 0))} routes_over_${FIRST_LOAD_LIMIT_KB}kb=${over.length} lighthouse_scorecard=${lighthouse}`,
    );
    log(
      `BENCH units=${size.units} answers=${size.answers} floor_p95_ms=${ms(floorP95)} overview_p95_ms=${ms(p95(fixed[1]))} rollup_p95_ms=${ms(p95(fixed[2]))} scorecard_p95_ms=${ms(p95(fixed[3]))} lke_p95_ms=${ms(p95(fixed[4]))} save_p95_ms=${ms(p95(fixed[5]))} save_max_rps=${saveMax} errors=${errors}`,
    );
  } finally {
    await server?.stop();
    await pool.end();
    rmSync(dataDir, { recursive: true, force: true });
    if (scratch) await adminQuery(url!, `DROP DATABASE IF EXISTS "${scratch}" WITH (FORCE)`);
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
