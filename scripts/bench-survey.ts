/**
 * Load on the public survey answer endpoint: `npm run bench:survey -- --url http://localhost:3000
 * [--token <round token>] [--rate 100] [--duration 30] [--connections 100]`.
 *
 * Sends full answer sheets as JSON at a fixed overall rate (autocannon), each without a device cookie, so
 * each is stored as a new device's response. Without --token it opens a round for a unit of the database in
 * DATABASE_URL (the demo's Dishub, as its operator) through the real action. The app must run with a
 * SURVEY_MAX_PER_IP above the burst (every request comes from this one address). Informational; not a test.
 */
import autocannon from "autocannon";

const args = process.argv.slice(2);
const opt = (name: string, fallback?: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const url = opt("url", "http://localhost:3000")!.replace(/\/$/, "");
const rate = Number(opt("rate", "100"));
const duration = Number(opt("duration", "30"));

async function openRound(): Promise<string> {
  const { getDb } = await import("../src/server/db/client.ts");
  const { loadUser } = await import("../src/server/auth/current-user.ts");
  const { openSurveyRoundAction } = await import("../src/server/actions/survey.ts");
  const db = getDb();
  const row = await db.user.findUniqueOrThrow({ where: { email: opt("operator", "operator.dishub@contoh.go.id")! } });
  const user = await loadUser(row.id);
  const unitId = user!.assignments.find((a) => a.unitId)!.unitId!;
  const res = await openSurveyRoundAction.run(
    { unitId, title: `Uji beban ${new Date().toISOString()}`, minRespondents: 30 },
    { user, ip: "127.0.0.1" },
  );
  if (!res.ok) throw new Error(res.error);
  await db.$disconnect();
  return res.data.token;
}

const sheet = () => {
  const pick = () => String(1 + Math.floor(Math.random() * 4));
  const body: Record<string, string> = {};
  for (const c of ["A1", "A2", "A3", "A4", "A5"]) body[`SPAK.${c}`] = pick();
  for (const c of ["K1", "K2", "K3", "K4", "K5", "K6", "K7", "K8"]) body[`SPKP.${c}`] = pick();
  return JSON.stringify(body);
};

async function main() {
  const token = opt("token") ?? (await openRound());
  console.log(`POST ${url}/api/survei/${token} — ${rate} requests/s for ${duration} s`);
  const statuses: Record<string, number> = {};
  const result = await autocannon({
    url,
    connections: Number(opt("connections", "100")),
    overallRate: rate,
    duration,
    requests: [
      {
        method: "POST",
        path: `/api/survei/${token}`,
        headers: { "content-type": "application/json" },
        setupRequest: (req) => ({ ...req, body: sheet() }),
        onResponse: (status) => {
          statuses[status] = (statuses[status] ?? 0) + 1;
        },
      },
    ],
  });
  const l = result.latency;
  console.log(
    `requests ${result.requests.total} (${result.requests.average.toFixed(1)}/s), errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx}`,
  );
  console.log(`status codes ${JSON.stringify(statuses)}`);
  console.log(`latency ms: mean ${l.average.toFixed(1)}, p50 ${l.p50}, p97.5 ${l.p97_5}, p99 ${l.p99}, max ${l.max}`);
  process.exit(result.errors || result.non2xx || result.timeouts ? 1 : 0);
}

void main();
