import { describe, expect, test } from "vitest";
import { getCatalogue } from "@/domain/catalogue/registry";
import { scoreAssessment } from "@/domain/scoring/score";
import { saveSelfAnswerAction, saveSelfHasilAction, saveTpiHasilAction } from "@/server/actions/lke-answers";
import { reviewQuestionAction } from "@/server/actions/lke-review";
import {
  approveAssessmentAction,
  finalizeAssessmentAction,
  reopenAssessmentAction,
  returnAssessmentAction,
  sendBackAssessmentAction,
  submitAssessmentAction,
} from "@/server/actions/lke-chain";
import { loadAssessmentView } from "@/server/queries/assessments";
import { answersOf, hasilValue, previousPredicate } from "@/server/scoring/inputs";
import { pinToday, sessionAs, useTestDatabase } from "./db";

const db = useTestDatabase();
const year = new Date().getFullYear();

// A fixed day in Evaluasi: the stage fill window is closed, only reopened units may edit.
pinToday();

async function assessmentOf(shortName: string) {
  return db.prisma.assessment.findFirstOrThrow({
    where: { unit: { shortName }, periode: { year } },
    include: { periode: true },
  });
}

async function selfRow(assessmentId: string, code: string, layer: "SELF" | "TPI" = "SELF") {
  return db.prisma.answer.findFirst({ where: { assessmentId, layer, question: { code } } });
}

async function unanswered(assessmentId: string, catalogueId: string) {
  const answered = new Set(
    (
      await db.prisma.answer.findMany({
        where: { assessmentId, layer: "SELF" },
        select: { question: { select: { code: true } } },
      })
    ).map((a) => a.question.code),
  );
  return getCatalogue(catalogueId).questions.filter((q) => !answered.has(q.id));
}

const counts = () => ({
  audit: db.prisma.auditLog.count({ where: { action: { not: "access.denied" } } }),
  answers: db.prisma.answer.count(),
});
async function snapshot() {
  const c = counts();
  return { audit: await c.audit, answers: await c.answers };
}

describe("the unit fills its LKE", () => {
  test("an operator saves an answer with catatan; the stored score is the engine's", async () => {
    const op = await sessionAs(db.prisma, "operator.dinkes@contoh.go.id");
    const a = await assessmentOf("Dinkes");
    const [q] = await unanswered(a.id, a.periode.catalogueId);
    const label = q.answerType === "PERSENTASE" ? null : q.options[0].label;
    const value = label ?? Object.fromEntries(q.inputs.map((i) => [i.key, 4]));
    const result = await saveSelfAnswerAction.run(
      { assessmentId: a.id, questionCode: q.id, value, catatan: "SK tim kerja terlampir", version: 0 },
      op,
    );
    expect(result.ok).toBe(true);
    const row = await selfRow(a.id, q.id);
    expect(row).toMatchObject({ catatan: "SK tim kerja terlampir", version: 1, updatedById: op.user.id });
    expect(
      await db.prisma.auditLog.count({ where: { entity: "Answer", entityId: row!.id, action: "answer.save" } }),
    ).toBe(1);

    const rows = await db.prisma.answer.findMany({
      where: { assessmentId: a.id },
      include: { question: { select: { code: true } } },
    });
    const hasil = await db.prisma.hasilInput.findMany({ where: { assessmentId: a.id } });
    const expected = scoreAssessment({
      catalogue: getCatalogue(a.periode.catalogueId),
      answers: answersOf(rows, "SELF"),
      hasil: hasilValue(hasil.find((h) => h.layer === "SELF")),
      previousPredicate: await previousPredicate(db.prisma, a.unitId, year),
    });
    const stored = await db.prisma.assessmentScore.findUniqueOrThrow({
      where: { assessmentId_layer: { assessmentId: a.id, layer: "SELF" } },
    });
    expect(stored.total).toBe(expected.total);
    if (result.ok) expect(result.data.scores.SELF.total).toBe(expected.total);
  });

  test.each([
    ["without catatan", { catatan: "" }, /Catatan wajib diisi/],
    ["with an unknown label", { value: "Z" }, /Jawaban tidak sah/],
    ["for a question not in the catalogue", { questionCode: "PZZ9Z" }, /tidak ada di katalog/],
  ])("an answer %s is refused and nothing is written", async (_, patch, message) => {
    const op = await sessionAs(db.prisma, "operator.dinkes@contoh.go.id");
    const a = await assessmentOf("Dinkes");
    const [q] = await unanswered(a.id, a.periode.catalogueId);
    const before = await snapshot();
    const result = await saveSelfAnswerAction.run(
      {
        assessmentId: a.id,
        questionCode: q.id,
        value: q.options[0]?.label ?? { x: 1 },
        catatan: "Catatan cukup",
        version: 0,
        ...patch,
      },
      op,
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.values(result.fieldErrors ?? {}).join(" ") + result.error).toMatch(message);
    expect(await snapshot()).toEqual(before);
  });

  test("a second save with the version first read is refused with the other person's value", async () => {
    const op = await sessionAs(db.prisma, "operator.dinkes@contoh.go.id");
    const a = await assessmentOf("Dinkes");
    const q = getCatalogue(a.periode.catalogueId).questions.find((x) => x.answerType === "ABC")!;
    const row = await selfRow(a.id, q.id);
    const version = row?.version ?? 0;
    const first = await saveSelfAnswerAction.run(
      { assessmentId: a.id, questionCode: q.id, value: "A", catatan: "Disimpan pertama", version },
      op,
    );
    expect(first.ok).toBe(true);
    const second = await saveSelfAnswerAction.run(
      { assessmentId: a.id, questionCode: q.id, value: "C", catatan: "Disimpan kedua", version },
      op,
    );
    expect(second.ok).toBe(false);
    if (!second.ok) {
      expect(second.error).toMatch(/baru saja diubah oleh/);
      expect(second.conflict).toMatchObject({ value: "A", catatan: "Disimpan pertama", version: version + 1 });
    }
    expect((await selfRow(a.id, q.id))?.optionLabel).toBe("A");
  });

  test("a user of unit A cannot write or read unit B's LKE by a forged id", async () => {
    const op = await sessionAs(db.prisma, "operator.dinkes@contoh.go.id");
    const other = await assessmentOf("Dindikbud");
    const [q] = await unanswered(other.id, other.periode.catalogueId);
    const before = await snapshot();
    const result = await saveSelfAnswerAction.run(
      {
        assessmentId: other.id,
        questionCode: q.id,
        value: q.options[0]?.label ?? { a: 1 },
        catatan: "Bukan unit saya",
        version: 0,
      },
      op,
    );
    expect(result).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
      error: "Anda tidak berwenang melakukan tindakan ini.",
    });
    expect(await snapshot()).toEqual(before);
    expect((await loadAssessmentView(op.user, other.id, undefined)).outcome).toBe("forbidden");
    const kepala = await sessionAs(db.prisma, "kepala.dinkes@contoh.go.id");
    expect((await submitAssessmentAction.run({ assessmentId: other.id }, kepala)).ok).toBe(false);
  });

  test("outside the fill window the unit's answers are read-only until an ADMIN reopens the unit", async () => {
    const op = await sessionAs(db.prisma, "operator.dindikbud@contoh.go.id");
    const admin = await sessionAs(db.prisma, "admin@contoh.go.id");
    const a = await assessmentOf("Dindikbud");
    await db.prisma.assessment.update({ where: { id: a.id }, data: { reopenedUntil: null } });
    const [q] = await unanswered(a.id, a.periode.catalogueId);
    const input = {
      assessmentId: a.id,
      questionCode: q.id,
      value: q.options[0]?.label ?? Object.fromEntries(q.inputs.map((i) => [i.key, 1])),
      catatan: "Catatan lengkap",
      version: 0,
    };
    const closed = await saveSelfAnswerAction.run(input, op);
    expect(closed).toMatchObject({
      ok: false,
      error: expect.stringMatching(/Masa pengisian LKE unit ini sudah ditutup/),
    });

    expect(
      (
        await reopenAssessmentAction.run(
          { assessmentId: a.id, until: `${year}-10-20`, reason: "Perpanjangan karena mutasi operator" },
          op,
        )
      ).ok,
    ).toBe(false);
    const reopened = await reopenAssessmentAction.run(
      { assessmentId: a.id, until: `${year}-10-20`, reason: "Perpanjangan karena mutasi operator" },
      admin,
    );
    expect(reopened).toEqual({ ok: true, data: { reopenedUntil: `${year}-10-20` } });
    expect((await saveSelfAnswerAction.run(input, op)).ok).toBe(true);
  });
});

describe("the review chain", () => {
  test("submission is refused with a checklist until every question has an answer and catatan", async () => {
    const kepala = await sessionAs(db.prisma, "kepala.cibeureum@contoh.go.id");
    const op = await sessionAs(db.prisma, "operator.cibeureum@contoh.go.id");
    const a = await assessmentOf("Kec. Cibeureum");
    const missing = await unanswered(a.id, a.periode.catalogueId);
    const refused = await submitAssessmentAction.run({ assessmentId: a.id }, kepala);
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error).toMatch(/setiap pertanyaan harus dijawab dan diberi catatan/);
      expect((refused.details as { missing: string[] }).missing).toEqual(
        expect.arrayContaining(missing.map((q) => q.id)),
      );
    }
    expect(op.user.roles).toEqual(["OPERATOR_OPD"]);
    // The operator cannot submit; only the head can.
    expect(await submitAssessmentAction.run({ assessmentId: a.id }, op)).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
      error: "Anda tidak berwenang melakukan tindakan ini.",
    });

    for (const q of missing) {
      const value =
        q.answerType === "PERSENTASE" ? Object.fromEntries(q.inputs.map((i, n) => [i.key, n + 3])) : q.options[1].label;
      const r = await saveSelfAnswerAction.run(
        { assessmentId: a.id, questionCode: q.id, value, catatan: "Bukti dukung lengkap terlampir", version: 0 },
        op,
      );
      expect(r.ok).toBe(true);
    }
    const hasil = await saveSelfHasilAction.run(
      {
        assessmentId: a.id,
        ipak: 3.62,
        ipkp: 3.41,
        capaianKinerja: "B",
        catatan: "Survei triwulan I-III",
        version: (await db.prisma.hasilInput.findFirst({ where: { assessmentId: a.id, layer: "SELF" } }))?.version ?? 0,
      },
      op,
    );
    expect(hasil.ok).toBe(true);
    const submitted = await submitAssessmentAction.run({ assessmentId: a.id }, kepala);
    expect(submitted).toEqual({ ok: true, data: { status: "SUBMITTED" } });

    // Everything is locked for the unit now.
    const q = missing[0];
    const locked = await saveSelfAnswerAction.run(
      {
        assessmentId: a.id,
        questionCode: q.id,
        value: q.options[0]?.label ?? { x: 1 },
        catatan: "Ubah setelah diajukan",
        version: 1,
      },
      op,
    );
    expect(locked).toMatchObject({ ok: false, error: 'Jawaban terkunci: status LKE "Diajukan ke TPI".' });
  });

  test("TPI accepts, changes (without touching the unit's answer) and returns; the unit revises only the returned question; then finalise and approve", async () => {
    const tpi = await sessionAs(db.prisma, "tpi2@contoh.go.id");
    const otherTpi = await sessionAs(db.prisma, "tpi@contoh.go.id");
    const kepala = await sessionAs(db.prisma, "kepala.bapenda@contoh.go.id");
    const op = await sessionAs(db.prisma, "operator.bapenda@contoh.go.id");
    const pimpinan = await sessionAs(db.prisma, "pimpinan@contoh.go.id");
    const admin = await sessionAs(db.prisma, "admin@contoh.go.id");
    const a = await assessmentOf("Bapenda");
    expect(a.status).toBe("SUBMITTED");
    const questions = getCatalogue(a.periode.catalogueId).questions;
    const [accept, giveBack, untouched] = [questions[0], questions[4], questions[6]];
    const change = questions.find((q) => q.answerType === "ABCD" && q !== untouched)!;

    // A TPI not assigned to Bapenda is refused.
    expect(
      await reviewQuestionAction.run(
        { assessmentId: a.id, questionCode: accept.id, decision: "ACCEPT", tpiVersion: 0, seenReviewStatus: "PENDING" },
        otherTpi,
      ),
    ).toMatchObject({ ok: false, code: "FORBIDDEN", error: "Anda tidak berwenang melakukan tindakan ini." });

    expect(
      await reviewQuestionAction.run(
        { assessmentId: a.id, questionCode: accept.id, decision: "ACCEPT", tpiVersion: 0, seenReviewStatus: "PENDING" },
        tpi,
      ),
    ).toMatchObject({ ok: true });
    const selfBefore = await selfRow(a.id, change.id);
    const tpiValue = change.options.find((o) => o.label !== selfBefore!.optionLabel)!.label;
    const changed = await reviewQuestionAction.run(
      {
        assessmentId: a.id,
        questionCode: change.id,
        decision: "CHANGE",
        value: tpiValue,
        note: "Bukti belum mencakup seluruh bidang",
        tpiVersion: 0,
        seenReviewStatus: "PENDING",
      },
      tpi,
    );
    expect(changed.ok).toBe(true);
    expect((await selfRow(a.id, change.id))?.optionLabel).toBe(selfBefore!.optionLabel);
    expect(await selfRow(a.id, change.id, "TPI")).toMatchObject({
      optionLabel: tpiValue,
      catatan: "Bukti belum mencakup seluruh bidang",
    });
    expect((await db.prisma.assessment.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("IN_REVIEW");

    const noReason = await reviewQuestionAction.run(
      {
        assessmentId: a.id,
        questionCode: giveBack.id,
        decision: "RETURN",
        reason: "kurang",
        tpiVersion: 0,
        seenReviewStatus: "PENDING",
      },
      tpi,
    );
    expect(noReason.ok).toBe(false);
    expect(
      (
        await reviewQuestionAction.run(
          {
            assessmentId: a.id,
            questionCode: giveBack.id,
            decision: "RETURN",
            reason: "Unggah SK yang sudah ditandatangani kepala dinas",
            tpiVersion: 0,
            seenReviewStatus: "PENDING",
          },
          tpi,
        )
      ).ok,
    ).toBe(true);

    // Finalising with an open return is refused; returning the LKE moves it to the unit.
    expect(await finalizeAssessmentAction.run({ assessmentId: a.id }, tpi)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/dikembalikan/),
    });
    expect(await returnAssessmentAction.run({ assessmentId: a.id }, tpi)).toEqual({
      ok: true,
      data: { status: "RETURNED" },
    });

    // Past the fill window the unit needs the admin to reopen it before it can revise.
    expect(
      (
        await reopenAssessmentAction.run(
          { assessmentId: a.id, until: `${year}-10-31`, reason: "Revisi atas pengembalian TPI" },
          admin,
        )
      ).ok,
    ).toBe(true);
    const returned = (await selfRow(a.id, giveBack.id))!;
    expect(returned).toMatchObject({
      reviewStatus: "RETURNED",
      returnReason: "Unggah SK yang sudah ditandatangani kepala dinas",
    });
    const otherRow = (await selfRow(a.id, untouched.id))!;
    const lockedOther = await saveSelfAnswerAction.run(
      {
        assessmentId: a.id,
        questionCode: untouched.id,
        value: untouched.options[0]?.label ?? { x: 1 },
        catatan: "Mencoba mengubah yang lain",
        version: otherRow.version,
      },
      op,
    );
    expect(lockedOther).toMatchObject({
      ok: false,
      error: "Hanya pertanyaan yang dikembalikan TPI yang dapat diubah.",
    });
    const fixed = await saveSelfAnswerAction.run(
      {
        assessmentId: a.id,
        questionCode: giveBack.id,
        value: giveBack.options[0]?.label ?? { x: 1 },
        catatan: "SK bertanda tangan diunggah",
        version: returned.version,
      },
      op,
    );
    expect(fixed.ok).toBe(true);
    expect(await selfRow(a.id, giveBack.id)).toMatchObject({ reviewStatus: "REVISED", revisionCount: 1 });
    expect(await submitAssessmentAction.run({ assessmentId: a.id }, kepala)).toEqual({
      ok: true,
      data: { status: "SUBMITTED" },
    });

    // The TPI reviews the rest and sets its hasil, then finalises.
    for (const q of questions) {
      const self = (await selfRow(a.id, q.id))!;
      if (["ACCEPTED", "CHANGED"].includes(self.reviewStatus)) continue;
      const tpiRow = await selfRow(a.id, q.id, "TPI");
      const r = await reviewQuestionAction.run(
        {
          assessmentId: a.id,
          questionCode: q.id,
          decision: "ACCEPT",
          tpiVersion: tpiRow?.version ?? 0,
          seenReviewStatus: self.reviewStatus,
        },
        tpi,
      );
      expect(r.ok).toBe(true);
    }
    expect(await finalizeAssessmentAction.run({ assessmentId: a.id }, tpi)).toMatchObject({
      ok: false,
      error: "Nilai komponen hasil TPI belum lengkap.",
    });
    expect(
      (
        await saveTpiHasilAction.run(
          {
            assessmentId: a.id,
            ipak: 3.5,
            ipkp: 3.3,
            capaianKinerja: "C",
            catatan: "Sesuai laporan survei",
            version: 0,
          },
          tpi,
        )
      ).ok,
    ).toBe(true);
    expect(await finalizeAssessmentAction.run({ assessmentId: a.id }, tpi)).toEqual({
      ok: true,
      data: { status: "FINALIZED" },
    });

    // Only pimpinan approves: the admin, the TPI and the head are refused.
    for (const who of [admin, tpi, kepala])
      expect((await approveAssessmentAction.run({ assessmentId: a.id }, who)).ok).toBe(false);
    expect(
      await sendBackAssessmentAction.run(
        { assessmentId: a.id, reason: "Periksa kembali bukti area pengawasan" },
        pimpinan,
      ),
    ).toEqual({ ok: true, data: { status: "IN_REVIEW" } });
    expect(await finalizeAssessmentAction.run({ assessmentId: a.id }, tpi)).toEqual({
      ok: true,
      data: { status: "FINALIZED" },
    });
    expect(await approveAssessmentAction.run({ assessmentId: a.id }, pimpinan)).toEqual({
      ok: true,
      data: { status: "APPROVED" },
    });
    expect(await approveAssessmentAction.run({ assessmentId: a.id }, pimpinan)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/Tidak dapat/),
    });

    const chain = await db.prisma.auditLog.findMany({
      where: { entity: "Assessment", entityId: a.id },
      orderBy: { id: "asc" },
    });
    expect(chain.map((e) => e.action)).toEqual([
      "assessment.startReview",
      "assessment.return",
      "assessment.reopen",
      "assessment.submit",
      "assessment.startReview",
      "assessment.finalize",
      "assessment.sendBack",
      "assessment.finalize",
      "assessment.approve",
    ]);
    // The stored TPI score equals the engine's on the TPI layer.
    const rows = await db.prisma.answer.findMany({
      where: { assessmentId: a.id },
      include: { question: { select: { code: true } } },
    });
    const tpiHasil = await db.prisma.hasilInput.findFirst({ where: { assessmentId: a.id, layer: "TPI" } });
    const engine = scoreAssessment({
      catalogue: getCatalogue(a.periode.catalogueId),
      answers: answersOf(rows, "TPI"),
      hasil: hasilValue(tpiHasil ?? undefined),
      previousPredicate: await previousPredicate(db.prisma, a.unitId, year),
    });
    expect(
      (
        await db.prisma.assessmentScore.findUniqueOrThrow({
          where: { assessmentId_layer: { assessmentId: a.id, layer: "TPI" } },
        })
      ).total,
    ).toBe(engine.total);
  });
});
