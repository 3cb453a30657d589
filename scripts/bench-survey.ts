/**
 * Load on the two public endpoints: `npm run bench:survey -- --url http://localhost:3000 [--token <round
 * token>] [--unit <public unit code>] [--rate 100] [--duration 30] [--only survey|pengaduan]`.
 *
 * Open model (scripts/bench/open-load.ts): requests leave at a fixed arrival rate whatever the server's speed,
 * latency counted from each request's due time. The survey rows send full answer sheets as JSON, each without
 * a device cookie, so each is stored as a new device's response; the complaint rows send the public form as
 * multipart without attachments. Without --token it opens a round for a unit of the database in DATABASE_URL
 * (the demo's Dishub, as its operator) through the real action. Every request comes from this one address, so
 * the app must run with SURVEY_MAX_PER_IP and PENGADUAN_MAX_PER_IP above the burst. Informational; not a test.
 */
import { openLoad, percentile, type LoadResult } from "./bench/open-load";

const args = process.argv.slice(2);
const opt = (name: string, fallback?: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const url = opt("url", "http://localhost:3000")!.replace(/\/$/, "");
const rate = Number(opt("rate", "100"));
const duration = Number(opt("duration", "30"));
const only = opt("only");

async function openRound(): Promise<{ token: string; unitCode: string }> {
  const { getDb } = await import("../src/server/db/client.ts");
  const { loadUser } = await import("../src/server/auth/current-user.ts");
  const { openSurveyRoundAction } = await import("../src/server/actions/survey.ts");
  const db = getDb();
  const row = await db.user.findUniqueOrThrow({ where: { email: opt("operator", "operator.dishub@contoh.go.id")! } });
  const user = await loadUser(row.id);
  const unitId = user!.assignments.find((a) => a.unitId)!.unitId!;
  const unit = await db.unit.findUniqueOrThrow({ where: { id: unitId }, select: { shortName: true } });
  const res = await openSurveyRoundAction.run(
    { unitId, title: `Uji beban ${new Date().toISOString()}` },
    { user, ip: "127.0.0.1" },
  );
  if (!res.ok) throw new Error(res.error);
  await db.$disconnect();
  return { token: res.data.token, unitCode: unit.shortName };
}

const sheet = () => {
  const pick = () => String(1 + Math.floor(Math.random() * 4));
  const body: Record<string, string> = {};
  for (const c of ["A1", "A2", "A3", "A4", "A5"]) body[`SPAK.${c}`] = pick();
  for (const c of ["K1", "K2", "K3", "K4", "K5", "K6", "K7", "K8"]) body[`SPKP.${c}`] = pick();
  return JSON.stringify(body);
};

const BOUNDARY = "----zi-bench-boundary";
const complaint = (unitCode: string, i: number) =>
  [
    ["unitCode", unitCode],
    ["subject", `Uji beban pengaduan ${i}`],
    ["description", "Antrean pelayanan terlalu lama dan petugas loket tidak ada pada jam layanan."],
  ]
    .map(([k, v]) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
    .join("") + `--${BOUNDARY}--\r\n`;

function row(name: string, r: LoadResult) {
  const ok = r.latencies.length;
  const f = (p: number) => percentile(r.latencies, p).toFixed(0);
  return `| ${name} | ${r.rate}/s × ${r.seconds} s | ${r.sent} | ${ok} | ${r.errors} | ${f(0.5)} | ${f(0.95)} | ${f(0.99)} | ${Math.max(...r.latencies, 0).toFixed(0)} |`;
}

async function main() {
  const given = opt("token");
  const opened = given ? null : await openRound();
  const token = given ?? opened!.token;
  const unitCode = opt("unit") ?? opened?.unitCode ?? "dishub";
  const rows: string[] = [];
  let failed = false;
  const check = (status: number, body: string) => (status === 201 ? null : `HTTP ${status} ${body.slice(0, 120)}`);

  if (only !== "pengaduan") {
    console.log(`POST ${url}/api/survei/<token> — ${rate}/s for ${duration} s`);
    const request = () => ({
      method: "POST" as const,
      path: `/api/survei/${token}`,
      headers: { "content-type": "application/json" },
      body: sheet(),
    });
    await openLoad({ base: url, rate: 5, seconds: 1, request, check });
    const r = await openLoad({ base: url, rate, seconds: duration, request, check });
    if (r.samples.length) console.log(`  errors, e.g. ${r.samples.join(" | ")}`);
    failed ||= r.errors > 0;
    rows.push(row("survey submit", r));
  }
  if (only !== "survey") {
    console.log(`POST ${url}/api/publik/pengaduan (unit ${unitCode}) — ${rate}/s for ${duration} s`);
    const request = (i: number) => ({
      method: "POST" as const,
      path: "/api/publik/pengaduan",
      headers: { "content-type": `multipart/form-data; boundary=${BOUNDARY}` },
      body: complaint(unitCode, i),
    });
    await openLoad({ base: url, rate: 5, seconds: 1, request, check });
    const r = await openLoad({ base: url, rate, seconds: duration, request, check });
    if (r.samples.length) console.log(`  errors, e.g. ${r.samples.join(" | ")}`);
    failed ||= r.errors > 0;
    rows.push(row("complaint submit", r));
  }
  console.log("\n| endpoint | load | sent | 201 | errors | p50 ms | p95 ms | p99 ms | max ms |");
  console.log("|---|---|---|---|---|---|---|---|---|");
  for (const r of rows) console.log(r);
  process.exit(failed ? 1 : 0);
}

void main();
