import { NextRequest } from "next/server";
import { afterEach, describe, expect, test } from "vitest";
import { POST } from "@/app/api/survei/[token]/route";
import { computeSurveyIndex } from "@/domain/survey/index";
import { saveSelfHasilAction } from "@/server/actions/lke-answers";
import {
  closeSurveyRoundAction,
  openSurveyRoundAction,
  saveSurveyInstrumentAction,
  saveSurveySettingsAction,
  takeSurveyIntoSelfHasilAction,
  takeSurveyIntoTpiHasilAction,
  voidSurveyResponseAction,
} from "@/server/actions/survey";
import { DEVICE_COOKIE } from "@/server/survey/device";
import { roundResults, yearResults } from "@/server/survey/results";
import { HONEYPOT, submitSurveyResponse } from "@/server/survey/submit";
import { createRateLimiter } from "@/server/http/rate-limit";
import { runSurveyReminders } from "@/server/notifications/reminders";
import { pinToday, sessionAs, useTestDatabase } from "./db";

const db = useTestDatabase();
const today = pinToday();
const year = Number(today.slice(0, 4));

afterEach(async () => {
  await db.prisma.rateWindow.deleteMany();
});

/** A full answer sheet: every SPAK item `spak`, every SPKP element `spkp`. */
function sheet(spak: number, spkp: number, extra: Record<string, string> = {}) {
  const fields: Record<string, string> = { ...extra };
  for (const c of ["A1", "A2", "A3", "A4", "A5"]) fields[`SPAK.${c}`] = String(spak);
  for (const c of ["K1", "K2", "K3", "K4", "K5", "K6", "K7", "K8"]) fields[`SPKP.${c}`] = String(spkp);
  return fields;
}

async function openRound(email: string, shortName: string, title = "") {
  const unit = await db.prisma.unit.findFirstOrThrow({ where: { shortName } });
  const res = await openSurveyRoundAction.run({ unitId: unit.id, title }, await sessionAs(db.prisma, email));
  if (!res.ok) throw new Error(res.error);
  return { unit, ...res.data };
}

let ipCounter = 0;
/** Each answer from its own device and address unless told otherwise. */
const answer = (token: string, fields: Record<string, string>, opts: { cookie?: string | null; ip?: string } = {}) =>
  submitSurveyResponse({ token, fields, deviceCookie: opts.cookie ?? null, ip: opts.ip ?? `10.0.0.${++ipCounter}` });

describe("survey rounds", () => {
  test("the unit's operator opens a round on the default instruments; another unit's operator cannot", async () => {
    const { unit, roundId, token } = await openRound("operator.dinkes@contoh.go.id", "Dinkes");
    const round = await db.prisma.surveyRound.findUniqueOrThrow({
      where: { id: roundId },
      include: { spak: true, spkp: true },
    });
    expect(round).toMatchObject({ unitId: unit.id, year, status: "OPEN", minRespondents: 30, token });
    expect((round.spak.elements as unknown[]).length).toBe(5);
    expect((round.spkp.elements as unknown[]).length).toBe(8);
    expect(round.title).toMatch(/^Triwulan IV \d{4}$/);
    const other = await openSurveyRoundAction.run(
      { unitId: unit.id },
      await sessionAs(db.prisma, "operator.dishub@contoh.go.id"),
    );
    expect(other).toMatchObject({ ok: false, code: "FORBIDDEN" });
    const audit = await db.prisma.auditLog.findFirst({
      where: { entity: "SurveyRound", entityId: roundId, action: "survey.round.open" },
    });
    expect(audit).not.toBeNull();
  });

  test("ADMIN sets the minimum respondents: new rounds start with it, an explicit minimum overrides it", async () => {
    const admin = await sessionAs(db.prisma, "admin@contoh.go.id");
    const operator = await sessionAs(db.prisma, "operator.dinkes@contoh.go.id");
    expect(await saveSurveySettingsAction.run({ surveyMinRespondents: 45 }, operator)).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    const bad = await saveSurveySettingsAction.run({ surveyMinRespondents: 0 }, admin);
    expect(bad).toMatchObject({ ok: false, fieldErrors: { surveyMinRespondents: "Minimal 1" } });
    expect(await saveSurveySettingsAction.run({ surveyMinRespondents: 45 }, admin)).toMatchObject({ ok: true });
    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { action: "instansi.surveySettings" } });
    expect(audit).toMatchObject({ before: { surveyMinRespondents: 30 }, after: { surveyMinRespondents: 45 } });

    const { roundId } = await openRound("operator.dinkes@contoh.go.id", "Dinkes", "Bawaan instansi");
    const unit = await db.prisma.unit.findFirstOrThrow({ where: { shortName: "Dinkes" } });
    const own = await openSurveyRoundAction.run({ unitId: unit.id, minRespondents: 12 }, operator);
    if (!own.ok) throw new Error(own.error);
    const rounds = await db.prisma.surveyRound.findMany({ where: { id: { in: [roundId, own.data.roundId] } } });
    expect(Object.fromEntries(rounds.map((r) => [r.id, r.minRespondents]))).toEqual({
      [roundId]: 45,
      [own.data.roundId]: 12,
    });
  });

  test("an edited instrument is a new version; an open round keeps the version it ran with", async () => {
    const { roundId } = await openRound("operator.dinkes@contoh.go.id", "Dinkes", "Versi lama");
    const admin = await sessionAs(db.prisma, "admin@contoh.go.id");
    const saved = await saveSurveyInstrumentAction.run(
      {
        kind: "SPAK",
        scale: [1, 6],
        elements: [{ code: "A1", label: "Tidak ada pungutan liar di sini" }],
        respondentFields: [],
      },
      admin,
    );
    expect(saved).toMatchObject({ ok: true, data: { version: 2 } });
    const old = await db.prisma.surveyRound.findUniqueOrThrow({ where: { id: roundId }, include: { spak: true } });
    expect(old.spak.version).toBe(1);
    const { roundId: fresh } = await openRound("operator.dinkes@contoh.go.id", "Dinkes", "Versi baru");
    const round = await db.prisma.surveyRound.findUniqueOrThrow({ where: { id: fresh }, include: { spak: true } });
    expect(round.spak).toMatchObject({ version: 2, scaleMax: 6 });
    expect(
      await saveSurveyInstrumentAction.run({ kind: "SPAK", scale: [1, 5], elements: [], respondentFields: [] }, admin),
    ).toMatchObject({ ok: false, code: "INVALID" });
    // Back to the defaults' shape for the other tests.
    await saveSurveyInstrumentAction.run(
      {
        kind: "SPAK",
        scale: [1, 4],
        elements: ["A1", "A2", "A3", "A4", "A5"].map((code) => ({ code, label: `Pernyataan ${code} bebas korupsi` })),
        respondentFields: ["usia"],
      },
      admin,
    );
  });
});

describe("public answers", () => {
  test("a response is stored without identity; a second one from the same device is refused", async () => {
    const { roundId, token } = await openRound("operator.dinkes@contoh.go.id", "Dinkes");
    const first = await answer(token, sheet(4, 3, { usia: "30–39" }), { ip: "10.1.1.1" });
    expect(first.outcome.kind).toBe("saved");
    expect(first.setCookie).toMatch(/^[\w-]+\.[\w-]+$/);
    const second = await answer(token, sheet(1, 1), { cookie: first.setCookie, ip: "10.1.1.2" });
    expect(second.outcome.kind).toBe("duplicate");
    const rows = await db.prisma.surveyResponse.findMany({ where: { roundId } });
    expect(rows).toHaveLength(1);
    expect(rows[0].answers).toEqual({ spak: [4, 4, 4, 4, 4], spkp: [3, 3, 3, 3, 3, 3, 3, 3] });
    expect(rows[0].respondent).toEqual({ usia: "30–39" });
    // Nothing about the device or the address is on the response or in its audit entry.
    expect(JSON.stringify(rows[0])).not.toMatch(/10\.1\.1|zi_survei/);
    const audit = await db.prisma.auditLog.findFirstOrThrow({
      where: { entity: "SurveyResponse", entityId: rows[0].id },
    });
    expect(audit).toMatchObject({ actorId: null, ip: null, action: "survey.respond" });
    // A forged cookie counts as no cookie: a new device id, not someone else's.
    const forged = await answer(token, sheet(2, 2), { cookie: `${first.setCookie!.split(".")[0]}.AAAA` });
    expect(forged.outcome.kind).toBe("saved");
    expect(forged.setCookie).not.toBe(first.setCookie);
  });

  test("the honeypot drops bots: reported as saved, nothing stored", async () => {
    const { roundId, token } = await openRound("operator.dinkes@contoh.go.id", "Dinkes");
    const bot = await answer(token, sheet(4, 4, { [HONEYPOT]: "http://spam.example" }));
    expect(bot.outcome.kind).toBe("dropped");
    expect(await db.prisma.surveyResponse.count({ where: { roundId } })).toBe(0);
    expect(await db.prisma.surveyDeviceUse.count({ where: { roundId } })).toBe(0);
  });

  test("the per-address rate limit holds across devices", async () => {
    const { roundId, token } = await openRound("operator.dinkes@contoh.go.id", "Dinkes");
    process.env.SURVEY_MAX_PER_IP = "3";
    try {
      const kinds = [];
      for (let i = 0; i < 5; i++) kinds.push((await answer(token, sheet(4, 4), { ip: "10.9.9.9" })).outcome.kind);
      expect(kinds).toEqual(["saved", "saved", "saved", "rate-limited", "rate-limited"]);
      expect((await answer(token, sheet(4, 4), { ip: "10.9.9.10" })).outcome.kind).toBe("saved");
      expect(await db.prisma.surveyResponse.count({ where: { roundId } })).toBe(4);
    } finally {
      delete process.env.SURVEY_MAX_PER_IP;
    }
  });

  test("the limit's counter is shared by every server process, keeps no address and restarts with each window", async () => {
    // Two limiters with one name stand for the same limiter in two replicas.
    const [a, b] = [1, 2].map(() => createRateLimiter({ name: "uji", limit: () => 3, windowMs: 1000 }));
    const hits = [];
    for (const [i, rl] of [a, b, a, b].entries()) hits.push(await rl.hit("10.8.8.8", 5000 + i));
    expect(hits).toEqual([true, true, true, false]);
    expect(await b.hit("10.8.8.9", 5010)).toBe(true);
    expect(await a.hit("10.8.8.8", 5999)).toBe(false);
    expect(await b.hit("10.8.8.8", 6000)).toBe(true);
    const rows = await db.prisma.rateWindow.findMany();
    expect(rows).toHaveLength(2);
    for (const r of rows)
      expect(JSON.stringify(r, (_, v) => (typeof v === "bigint" ? String(v) : v))).not.toMatch(/10\.8/);
    // A later window's first hit removes the windows that are over.
    expect(await a.hit("10.8.8.9", 7500)).toBe(true);
    expect(await db.prisma.rateWindow.count()).toBe(1);
  });

  test("incomplete or off-scale sheets and closed or unknown rounds are refused", async () => {
    const { roundId, token } = await openRound("operator.dinkes@contoh.go.id", "Dinkes");
    const missing = sheet(4, 4);
    delete missing["SPKP.K8"];
    const r1 = await answer(token, missing);
    expect(r1.outcome).toMatchObject({ kind: "invalid", fieldErrors: { "SPKP.K8": "Pilih salah satu jawaban" } });
    expect((await answer(token, sheet(5, 4))).outcome).toMatchObject({
      kind: "invalid",
      fieldErrors: { "SPAK.A1": "Pilih 1–4" },
    });
    expect((await answer(token, sheet(4, 4, { usia: "tua sekali" }))).outcome.kind).toBe("invalid");
    expect((await answer("tidak-ada-token", sheet(4, 4))).outcome.kind).toBe("not-found");
    const op = await sessionAs(db.prisma, "operator.dinkes@contoh.go.id");
    expect((await closeSurveyRoundAction.run({ roundId }, op)).ok).toBe(true);
    expect((await answer(token, sheet(4, 4))).outcome.kind).toBe("closed");
    expect(await closeSurveyRoundAction.run({ roundId }, op)).toMatchObject({ ok: false, code: "LOCKED" });
    expect(await db.prisma.surveyResponse.count({ where: { roundId } })).toBe(0);
  });

  test("the route: a form post is redirected and sets the device cookie; JSON gets statuses", async () => {
    const { token } = await openRound("operator.dinkes@contoh.go.id", "Dinkes");
    const call = (body: string, headers: Record<string, string>) =>
      POST(
        new NextRequest(`http://localhost/api/survei/${token}`, {
          method: "POST",
          body,
          headers: { "x-zi-client-ip": "10.7.7.7", ...headers },
        }),
        {
          params: Promise.resolve({ token }),
        },
      );
    const form = await call(new URLSearchParams(sheet(4, 4)).toString(), {
      "content-type": "application/x-www-form-urlencoded",
    });
    expect(form.status).toBe(303);
    expect(form.headers.get("location")).toBe(`/survei/${token}/terima-kasih`);
    const cookie = form.cookies.get(DEVICE_COOKIE)!.value;
    const again = await call(JSON.stringify(sheet(3, 3)), {
      "content-type": "application/json",
      cookie: `${DEVICE_COOKIE}=${cookie}`,
    });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ ok: false });
    const bad = await call("{", { "content-type": "application/json" });
    expect(bad.status).toBe(400);
    const badForm = await call("SPAK.A1=9", { "content-type": "application/x-www-form-urlencoded" });
    expect(badForm.headers.get("location")).toBe(`/survei/${token}?hasil=invalid`);
  });
});

describe("results and voiding", () => {
  test("a voided response leaves the index but stays stored; it cannot be deleted or edited", async () => {
    const { roundId, token } = await openRound("operator.dinkes@contoh.go.id", "Dinkes");
    await answer(token, sheet(4, 4));
    await answer(token, sheet(4, 3));
    const outlier = await answer(token, sheet(1, 1));
    const before = (await roundResults(db.prisma, roundId))!;
    expect(before.kinds.map((k) => k.result.n)).toEqual([3, 3]);
    expect(before.kinds[0].result.index).toBeCloseTo(3, 12);

    const head = await sessionAs(db.prisma, "kepala.dinkes@contoh.go.id");
    const id = (outlier.outcome as { responseId: string }).responseId;
    expect(await voidSurveyResponseAction.run({ responseId: id, reason: "singkat" }, head)).toMatchObject({
      ok: false,
      code: "INVALID",
    });
    const voided = await voidSurveyResponseAction.run(
      { responseId: id, reason: "Diisi berulang oleh petugas untuk uji coba" },
      head,
    );
    expect(voided.ok).toBe(true);
    expect(
      await voidSurveyResponseAction.run(
        { responseId: id, reason: "Diisi berulang oleh petugas untuk uji coba" },
        head,
      ),
    ).toMatchObject({ ok: false, code: "LOCKED" });
    const tpi = await sessionAs(db.prisma, "tpi@contoh.go.id");
    expect(
      await voidSurveyResponseAction.run({ responseId: id, reason: "Bukan milik TPI untuk dibatalkan" }, tpi),
    ).toMatchObject({ ok: false, code: "FORBIDDEN" });

    const after = (await roundResults(db.prisma, roundId))!;
    expect(after.kinds.map((k) => k.result.n)).toEqual([2, 2]);
    expect(after.kinds[0].result.index).toBeCloseTo(4, 12);
    expect(after.kinds[1].result.index).toBeCloseTo(3.5, 12);
    expect(after.kinds[1].result.belowMinimum).toBe(true);
    expect(await db.prisma.surveyResponse.findUniqueOrThrow({ where: { id } })).toMatchObject({
      voidReason: "Diisi berulang oleh petugas untuk uji coba",
    });
    const audit = await db.prisma.auditLog.findFirstOrThrow({
      where: { entity: "SurveyResponse", entityId: id, action: "survey.response.void" },
    });
    expect(audit.actorId).toBe(head.user.id);
    // Append-only in the database itself.
    await expect(db.prisma.surveyResponse.delete({ where: { id } })).rejects.toThrow();
    await expect(
      db.prisma.surveyResponse.update({ where: { id }, data: { answers: { spak: [4], spkp: [4] } } }),
    ).rejects.toThrow();
    await expect(db.prisma.surveyResponse.update({ where: { id }, data: { voidedAt: null } })).rejects.toThrow();
  });
});

describe("taking the surveys into the LKE", () => {
  test("the operator takes the year's pooled IPAK/IPKP into the unit's hasil with provenance; a hand-typed change is marked", async () => {
    // Dishub's only round of the year.
    const { roundId, token } = await openRound("operator.dishub@contoh.go.id", "Dishub", "Triwulan uji");
    const sheets = [sheet(4, 4), sheet(4, 3), sheet(3, 3), sheet(4, 4)];
    for (const s of sheets) expect((await answer(token, s)).outcome.kind).toBe("saved");
    const op = await sessionAs(db.prisma, "operator.dishub@contoh.go.id");
    const a = await db.prisma.assessment.findFirstOrThrow({
      where: { unit: { shortName: "Dishub" }, periode: { year } },
    });
    const existing = await db.prisma.hasilInput.findUnique({
      where: { assessmentId_layer: { assessmentId: a.id, layer: "SELF" } },
    });

    const taken = await takeSurveyIntoSelfHasilAction.run({ assessmentId: a.id, version: existing?.version ?? 0 }, op);
    expect(taken.ok).toBe(true);
    const row = await db.prisma.hasilInput.findUniqueOrThrow({
      where: { assessmentId_layer: { assessmentId: a.id, layer: "SELF" } },
    });
    const expectIpak = computeSurveyIndex(
      sheets.map((s) => [1, 2, 3, 4, 5].map((i) => Number(s[`SPAK.A${i}`]))),
      [1, 4],
    ).lkeIndex!;
    expect(row.ipak).toBeCloseTo(Math.round(expectIpak * 100) / 100, 12);
    expect(row.ipak).toBe(3.75);
    expect(row.ipkp).toBe(3.5);
    expect(row.capaianKinerja).toBe(existing?.capaianKinerja ?? null);
    expect(row.ipakSource).toMatchObject({
      kind: "SPAK",
      year,
      n: 4,
      rounds: [{ id: roundId, title: "Triwulan uji", n: 4 }],
    });
    expect(row.ipkpSource).toMatchObject({ kind: "SPKP", n: 4 });
    const audit = await db.prisma.auditLog.findFirstOrThrow({
      where: { action: "hasil.save.survey", entityId: row.id },
    });
    expect(audit.actorId).toBe(op.user.id);
    // The stored score follows the new hasil (17.5 × 3.75 / 4).
    const score = await db.prisma.assessmentScore.findFirstOrThrow({ where: { assessmentId: a.id, layer: "SELF" } });
    expect(score.ipak).toBeCloseTo(16.40625, 9);

    // A stale page is refused like any hasil save.
    expect(await takeSurveyIntoSelfHasilAction.run({ assessmentId: a.id, version: row.version - 1 }, op)).toMatchObject(
      { ok: false, code: "CONFLICT" },
    );
    // Typing IPKP by hand marks it so; the untouched IPAK keeps its provenance.
    const typed = await saveSelfHasilAction.run(
      {
        assessmentId: a.id,
        ipak: row.ipak,
        ipkp: 3.1,
        capaianKinerja: row.capaianKinerja,
        catatan: row.catatan ?? "",
        version: row.version,
      },
      op,
    );
    expect(typed.ok).toBe(true);
    const after = await db.prisma.hasilInput.findUniqueOrThrow({ where: { id: row.id } });
    expect(after.ipkp).toBe(3.1);
    expect(after.ipkpSource).toBeNull();
    expect(after.ipakSource).toMatchObject({ n: 4 });
    // Someone else's unit is out of reach.
    const otherOp = await sessionAs(db.prisma, "operator.dinkes@contoh.go.id");
    expect(
      await takeSurveyIntoSelfHasilAction.run({ assessmentId: a.id, version: after.version }, otherOp),
    ).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  test("the TPI takes them into its own layer under the assessment policy; no answers means nothing to take", async () => {
    const tpi = await sessionAs(db.prisma, "tpi@contoh.go.id");
    const a = await db.prisma.assessment.findFirstOrThrow({
      where: { unit: { shortName: "Disdukcapil" }, periode: { year } },
    });
    const hasil = () =>
      db.prisma.hasilInput.findUnique({ where: { assessmentId_layer: { assessmentId: a.id, layer: "TPI" } } });
    const empty = await takeSurveyIntoTpiHasilAction.run(
      { assessmentId: a.id, version: (await hasil())?.version ?? 0 },
      tpi,
    );
    expect(empty).toMatchObject({ ok: false, code: "INCOMPLETE" });

    const { token } = await openRound("admin@contoh.go.id", "Disdukcapil");
    for (const s of [sheet(4, 4), sheet(4, 4), sheet(3, 4)]) await answer(token, s);
    const taken = await takeSurveyIntoTpiHasilAction.run(
      { assessmentId: a.id, version: (await hasil())?.version ?? 0 },
      tpi,
    );
    expect(taken.ok).toBe(true);
    expect(await hasil()).toMatchObject({ ipak: 3.67, ipkp: 4 });
    expect((await hasil())!.ipakSource).toMatchObject({ n: 3, belowMinimum: true });
    // The unit's operator cannot write the TPI layer, and the TPI cannot write the unit's.
    const op = await sessionAs(db.prisma, "operator.disdukcapil@contoh.go.id");
    expect(
      (await takeSurveyIntoTpiHasilAction.run({ assessmentId: a.id, version: (await hasil())!.version }, op)).ok,
    ).toBe(false);
    expect((await takeSurveyIntoSelfHasilAction.run({ assessmentId: a.id, version: 0 }, tpi)).ok).toBe(false);
  });

  test("year results pool every round of the year", async () => {
    const unit = await db.prisma.unit.findFirstOrThrow({ where: { shortName: "Dishub" } });
    const results = await yearResults(db.prisma, unit.id, year);
    expect(results[0].rounds.length).toBeGreaterThanOrEqual(1);
    expect(results[0].result.n).toBe(results[0].rounds.reduce((s, r) => s + r.n, 0));
  });
});

describe("near-end reminder", () => {
  test("an open round ending within 7 days under its minimum reminds the unit's operator and head once", async () => {
    const op = await sessionAs(db.prisma, "operator.bkpsdm@contoh.go.id");
    const unit = await db.prisma.unit.findFirstOrThrow({ where: { shortName: "BKPSDM" } });
    const end = new Date(Date.parse(`${today}T00:00:00Z`) + 5 * 86_400_000).toISOString().slice(0, 10);
    const opened = await openSurveyRoundAction.run(
      { unitId: unit.id, title: "Triwulan pengingat", closesOn: end, minRespondents: 3 },
      op,
    );
    expect(opened.ok).toBe(true);
    const { roundId, token } = (opened as { data: { roundId: string; token: string } }).data;
    await answer(token, sheet(4, 4));
    const kepala = await db.prisma.user.findUniqueOrThrow({ where: { email: "kepala.bkpsdm@contoh.go.id" } });
    const mine = () =>
      db.prisma.notification.findMany({ where: { kind: "SURVEY_REMINDER", link: `/hasil-survei/${roundId}` } });

    await runSurveyReminders(db.prisma, today);
    await runSurveyReminders(db.prisma, today);
    const sent = await mine();
    expect(sent.map((n) => n.userId).sort()).toEqual([op.user.id, kepala.id].sort());
    expect(sent[0].title).toBe(`Survei Triwulan pengingat ${unit.name} baru 1 dari 3 responden`);

    // Enough respondents: nothing for another round.
    const full = await openSurveyRoundAction.run(
      { unitId: unit.id, title: "Cukup", closesOn: end, minRespondents: 1 },
      op,
    );
    const fullToken = (full as { data: { token: string; roundId: string } }).data;
    await answer(fullToken.token, sheet(3, 3));
    await runSurveyReminders(db.prisma, today);
    expect(
      await db.prisma.notification.count({
        where: { kind: "SURVEY_REMINDER", link: `/hasil-survei/${fullToken.roundId}` },
      }),
    ).toBe(0);
  });
});
