/**
 * Server time of the dashboards: `npm run bench:pages -- [runs]` (loads scripts/server-only-off.mjs: it calls request-side modules directly).
 *
 * Default: opens a fresh in-memory database with the demo data and times the pages' data functions
 * (overview, scorecard, timeline, role homes) N times each, counting the SQL statements every call
 * sends. With `--url http://localhost:3000` it instead signs in to a running app and times the
 * rendered pages over HTTP (full response, server-side rendering included).
 * Prints mean / p50 / p95 / max per row. Informational; not a timed test.
 */
import { performance } from "node:perf_hooks";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const args = process.argv.slice(2);
const urlIndex = args.indexOf("--url");
const baseUrl = urlIndex >= 0 ? args[urlIndex + 1] : null;
const runs = Number(args.find((a, i) => /^\d+$/.test(a) && args[i - 1] !== "--url") ?? 50);
const WARMUP = 5;

interface Row {
  name: string;
  samples: number[];
  statements?: number;
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
  return {
    mean: samples.reduce((s, x) => s + x, 0) / samples.length,
    p50: at(0.5),
    p95: at(0.95),
    max: sorted[sorted.length - 1],
  };
}

function print(rows: Row[], title: string) {
  console.log(`\n${title} — ${runs} runs each after ${WARMUP} warm-up runs; node ${process.version}\n`);
  const counted = rows.some((r) => r.statements !== undefined);
  const head = ["", "mean ms", "p50 ms", "p95 ms", "max ms", ...(counted ? ["SQL statements"] : [])];
  const lines = rows.map((r) => {
    const s = stats(r.samples);
    return [
      r.name,
      s.mean.toFixed(1),
      s.p50.toFixed(1),
      s.p95.toFixed(1),
      s.max.toFixed(1),
      ...(counted ? [r.statements === undefined ? "—" : String(r.statements)] : []),
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  console.log(fmt(head));
  console.log(widths.map((w) => "─".repeat(w)).join("  "));
  for (const l of lines) console.log(fmt(l));
}

async function time(name: string, fn: () => Promise<unknown>, countStatements?: () => number): Promise<Row> {
  for (let i = 0; i < WARMUP; i++) await fn();
  const before = countStatements?.() ?? 0;
  await fn();
  const statements = countStatements ? countStatements() - before : undefined;
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return { name, samples, statements };
}

async function benchDataFunctions() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "zi-bench-"));
  process.env.DATA_DIR = dataDir;
  const { openDatabase } = await import("../src/server/db/connect");
  const { migrate } = await import("../src/server/db/migrate");
  const { seed } = await import("../prisma/seed");
  const { getOverview } = await import("../src/server/queries/overview");
  const { getScorecard } = await import("../src/server/queries/scorecard");
  const { getTimeline } = await import("../src/server/queries/timeline");
  const { getReviewQueue, getUnitDesk } = await import("../src/server/queries/home");
  const { loadAssessmentView } = await import("../src/server/queries/assessments");
  const { saveSelfAnswerAction } = await import("../src/server/actions/lke-answers");
  const { loadUser } = await import("../src/server/auth/current-user");

  const t0 = performance.now();
  const db = await openDatabase({ memory: true });
  await migrate(db.runner);
  await seed(db.prisma);
  console.log(`Seeded an in-memory database in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  globalThis.__ziPglite = db.pglite;
  globalThis.__ziPrisma = db.prisma;

  // Count every statement the app's client sends to the embedded database.
  let statements = 0;
  const pglite = db.pglite!;
  const query = pglite.query.bind(pglite);
  pglite.query = ((...a: Parameters<typeof query>) => {
    statements++;
    return query(...a);
  }) as typeof pglite.query;
  const counted = () => statements;

  const principal = async (email: string) => {
    const u = await db.prisma.user.findUniqueOrThrow({ where: { email }, include: { roles: true } });
    return {
      id: u.id,
      instansiId: u.instansiId,
      assignments: u.roles.map((r) => ({ role: r.role, unitId: r.unitId })),
    };
  };
  const admin = await principal("admin@contoh.go.id");
  const tpi = await principal("tpi@contoh.go.id");
  const periode = await db.prisma.periode.findFirstOrThrow({ where: { status: "BERJALAN" } });
  const unit = async (shortName: string) => (await db.prisma.unit.findFirstOrThrow({ where: { shortName } })).id;
  const [disdukcapil, rsud, dindikbud, dinkes] = await Promise.all(
    ["Disdukcapil", "RSUD", "Dindikbud", "Dinkes"].map(unit),
  );
  const today = `${periode.year}-10-15`;
  const units = await db.prisma.unit.count({ where: { instansiId: admin.instansiId, active: true } });

  const rows = [
    await time(`getOverview (${units} units)`, () => getOverview(admin, periode.id, today), counted),
    await time(
      "getScorecard Disdukcapil (SELF, in review)",
      () => getScorecard(admin, disdukcapil, periode.year),
      counted,
    ),
    await time("getScorecard RSUD (TPI, finalised)", () => getScorecard(admin, rsud, periode.year), counted),
    await time("getScorecard Dindikbud (30 % answered)", () => getScorecard(admin, dindikbud, periode.year), counted),
    await time("getTimeline", () => getTimeline(admin, periode.id, today), counted),
    await time("getUnitDesk Dinkes (operator/head home)", () => getUnitDesk(admin, dinkes, periode.id, today), counted),
    await time("getReviewQueue (TPI home)", () => getReviewQueue(tpi, periode.id), counted),
    ...(await lkeRows()),
  ];
  // The LKE page of one area, and one answer saved (validation, version check, audit, rescoring).
  async function lkeRows() {
    const dinkesLke = await db.prisma.assessment.findFirstOrThrow({ where: { unitId: dinkes, periodeId: periode.id } });
    const operator = (await loadUser(
      (await db.prisma.user.findUniqueOrThrow({ where: { email: "operator.dinkes@contoh.go.id" } })).id,
    ))!;
    const answer = await db.prisma.answer.findFirstOrThrow({
      where: { assessmentId: dinkesLke.id, layer: "SELF", question: { code: "PPA1B" } },
    });
    let version = answer.version;
    let flip = false;
    return [
      await time(
        "loadAssessmentView Dinkes, area A (LKE page)",
        () => loadAssessmentView(operator, dinkesLke.id, "PENGUNGKIT.A"),
        counted,
      ),
      await time(
        "saveSelfAnswerAction (one answer, rescored)",
        async () => {
          flip = !flip;
          const r = await saveSelfAnswerAction.run(
            {
              assessmentId: dinkesLke.id,
              questionCode: "PPA1B",
              value: flip ? "A" : "B",
              catatan: "Bench: anggota tim dipilih melalui rapat",
              version,
            },
            { user: operator, ip: null },
          );
          if (!r.ok) throw new Error(r.error);
          version = r.data.version;
        },
        counted,
      ),
    ];
  }
  print(rows, "Data functions on embedded PGlite (in memory)");
  await db.close();
  rmSync(dataDir, { recursive: true, force: true });
}

async function benchHttp(base: string) {
  const jar = new Map<string, string>();
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair.indexOf("=");
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
  };
  const get = async (p: string) => {
    const res = await fetch(base + p, { headers: { cookie: cookieHeader() }, redirect: "manual" });
    const body = await res.text();
    if (res.status !== 200) throw new Error(`${p}: HTTP ${res.status}`);
    return body;
  };
  const signIn = async (identifier: string) => {
    jar.clear();
    const csrfRes = await fetch(`${base}/api/auth/csrf`);
    keep(csrfRes);
    const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
    const res = await fetch(`${base}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader() },
      body: new URLSearchParams({ csrfToken, identifier, password: "Integritas#2026", json: "true" }),
      redirect: "manual",
    });
    keep(res);
    if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`sign-in failed for ${identifier}`);
  };

  await signIn("admin@contoh.go.id");
  const overviewHtml = await get("/ikhtisar");
  // The scorecard of the demo's unit with the most answers and evidence (Disdukcapil), else the first one.
  const rapor =
    overviewHtml.match(/data-unit="Disdukcapil".*?href="(\/rapor\/[^"]+)"/s)?.[1] ??
    overviewHtml.match(/href="(\/rapor\/[^"]+)"/)?.[1];
  if (!rapor) throw new Error("no scorecard links on /ikhtisar");
  const rows = [
    await time("GET /ikhtisar (admin)", () => get("/ikhtisar")),
    await time("GET /rapor/<Disdukcapil> (admin)", () => get(rapor)),
    await time("GET /linimasa (admin)", () => get("/linimasa")),
    await time("GET / (admin home)", () => get("/")),
  ];
  await signIn("kepala.disdukcapil@contoh.go.id");
  rows.push(await time("GET / (head home)", () => get("/")));
  print(rows, `Rendered pages over HTTP at ${base}`);
}

if (baseUrl) await benchHttp(baseUrl.replace(/\/$/, ""));
else await benchDataFunctions();
