import { describe, expect, test } from "vitest";
import { saveSelfAnswerAction, saveSelfHasilAction, saveTpiHasilAction } from "@/server/actions/lke-answers";
import {
  approveAssessmentAction,
  returnAssessmentAction,
  sendBackAssessmentAction,
  submitAssessmentAction,
} from "@/server/actions/lke-chain";
import { reviewQuestionAction } from "@/server/actions/lke-review";
import { createUnitAction } from "@/server/actions/units";
import { uploadEvidence } from "@/server/evidence/http";
import { pdf } from "../fixtures/evidence-files";
import { pinToday, sessionAs, useTestDatabase } from "./db";

// Races and stale pages: no save may silently replace what someone else saved.
const db = useTestDatabase();
const year = new Date().getFullYear();
pinToday();

const assessmentOf = (shortName: string) =>
  db.prisma.assessment.findFirstOrThrow({ where: { unit: { shortName }, periode: { year } } });
const upload = (query: string, name = "bukti.pdf") => {
  const body = pdf(name);
  return new Request(`http://localhost/api/evidence?${query}`, {
    method: "POST",
    body: new Uint8Array(body),
    headers: { origin: "http://localhost", "x-file-name": name, "content-length": String(body.length) },
  });
};

describe("evidence uploads and versions", () => {
  test("an upload to a question someone already answered does not hand out their version", async () => {
    const op = await sessionAs(db.prisma, "operator.dinkes@contoh.go.id");
    const a = await assessmentOf("Dinkes");
    const code = "PPB2A";
    // Someone saves the answer first (the uploader's page still shows it unanswered, version 0).
    const row = await db.prisma.answer.findFirst({ where: { assessmentId: a.id, layer: "SELF", question: { code } } });
    const first = await saveSelfAnswerAction.run(
      {
        assessmentId: a.id,
        questionCode: code,
        value: "A",
        catatan: "Disimpan oleh rekan",
        version: row?.version ?? 0,
      },
      op,
    );
    expect(first.ok).toBe(true);
    const res = await uploadEvidence(upload(`assessmentId=${a.id}&question=${code}`), op);
    expect(res.status).toBe(200);
    expect((await res.json()).createdVersion).toBeNull();
    // The stale page saves with version 0 and gets a conflict, not an overwrite.
    const stale = await saveSelfAnswerAction.run(
      { assessmentId: a.id, questionCode: code, value: "C", catatan: "Halaman lama", version: 0 },
      op,
    );
    expect(stale).toMatchObject({ ok: false, conflict: { value: "A", catatan: "Disimpan oleh rekan" } });
  });

  test("an upload that creates the answer row reports its version, and the save after it goes through", async () => {
    const op = await sessionAs(db.prisma, "operator.dinkes@contoh.go.id");
    const a = await assessmentOf("Dinkes");
    const answered = new Set(
      (
        await db.prisma.answer.findMany({
          where: { assessmentId: a.id, layer: "SELF" },
          select: { question: { select: { code: true } } },
        })
      ).map((x) => x.question.code),
    );
    const q = (
      await db.prisma.lkeQuestion.findMany({
        where: { catalogueId: "lke-2026", answerType: "YA_TIDAK" },
        orderBy: { code: "asc" },
      })
    ).find((x) => !answered.has(x.code))!;
    const res = await uploadEvidence(upload(`assessmentId=${a.id}&question=${q.code}`), op);
    const { createdVersion } = await res.json();
    expect(createdVersion).toBe(1);
    expect(
      (
        await saveSelfAnswerAction.run(
          {
            assessmentId: a.id,
            questionCode: q.code,
            value: "Ya",
            catatan: "Sesuai SK terlampir",
            version: createdVersion,
          },
          op,
        )
      ).ok,
    ).toBe(true);
  });

  test("uploading the survey report before entering the indices does not block the hasil form", async () => {
    const op = await sessionAs(db.prisma, "operator.dindikbud@contoh.go.id");
    const a = await assessmentOf("Dindikbud");
    expect(await db.prisma.hasilInput.count({ where: { assessmentId: a.id } })).toBe(0);
    const res = await uploadEvidence(upload(`assessmentId=${a.id}&hasil=IPAK`, "laporan spak.pdf"), op);
    const { createdVersion } = await res.json();
    expect(createdVersion).toBe(1);
    const saved = await saveSelfHasilAction.run(
      {
        assessmentId: a.id,
        ipak: 3.41,
        ipkp: 3.22,
        capaianKinerja: "C",
        catatan: "Survei triwulan I–III",
        version: createdVersion,
      },
      op,
    );
    expect(saved.ok).toBe(true);
  });
});

describe("stale review decisions", () => {
  test("an accept made on a page that has not seen the return is refused; the return stands", async () => {
    const tpi = await sessionAs(db.prisma, "tpi2@contoh.go.id");
    const a = await assessmentOf("Bapenda");
    const code = "PPA4D";
    const returned = await reviewQuestionAction.run(
      {
        assessmentId: a.id,
        questionCode: code,
        decision: "RETURN",
        reason: "Dokumen belum ditandatangani pimpinan",
        tpiVersion: 0,
        seenReviewStatus: "PENDING",
      },
      tpi,
    );
    expect(returned.ok).toBe(true);
    const stale = await reviewQuestionAction.run(
      { assessmentId: a.id, questionCode: code, decision: "ACCEPT", tpiVersion: 0, seenReviewStatus: "PENDING" },
      tpi,
    );
    expect(stale).toMatchObject({
      ok: false,
      error: expect.stringMatching(/baru saja berubah menjadi "Dikembalikan"/),
    });
    expect(
      await db.prisma.answer.findFirst({ where: { assessmentId: a.id, layer: "SELF", question: { code } } }),
    ).toMatchObject({ reviewStatus: "RETURNED", returnReason: "Dokumen belum ditandatangani pimpinan" });
  });

  test("the TPI's first hasil entry moves a submitted LKE to review through the chain, audited", async () => {
    const tpi = await sessionAs(db.prisma, "tpi@contoh.go.id");
    const a = await db.prisma.assessment.update({
      where: { id: (await assessmentOf("Disdukcapil")).id },
      data: { status: "SUBMITTED" },
    });
    const r = await saveTpiHasilAction.run(
      {
        assessmentId: a.id,
        ipak: 3.7,
        ipkp: 3.6,
        capaianKinerja: "A",
        catatan: "Sesuai laporan survei",
        version: (await db.prisma.hasilInput.findFirst({ where: { assessmentId: a.id, layer: "TPI" } }))?.version ?? 0,
      },
      tpi,
    );
    expect(r.ok).toBe(true);
    expect((await db.prisma.assessment.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("IN_REVIEW");
    expect(
      await db.prisma.auditLog.count({
        where: { entity: "Assessment", entityId: a.id, action: "assessment.startReview" },
      }),
    ).toBe(1);
  });
});

describe("moves along the chain", () => {
  test("two pimpinan acting at once: one approves, the other's send-back is refused", async () => {
    const p1 = await sessionAs(db.prisma, "pimpinan@contoh.go.id");
    const a = await assessmentOf("RSUD");
    expect(a.status).toBe("FINALIZED");
    const [approve, sendBack] = await Promise.all([
      approveAssessmentAction.run({ assessmentId: a.id }, p1),
      sendBackAssessmentAction.run({ assessmentId: a.id, reason: "Periksa ulang area pengawasan" }, p1),
    ]);
    expect([approve.ok, sendBack.ok].filter(Boolean)).toHaveLength(1);
    const after = await db.prisma.assessment.findUniqueOrThrow({ where: { id: a.id } });
    expect(after.status).toBe(approve.ok ? "APPROVED" : "IN_REVIEW");
    expect(
      await db.prisma.auditLog.count({
        where: { entity: "Assessment", entityId: a.id, action: { in: ["assessment.approve", "assessment.sendBack"] } },
      }),
    ).toBe(1);
  });

  test("the head cannot submit once the fill window has closed; the page offers no submit", async () => {
    const kepala = await sessionAs(db.prisma, "kepala.dishub@contoh.go.id");
    const a = await assessmentOf("Dishub");
    await db.prisma.assessment.update({ where: { id: a.id }, data: { reopenedUntil: null } });
    const result = await submitAssessmentAction.run({ assessmentId: a.id }, kepala);
    expect(result).toMatchObject({
      ok: false,
      error: "Masa pengisian LKE unit ini sudah ditutup. Hubungi Bagian Organisasi untuk membukanya kembali.",
    });
    const { loadAssessmentView } = await import("@/server/queries/assessments");
    const view = await loadAssessmentView(kepala.user, a.id, undefined);
    expect(view.outcome === "ok" && view.view.can.submit).toBe(false);
  });

  test("a pimpinan's send-back note is cleared when the TPI returns the LKE to the unit", async () => {
    const pimpinan = await sessionAs(db.prisma, "pimpinan@contoh.go.id");
    const tpi = await sessionAs(db.prisma, "tpi@contoh.go.id");
    const a = await assessmentOf("PKM Sukamaju");
    await db.prisma.assessment.update({ where: { id: a.id }, data: { status: "FINALIZED", approvedAt: null } });
    expect(
      (
        await sendBackAssessmentAction.run(
          { assessmentId: a.id, reason: "Lengkapi bukti area pelayanan publik" },
          pimpinan,
        )
      ).ok,
    ).toBe(true);
    expect((await db.prisma.assessment.findUniqueOrThrow({ where: { id: a.id } })).returnNote).toBe(
      "Lengkapi bukti area pelayanan publik",
    );
    const self = await db.prisma.answer.findFirstOrThrow({
      where: { assessmentId: a.id, layer: "SELF", question: { code: "PPF1A" } },
    });
    const tpiRow = await db.prisma.answer.findFirst({
      where: { assessmentId: a.id, layer: "TPI", question: { code: "PPF1A" } },
    });
    expect(
      (
        await reviewQuestionAction.run(
          {
            assessmentId: a.id,
            questionCode: "PPF1A",
            decision: "RETURN",
            reason: "Unggah maklumat pelayanan terbaru",
            tpiVersion: tpiRow?.version ?? 0,
            seenReviewStatus: self.reviewStatus,
          },
          tpi,
        )
      ).ok,
    ).toBe(true);
    expect((await returnAssessmentAction.run({ assessmentId: a.id }, tpi)).ok).toBe(true);
    expect((await db.prisma.assessment.findUniqueOrThrow({ where: { id: a.id } })).returnNote).toBeNull();
  });
});

describe("units proposed after their period was created", () => {
  test("get this year's LKE at once", async () => {
    const admin = await sessionAs(db.prisma, "admin@contoh.go.id");
    const result = await createUnitAction.run(
      {
        name: "Dinas Lingkungan Hidup",
        shortName: "DLH",
        type: "DINAS",
        parentId: "",
        headName: "",
        headNip: "",
        proposedForZi: true,
        selectionCriteria: ["PELAYANAN_STRATEGIS"],
      },
      admin,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const lke = await db.prisma.assessment.findMany({
      where: { unitId: result.data.id },
      include: { periode: true, scores: true },
    });
    expect(lke.map((x) => x.periode.status)).toEqual(["BERJALAN"]);
    expect(lke[0].scores).toHaveLength(2);
    expect(
      await db.prisma.auditLog.count({
        where: { entity: "Assessment", entityId: lke[0].id, action: "assessment.create" },
      }),
    ).toBe(1);
  });
});
