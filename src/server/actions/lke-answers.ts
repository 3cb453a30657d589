"use server";

import "server-only";
import { UserError } from "@/server/errors";
import { afterChange, lockedTarget, sharedTarget, type LoadedAssessment } from "@/server/lke/context";
import { answerValue } from "@/server/scoring/inputs";
import { loadPolicy } from "@/server/lke/policy";
import { writeSelfAnswer } from "@/server/lke/self-answer";
import { defineAction } from "./define-action";
import { saveSelfAnswerSchema, saveSelfHasilSchema, saveTpiHasilSchema } from "./lke.validation";
import { saveHasil } from "@/server/lke/hasil";
import { takePengaduanCountsSchema } from "./pengaduan.validation";
import type { AnswerValue } from "@/domain/scoring/types";
import type { Principal } from "@/server/authz";
import type { Tx } from "@/server/db/client";
import { todayIso } from "@/server/dates";
import { pengaduanCountsFor } from "@/server/pengaduan/counts";

type AuditFn = (e: {
  action?: string;
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}) => Promise<void>;

/** Answered and explained: what the submit checklist asks of each question. */
const complete = (row: { optionLabel: string | null; counts: unknown; catatan: string | null }) =>
  answerValue(row) !== null && !!row.catatan?.trim();

/**
 * The one save path of the unit's answer to a question: the catalogue's checks, the assessment
 * policy, optimistic concurrency, the audit entry and the rescore. `provenance` says where a value the
 * app filled came from; a value typed by hand has none.
 */
async function saveSelfAnswer(
  input: { questionCode: string; value: AnswerValue | null; catatan: string; version: number },
  {
    tx,
    user,
    audit,
    a,
    provenance = null,
  }: { tx: Tx; user: Principal; audit: AuditFn; a: LoadedAssessment; provenance?: Record<string, unknown> | null },
) {
  {
    const { row, existing } = await writeSelfAnswer(input, {
      tx,
      user,
      assessment: a,
      audit,
      policy: () => loadPolicy(tx, user, a),
      provenance,
    });
    const scores = await afterChange(tx, a.id);
    const pageChanged = !existing || complete(existing) !== complete(row) || existing.reviewStatus !== row.reviewStatus;
    return {
      version: row.version,
      reviewStatus: row.reviewStatus,
      revisionCount: row.revisionCount,
      scores,
      pageChanged,
    };
  }
}

/** The unit (OPERATOR_OPD) saves its own answer to one question. */
export const saveSelfAnswerAction = defineAction({
  name: "answer.save",
  schema: saveSelfAnswerSchema,
  permission: "answer:write",
  // Saves share the LKE's lock: only the score refresh at the end (afterChange) runs one at a time.
  target: sharedTarget,
  // The question card updates itself (value, version, status, scores) from the reply; the page is
  // re-rendered only when the submit checklist changes: the answer became (in)complete or its review
  // status moved.
  revalidate: (data: { pageChanged: boolean }) => data.pageChanged,
  handler: (input, { tx, user, audit, target: { assessment: a } }) => saveSelfAnswer(input, { tx, user, audit, a }),
});

/**
 * "Ambil dari pengaduan": the unit fills PRE2A with the year's counts from the complaints filed through
 * the app, through the same save path as a typed answer, and the answer records where they came from.
 */
export const takePengaduanCountsAction = defineAction({
  name: "answer.fromPengaduan",
  schema: takePengaduanCountsSchema,
  permission: "answer:write",
  target: sharedTarget,
  async handler(input, { tx, user, audit, target: { assessment: a } }) {
    const question = a.catalogue.questions.find((q) => q.formula?.kind === "complaints");
    if (!question) throw new UserError("Katalog LKE ini tidak memiliki pertanyaan penanganan pengaduan.");
    const source = await pengaduanCountsFor(tx, a.unit.id, a.periode.year);
    const today = todayIso();
    const c = source.counts;
    const catatan =
      `Diambil dari pengaduan masyarakat di aplikasi per ${today}: ${c.pengaduanHarusDitindaklanjuti} harus ditindaklanjuti, ` +
      `${c.pengaduanDiproses} sedang diproses, ${c.pengaduanSelesai} selesai (${source.rejected} ditolak tidak dihitung).`;
    const provenance = {
      source: "pengaduan",
      year: a.periode.year,
      asOf: today,
      counts: c,
      complaints: source.total,
      rejected: source.rejected,
    };
    const saved = await saveSelfAnswer(
      { questionCode: question.id, value: { ...c }, catatan, version: input.version },
      { tx, user, audit: (e) => audit({ ...e, action: "answer.fromPengaduan" }), a, provenance },
    );
    return { ...saved, questionCode: question.id, counts: c, catatan };
  },
});

/** The unit enters its IPAK, IPKP and capaian kinerja. */
export const saveSelfHasilAction = defineAction({
  name: "hasil.save",
  schema: saveSelfHasilSchema,
  permission: "answer:write",
  target: lockedTarget,
  handler: (input, ctx) => saveHasil(input, "SELF", ctx),
});

/** The TPI sets its own hasil values, with a note. */
export const saveTpiHasilAction = defineAction({
  name: "hasil.review",
  schema: saveTpiHasilSchema,
  permission: "review:write",
  target: lockedTarget,
  handler: (input, ctx) => saveHasil(input, "TPI", ctx),
});
