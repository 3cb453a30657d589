import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { getCatalogue } from "@/domain/catalogue/registry";
import { openDatabase, type DatabaseHandle } from "@/server/db/connect";
import { UNAVAILABLE_MESSAGE } from "@/server/errors";
import { DEMO_PASSWORD } from "../../prisma/seed";
import { actionId, actionRequest, signIn, startAppServer, type AppServer } from "../../scripts/bench/app-server";
import { openLoad } from "../../scripts/bench/open-load";
import { ensureBuild } from "../../scripts/build";
import { engineScores, storedScores } from "./engine-scores";
import { freePort, startPrivatePostgres, type PrivatePostgres } from "./private-postgres";

// The production server on a PostgreSQL of the test's own, which is stopped hard in the middle of a
// steady stream of answer saves and started again: while it is down every save gets the typed,
// retryable UNAVAILABLE reply (never a generic failure), nothing is half-written, and the same server
// process serves saves again shortly after the database is back.
const RATE = 10; // saves per second
const SECONDS = 16;
const DOWN_AT_MS = 3_000;
const DOWN_FOR_MS = 4_000;
const RECOVERY_LIMIT_MS = 5_000;
const year = new Date().getFullYear();

let pg: PrivatePostgres | undefined;
let server: AppServer | undefined;
let db: DatabaseHandle | undefined;
const dataDir = mkdtempSync(path.join(os.tmpdir(), "zi-fault-"));

beforeAll(async () => {
  // The build is shared with the other tests that start the server; it is not part of the fault's time.
  await ensureBuild();
}, 600_000);

afterAll(async () => {
  await server?.stop();
  await db?.close();
  pg?.destroy();
  rmSync(dataDir, { recursive: true, force: true });
});

interface Outcome {
  assessmentId: string;
  code: string;
  value: string;
  sentAt: number;
  doneAt: number;
  kind: "ok" | "unavailable" | "other";
  version?: number;
  detail?: string;
}

test("PostgreSQL stopped during the save load: typed retryable errors, nothing half-written, recovery without a restart", async () => {
  const t0 = Date.now();
  pg = await startPrivatePostgres();
  const admin = await openDatabase({ url: pg.url() });
  await admin.runner.exec(`CREATE DATABASE zi`);
  await admin.close();
  server = await startAppServer({
    port: await freePort(),
    databaseUrl: pg.url("zi"),
    dataDir,
    // The server migrates and seeds the demo instansi itself; "today" is a day the units may fill their LKE.
    env: { SEED_DEMO: "1", ALLOW_DEMO: "1", APP_TODAY: `${year}-10-15` },
  });
  const base = server.base;
  db = await openDatabase({ url: pg.url("zi") });
  const prisma = db.prisma;
  const tStarted = Date.now();

  // Each save changes a different answer that is already complete (value and catatan), so no save
  // re-renders the page and each answer's outcome stands on its own.
  const open = await prisma.assessment.findMany({
    where: { status: "DRAFT", periode: { status: "BERJALAN" } },
    select: {
      id: true,
      periode: { select: { catalogueId: true } },
      unit: { select: { roles: { where: { role: "OPERATOR_OPD" }, select: { user: { select: { email: true } } } } } },
      answers: {
        where: { layer: "SELF", optionLabel: { not: null }, catatan: { not: null } },
        select: { id: true, version: true, optionLabel: true, question: { select: { code: true } } },
      },
    },
  });
  const total = RATE * SECONDS;
  const pairs: { assessmentId: string; k: number; code: string; value: string; answerId: string; version: number }[] =
    [];
  const cookies: string[] = [];
  for (const a of open) {
    const email = a.unit.roles[0]?.user.email;
    if (!email) continue;
    const catalogue = getCatalogue(a.periode.catalogueId);
    const k = cookies.length;
    cookies.push(await signIn(base, email, DEMO_PASSWORD));
    for (const row of a.answers) {
      const q = catalogue.questions.find((x) => x.id === row.question.code)!;
      if (q.answerType === "PERSENTASE" || q.options.length < 2) continue;
      const value = q.options.map((o) => o.label).find((l) => l !== row.optionLabel)!;
      pairs.push({ assessmentId: a.id, k, code: q.id, value, answerId: row.id, version: row.version });
    }
  }
  expect(pairs.length).toBeGreaterThanOrEqual(total);
  // Spread over the LKEs: request i takes the i-th pair of an interleaving by LKE.
  pairs.sort((x, y) => x.k - y.k);
  const byLke = new Map<number, typeof pairs>();
  for (const p of pairs) byLke.set(p.k, [...(byLke.get(p.k) ?? []), p]);
  const plan: typeof pairs = [];
  for (let round = 0; plan.length < total; round++)
    for (const list of byLke.values()) if (list[round] && plan.length < total) plan.push(list[round]);
  expect(plan).toHaveLength(total);
  const auditsBefore = await auditCounts(
    db,
    plan.map((p) => p.answerId),
  );

  // Each LKE page once, so the first timed saves do not pay for the server's first render.
  for (const [k, list] of byLke) {
    const res = await fetch(`${base}/penilaian/${list[0].assessmentId}`, { headers: { cookie: cookies[k] } });
    expect(res.status).toBe(200);
  }
  const saveId = actionId("saveSelfAnswerAction");
  const outcomes: Outcome[] = [];
  const sentAt = new Map<number, number>();
  const start = performance.now();
  const load = openLoad({
    base,
    rate: RATE,
    seconds: SECONDS,
    timeoutMs: 15_000,
    request: (i) => {
      const p = plan[i];
      sentAt.set(i, performance.now() - start);
      return actionRequest(base, `/penilaian/${p.assessmentId}`, saveId, cookies[p.k], [
        {
          assessmentId: p.assessmentId,
          questionCode: p.code,
          value: p.value,
          catatan: "Sesuai dokumen",
          version: p.version,
        },
      ]);
    },
    check: (status, body, i) => {
      const p = plan[i];
      const o: Outcome = {
        assessmentId: p.assessmentId,
        code: p.code,
        value: p.value,
        sentAt: sentAt.get(i)!,
        doneAt: performance.now() - start,
        kind: "other",
        detail: `HTTP ${status}: ${body.slice(0, 300)}`,
      };
      const ok = body.match(/"ok":true,"data":\{"version":(\d+)/);
      const down = body.match(/"ok":false,"code":"UNAVAILABLE","error":"([^"]+)"/);
      if (status === 200 && ok) Object.assign(o, { kind: "ok", version: Number(ok[1]), detail: undefined });
      else if (status === 200 && down?.[1] === UNAVAILABLE_MESSAGE) Object.assign(o, { kind: "unavailable" });
      outcomes[i] = o;
      return o.kind === "ok" ? null : o.kind;
    },
  });
  await new Promise((r) => setTimeout(r, DOWN_AT_MS));
  const stoppingAt = performance.now() - start;
  await pg.stop("immediate");
  const downAt = performance.now() - start;
  await new Promise((r) => setTimeout(r, DOWN_FOR_MS));
  await pg.start();
  const upAt = performance.now() - start;
  await load;

  const count = (kind: Outcome["kind"]) => outcomes.filter((o) => o.kind === kind).length;
  const firstOk = outcomes.find((o) => o.sentAt >= upAt && o.kind === "ok");
  const recoveryMs = firstOk ? firstOk.sentAt - upAt : Number.NaN;
  console.log(
    `fault: ${count("ok")} saved, ${count("unavailable")} UNAVAILABLE, ${count("other")} other; database stopped at ` +
      `${(stoppingAt / 1000).toFixed(1)} s, down ${((upAt - downAt) / 1000).toFixed(1)} s, first save back ` +
      `${(recoveryMs / 1000).toFixed(2)} s after its restart; setup ${((tStarted - t0) / 1000).toFixed(0)} s`,
  );

  // Every reply is either a landed save or the typed retryable error with its Indonesian message.
  expect(outcomes.filter((o) => o.kind === "other").map((o) => o.detail)).toEqual([]);
  // Replies given before the stop began were all saves.
  expect(outcomes.filter((o) => o.doneAt < stoppingAt).every((o) => o.kind === "ok")).toBe(true);
  expect(outcomes.filter((o) => o.doneAt < stoppingAt).length).toBeGreaterThan(10);
  const duringOutage = outcomes.filter((o) => o.sentAt > downAt && o.doneAt < upAt);
  expect(duringOutage.length).toBeGreaterThanOrEqual(((DOWN_FOR_MS / 1000) * RATE) / 2);
  expect(duringOutage.every((o) => o.kind === "unavailable")).toBe(true);
  // Back by itself: the first save after the restart that lands, and every save from the limit on lands.
  expect(firstOk).toBeDefined();
  expect(recoveryMs).toBeLessThan(RECOVERY_LIMIT_MS);
  const late = outcomes.filter((o) => o.sentAt >= upAt + RECOVERY_LIMIT_MS);
  expect(late.length).toBeGreaterThan(10);
  expect(late.filter((o) => o.kind !== "ok")).toEqual([]);

  // Nothing half-written: each answer changed exactly as often as it has new audit entries (zero or one),
  // a landed save is stored with the version it replied, an answer left alone keeps its value, and every
  // touched LKE's stored scores are the engine's.
  const auditsAfter = await auditCounts(
    db,
    plan.map((p) => p.answerId),
  );
  const rows = new Map(
    (
      await prisma.answer.findMany({
        where: { id: { in: plan.map((p) => p.answerId) } },
        select: { id: true, version: true, optionLabel: true },
      })
    ).map((r) => [r.id, r]),
  );
  let landedDespiteError = 0;
  plan.forEach((p, i) => {
    const row = rows.get(p.answerId)!;
    const changes = row.version - p.version;
    const audits = (auditsAfter.get(p.answerId) ?? 0) - (auditsBefore.get(p.answerId) ?? 0);
    expect({ code: p.code, changes }).toEqual({ code: p.code, changes: audits });
    expect(changes).toBeLessThanOrEqual(1);
    if (changes === 1) expect(row.optionLabel).toBe(p.value);
    else expect(row.optionLabel).not.toBe(p.value);
    if (outcomes[i].kind === "ok") expect(row.version).toBe(outcomes[i].version);
    else if (changes === 1) landedDespiteError++; // cut during its COMMIT: a retry would get a conflict
  });
  expect(landedDespiteError).toBeLessThanOrEqual(2);
  for (const id of new Set(plan.map((p) => p.assessmentId)))
    expect(await storedScores(prisma, id)).toEqual(await engineScores(prisma, id));

  const seconds = (Date.now() - t0) / 1000;
  console.log(`fault: ${landedDespiteError} landed despite the error; total ${seconds.toFixed(0)} s`);
  expect(seconds).toBeLessThan(90);
}, 150_000);

/** How many `answer.save` audit entries each answer has. */
async function auditCounts(db: DatabaseHandle, answerIds: string[]): Promise<Map<string, number>> {
  const rows = await db.prisma.auditLog.groupBy({
    by: ["entityId"],
    where: { entity: "Answer", action: "answer.save", entityId: { in: answerIds } },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [r.entityId!, r._count._all]));
}
