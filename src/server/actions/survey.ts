"use server";

import "server-only";
import { randomBytes } from "node:crypto";
import {
  closeRoundDecision,
  defaultRoundTitle,
  DEFAULT_ROUND_DAYS,
  SURVEY_KIND_LABELS,
  voidResponseDecision,
} from "@/domain/survey/instruments";
import { dateFromIso, isoFromDate, todayIso } from "@/server/dates";
import { NotFoundError, UserError } from "@/server/errors";
import { lockedTarget, type LockedTarget } from "@/server/lke/context";
import type { Tx } from "@/server/db/client";
import { saveHasil } from "@/server/lke/hasil";
import { ensureInstrument, latestInstrument, yearResults } from "@/server/survey/results";
import { defineAction, type ActionContext } from "./define-action";
import {
  openSurveyRoundSchema,
  roundIdSchema,
  saveSurveyInstrumentSchema,
  surveySettingsSchema,
  takeSurveyIntoLkeSchema,
  voidSurveyResponseSchema,
} from "./survey.validation";

/** The unit (operator, head) or ADMIN opens a survey round: a public link asking the instansi's current instruments. */
export const openSurveyRoundAction = defineAction({
  name: "survey.round.open",
  schema: openSurveyRoundSchema,
  permission: "survey:manage",
  async target({ unitId }, { tx }) {
    const unit = await tx.unit.findUnique({
      where: { id: unitId },
      select: { id: true, instansiId: true, active: true },
    });
    if (!unit || !unit.active) throw new NotFoundError("Unit tidak ditemukan.");
    return { instansiId: unit.instansiId, unitId: unit.id };
  },
  async handler(input, { tx, user, audit, target }) {
    const today = todayIso();
    const openedOn = dateFromIso(today);
    const closesOn = input.closesOn ?? isoFromDate(new Date(openedOn.getTime() + DEFAULT_ROUND_DAYS * 86_400_000));
    if (closesOn < today)
      throw new UserError("Tanggal akhir tidak boleh sebelum hari ini.", { closesOn: "Tidak boleh sebelum hari ini" });
    const spak = await ensureInstrument(tx, target.instansiId, "SPAK", user.id);
    const spkp = await ensureInstrument(tx, target.instansiId, "SPKP", user.id);
    const round = await tx.surveyRound.create({
      data: {
        unitId: target.unitId!,
        year: openedOn.getUTCFullYear(),
        title: input.title || defaultRoundTitle(openedOn),
        token: randomBytes(12).toString("base64url"),
        spakInstrumentId: spak.id,
        spkpInstrumentId: spkp.id,
        minRespondents:
          input.minRespondents ??
          (
            await tx.instansi.findUniqueOrThrow({
              where: { id: target.instansiId },
              select: { surveyMinRespondents: true },
            })
          ).surveyMinRespondents,
        closesOn: dateFromIso(closesOn),
        openedById: user.id,
      },
    });
    await audit({ entity: "SurveyRound", entityId: round.id, after: { ...round, token: undefined } });
    return { roundId: round.id, token: round.token };
  },
});

async function roundTarget({ roundId }: { roundId: string }, { tx }: { tx: Tx }) {
  const round = await tx.surveyRound.findUnique({
    where: { id: roundId },
    include: { unit: { select: { instansiId: true } } },
  });
  if (!round) throw new NotFoundError("Putaran survei tidak ditemukan.");
  return { instansiId: round.unit.instansiId, unitId: round.unitId, round };
}

/** Closing a round stops its link from taking answers; the results stay. */
export const closeSurveyRoundAction = defineAction({
  name: "survey.round.close",
  schema: roundIdSchema,
  permission: "survey:manage",
  target: roundTarget,
  async handler(_input, { tx, user, audit, target: { round } }) {
    const decision = closeRoundDecision(round.status);
    if (!decision.ok) throw new UserError(decision.reason, undefined, undefined, "LOCKED");
    const closed = await tx.surveyRound.updateMany({
      where: { id: round.id, status: round.status },
      data: { status: "CLOSED", closedAt: new Date(), closedById: user.id },
    });
    if (closed.count === 0)
      throw new UserError("Putaran survei ini baru saja diubah. Muat ulang halaman.", undefined, undefined, "CONFLICT");
    await audit({
      entity: "SurveyRound",
      entityId: round.id,
      before: { status: round.status },
      after: { status: "CLOSED" },
    });
    return { roundId: round.id };
  },
});

/** A response the unit judges not genuine is voided with a reason: it stays stored but leaves the index. */
export const voidSurveyResponseAction = defineAction({
  name: "survey.response.void",
  schema: voidSurveyResponseSchema,
  permission: "survey:manage",
  async target({ responseId }, { tx }) {
    const response = await tx.surveyResponse.findUnique({
      where: { id: responseId },
      select: {
        id: true,
        voidedAt: true,
        round: { select: { id: true, unitId: true, unit: { select: { instansiId: true } } } },
      },
    });
    if (!response) throw new NotFoundError("Jawaban survei tidak ditemukan.");
    return { instansiId: response.round.unit.instansiId, unitId: response.round.unitId, response };
  },
  async handler(input, { tx, user, audit, target: { response } }) {
    const decision = voidResponseDecision(response.voidedAt);
    if (!decision.ok) throw new UserError(decision.reason, undefined, undefined, "LOCKED");
    const voided = await tx.surveyResponse.updateMany({
      where: { id: response.id, voidedAt: null },
      data: { voidedAt: new Date(), voidReason: input.reason, voidedById: user.id },
    });
    if (voided.count === 0) throw new UserError("Jawaban ini baru saja dibatalkan.", undefined, undefined, "CONFLICT");
    await audit({
      entity: "SurveyResponse",
      entityId: response.id,
      before: { voidedAt: null },
      after: { voided: true, reason: input.reason },
    });
    return { responseId: response.id, roundId: response.round.id };
  },
});

/** ADMIN edits an instrument: a new version; rounds already opened keep theirs. */
export const saveSurveyInstrumentAction = defineAction({
  name: "survey.instrument.save",
  schema: saveSurveyInstrumentSchema,
  permission: "survey:instrument",
  async handler(input, { tx, user, audit }) {
    const latest = await latestInstrument(tx, user.instansiId, input.kind);
    const row = await tx.surveyInstrument.create({
      data: {
        instansiId: user.instansiId,
        kind: input.kind,
        version: (latest?.version ?? 0) + 1,
        elements: input.elements,
        scaleMin: input.scale[0],
        scaleMax: input.scale[1],
        respondentFields: input.respondentFields,
        createdById: user.id,
      },
    });
    await audit({ entity: "SurveyInstrument", entityId: row.id, before: latest, after: row });
    return { id: row.id, version: row.version };
  },
});

/** ADMIN sets the instansi's survey settings; rounds already opened keep their own minimum. */
export const saveSurveySettingsAction = defineAction({
  name: "instansi.surveySettings",
  schema: surveySettingsSchema,
  permission: "survey:instrument",
  async handler(input, { tx, user, audit }) {
    const select = { surveyMinRespondents: true } as const;
    const before = await tx.instansi.findUniqueOrThrow({ where: { id: user.instansiId }, select });
    const after = await tx.instansi.update({ where: { id: user.instansiId }, data: input, select });
    await audit({ entity: "Instansi", entityId: user.instansiId, before, after });
    return after;
  },
});

/**
 * Take the year's IPAK and IPKP from the unit's surveys into one layer of the LKE's hasil, through the same
 * save as a hand-typed value (policy, version check, audit, rescoring), recording which rounds and how many
 * respondents the values rest on. Capaian kinerja and the catatan stay as they were.
 */
async function takeSurveyIntoLke(
  layer: "SELF" | "TPI",
  input: { assessmentId: string; version: number },
  ctx: ActionContext<LockedTarget>,
) {
  const a = ctx.target.assessment;
  const year = a.periode.year;
  const results = await yearResults(ctx.tx, a.unit.id, year);
  const existing = await ctx.tx.hasilInput.findUnique({ where: { assessmentId_layer: { assessmentId: a.id, layer } } });
  const values = { ipak: existing?.ipak ?? null, ipkp: existing?.ipkp ?? null };
  const sources: { ipak: object | null; ipkp: object | null } = {
    ipak: (existing?.ipakSource as object | null) ?? null,
    ipkp: (existing?.ipkpSource as object | null) ?? null,
  };
  const taken: string[] = [];
  for (const r of results) {
    if (r.lkeValue === null) continue;
    const field = SURVEY_KIND_LABELS[r.kind].hasil;
    values[field] = r.lkeValue;
    sources[field] = {
      kind: r.kind,
      year,
      n: r.result.n,
      index: r.result.index,
      scale: r.scale,
      lkeIndex: r.result.lkeIndex,
      belowMinimum: r.result.belowMinimum,
      rounds: r.rounds,
      takenAt: new Date().toISOString(),
    };
    taken.push(`${SURVEY_KIND_LABELS[r.kind].short} ${r.lkeValue.toFixed(2)} (n = ${r.result.n})`);
  }
  if (!taken.length)
    throw new UserError(`Belum ada jawaban survei unit ini pada tahun ${year}.`, undefined, undefined, "INCOMPLETE");
  const catatan = existing?.catatan?.trim() || `Diambil dari hasil survei ${year}: ${taken.join("; ")}.`;
  const saved = await saveHasil(
    {
      assessmentId: a.id,
      ipak: values.ipak,
      ipkp: values.ipkp,
      capaianKinerja: existing?.capaianKinerja ?? null,
      catatan,
      version: input.version,
    },
    layer,
    ctx,
    sources,
  );
  return { ...saved, ipak: values.ipak, ipkp: values.ipkp };
}

/** The operator takes the survey indices into the unit's hasil (SELF layer). */
export const takeSurveyIntoSelfHasilAction = defineAction({
  name: "hasil.save.survey",
  schema: takeSurveyIntoLkeSchema,
  permission: "answer:write",
  target: lockedTarget,
  handler: (input, ctx) => takeSurveyIntoLke("SELF", input, ctx),
});

/** The TPI takes them into its own hasil (TPI layer). */
export const takeSurveyIntoTpiHasilAction = defineAction({
  name: "hasil.review.survey",
  schema: takeSurveyIntoLkeSchema,
  permission: "review:write",
  target: lockedTarget,
  handler: (input, ctx) => takeSurveyIntoLke("TPI", input, ctx),
});
