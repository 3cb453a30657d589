/**
 * The printed rapor and LHE: rendered through the real functions, text extracted with pdftotext and
 * every number checked against the scoring engine run here on the stored answers.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { getCatalogue } from "@/domain/catalogue/registry";
import { formatScore } from "@/domain/scoring/format";
import { scoreAssessment } from "@/domain/scoring/score";
import { computeSurveyIndex } from "@/domain/survey/index";
import { setInstansiLogoAction } from "@/server/actions/instansi-settings";
import { openSurveyRoundAction, voidSurveyResponseAction } from "@/server/actions/survey";
import { returnAssessmentAction } from "@/server/actions/lke-chain";
import { reviewQuestionAction } from "@/server/actions/lke-review";
import { lhePdf, raporPdf, stageOneLhePdf, surveyReportPdf, type PdfResult } from "@/server/reports/pdf";
import { submitSurveyResponse } from "@/server/survey/submit";
import { answersOf, hasilValue, previousPredicate, projectedInput } from "@/server/scoring/inputs";
import { pinToday, sessionAs, useTestDatabase } from "./db";

const db = useTestDatabase();
pinToday();
const year = new Date().getFullYear();
const dir = mkdtempSync(path.join(tmpdir(), "zi-pdf-"));

function pdfText(result: PdfResult): string {
  if (result.outcome !== "ok") throw new Error(`no pdf: ${result.outcome}`);
  expect(result.pdf.subarray(0, 5).toString()).toBe("%PDF-");
  const file = path.join(dir, result.filename);
  writeFileSync(file, result.pdf);
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
}

function pdfImages(result: PdfResult): number {
  if (result.outcome !== "ok") throw new Error("no pdf");
  const file = path.join(dir, `img-${result.filename}`);
  writeFileSync(file, result.pdf);
  return execFileSync("pdfimages", ["-list", file], { encoding: "utf8" }).trim().split("\n").length - 2;
}

/** The engine's figures for one unit, computed here from the stored rows. */
async function engine(shortName: string, layer: "SELF" | "TPI" | "PROJECTED") {
  const a = await db.prisma.assessment.findFirstOrThrow({
    where: { unit: { shortName }, periode: { year } },
    include: { periode: true, answers: { include: { question: { select: { code: true } } } }, hasil: true },
  });
  const catalogue = getCatalogue(a.periode.catalogueId);
  const input =
    layer === "PROJECTED"
      ? projectedInput(a.answers, a.hasil)
      : { answers: answersOf(a.answers, layer), hasil: hasilValue(a.hasil.find((h) => h.layer === layer)) };
  return {
    assessment: a,
    scorecard: scoreAssessment({
      catalogue,
      ...input,
      zeroBase: a.periode.zeroBase,
      previousPredicate: await previousPredicate(db.prisma, a.unitId, year),
    }),
  };
}

const squash = (s: string) => s.replace(/\s+/g, " ");

describe("LHE", () => {
  test("stage 2 (final) for a finalised LKE: cover, letter, team, per-area tables and totals equal the engine", async () => {
    const tpi = await sessionAs(db.prisma, "tpi@contoh.go.id");
    const { assessment, scorecard: t } = await engine("RSUD", "TPI");
    const { scorecard: s } = await engine("RSUD", "SELF");
    expect(assessment.status).toBe("FINALIZED");
    const text = squash(pdfText(await lhePdf(tpi.user, assessment.id, "127.0.0.1")));
    expect(text).toContain("LAPORAN HASIL EVALUASI");
    expect(text).toContain("Tahap II - Final");
    expect(text).toContain("Rumah Sakit Umum Daerah");
    expect(text).toContain(
      `Hasil penilaian mandiri unit sebesar ${formatScore(s.total)}, sedangkan nilai hasil desk evaluation TPI sebesar ${formatScore(t.total)} dari 100`,
    );
    expect(text).toContain(`pengungkit ${formatScore(t.pengungkit)}, hasil ${formatScore(t.hasil)}`);
    expect(text).toMatch(/Ketua/);
    expect(text).toContain(tpi.user.name);
    for (const [i, area] of t.areas.entries()) {
      const sa = s.areas[i];
      expect(text).toMatch(new RegExp(`Pemenuhan [0-9,]+ ${formatScore(sa.pemenuhan)} ${formatScore(area.pemenuhan)}`));
      expect(text).toMatch(new RegExp(`Reform [0-9,]+ ${formatScore(sa.reform)} ${formatScore(area.reform)}`));
      expect(text).toContain(`Jumlah ${formatScore(area.weight)} ${formatScore(sa.score)} ${formatScore(area.score)}`);
    }
    expect(text).toContain(`Nilai total 100,00 ${formatScore(s.total)} ${formatScore(t.total)}`);
    expect(text).toContain("Bukti dukung yang belum ada");
    expect(text).toContain("Rekomendasi");
    expect(text).toMatch(/Halaman 2 dari \d+/);
    expect(text).toMatch(/Dicetak \d+ \w+ \d{4}/);
    const entry = await db.prisma.auditLog.findFirstOrThrow({
      where: { action: "report.lhe", entityId: assessment.id },
    });
    expect(entry.actorId).toBe(tpi.user.id);
  });

  test("stage 1 for a returned LKE: provisional TPI figure and the returned questions", async () => {
    const tpi = await sessionAs(db.prisma, "tpi@contoh.go.id");
    const { assessment, scorecard: projected } = await engine("DPMPTSP", "PROJECTED");
    expect(assessment.status).toBe("RETURNED");
    const text = squash(pdfText(await lhePdf(tpi.user, assessment.id, null)));
    expect(text).toContain("Tahap I - Dikembalikan untuk perbaikan");
    expect(text).toContain(`nilai sementara hasil desk evaluation TPI sebesar ${formatScore(projected.total)}`);
    expect(text).toContain("Pertanyaan yang dikembalikan untuk perbaikan");
  });

  test("no LHE before the TPI returned or finalised; only the unit's TPI and readers in scope get it", async () => {
    const tpi = await sessionAs(db.prisma, "tpi@contoh.go.id");
    const tpi2 = await sessionAs(db.prisma, "tpi2@contoh.go.id");
    const kepalaDinkes = await sessionAs(db.prisma, "kepala.dinkes@contoh.go.id");
    const kepalaRsud = await sessionAs(db.prisma, "kepala.rsud@contoh.go.id");
    const disdukcapil = await db.prisma.assessment.findFirstOrThrow({
      where: { unit: { shortName: "Disdukcapil" }, periode: { year } },
    });
    const rsud = await db.prisma.assessment.findFirstOrThrow({
      where: { unit: { shortName: "RSUD" }, periode: { year } },
    });
    expect((await lhePdf(tpi.user, disdukcapil.id, null)).outcome).toBe("unavailable");
    expect((await lhePdf(tpi2.user, rsud.id, null)).outcome).toBe("forbidden");
    expect((await lhePdf(kepalaDinkes.user, rsud.id, null)).outcome).toBe("forbidden");
    expect((await lhePdf(kepalaRsud.user, rsud.id, null)).outcome).toBe("ok");
    expect((await lhePdf(tpi.user, "nope", null)).outcome).toBe("missing");
  });
});

describe("rapor PDF", () => {
  test("kop with the instansi name and logo, print date, page numbers, the engine's figures", async () => {
    const admin = await sessionAs(db.prisma, "admin@contoh.go.id");
    // A 1×1 PNG.
    const png = Buffer.from(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
      "base64",
    );
    expect(
      await setInstansiLogoAction.run({ logo: new File([png], "logo.png", { type: "image/png" }) }, admin),
    ).toMatchObject({ ok: true });
    expect(
      await setInstansiLogoAction.run(
        { logo: new File([Buffer.from("MZ not an image")], "logo.png", { type: "image/png" }) },
        admin,
      ),
    ).toMatchObject({ ok: false });

    const kepala = await sessionAs(db.prisma, "kepala.rsud@contoh.go.id");
    const { assessment, scorecard: t } = await engine("RSUD", "TPI");
    const result = await raporPdf(kepala.user, assessment.unitId, year, null, new Date(`${year}-10-15T03:00:00Z`));
    // The logo sits in the kop of every page.
    expect(pdfImages(result)).toBeGreaterThan(0);
    const text = squash(pdfText(result));
    expect(text).toContain("PEMERINTAH KABUPATEN CONTOH");
    expect(text).toContain(`Rapor Zona Integritas - Rumah Sakit Umum Daerah`);
    expect(text).toMatch(new RegExp(`Dicetak 15 Okt ${year}`));
    expect(text).toMatch(/Halaman 1 dari \d+/);
    expect(text).toContain(`Nilai total ${formatScore(t.total)} 100,00`);
    expect(text).toContain(`Pengungkit ${formatScore(t.pengungkit)}`);
    for (const area of t.areas)
      expect(text).toContain(
        `${formatScore(area.pemenuhan)} ${formatScore(area.reform)} ${formatScore(area.score)} ${formatScore(area.pct)}`,
      );
    expect(text).toContain(`WBK: ${t.wbk.eligible ? "memenuhi syarat" : "belum memenuhi syarat"}`);

    const other = await sessionAs(db.prisma, "kepala.dinkes@contoh.go.id");
    expect((await raporPdf(other.user, assessment.unitId, year, null)).outcome).toBe("forbidden");
  });
});

describe("survey report PDF", () => {
  test("Kuesioner, Metodologi, Pengolahan, Data, Temuan with the domain index's figures; scoped and audited", async () => {
    const operator = await sessionAs(db.prisma, "operator.dinkes@contoh.go.id");
    const unit = await db.prisma.unit.findFirstOrThrow({ where: { shortName: "Dinkes" } });
    const sheets: [number[], number[]][] = [
      [
        [4, 4, 3, 4, 4],
        [3, 3, 4, 2, 3, 3, 4, 3],
      ],
      [
        [3, 4, 4, 4, 3],
        [4, 3, 3, 2, 4, 3, 3, 4],
      ],
      [
        [4, 3, 4, 4, 4],
        [3, 4, 3, 1, 3, 4, 3, 3],
      ],
    ];
    const rounds: string[] = [];
    for (const [r, title] of ["Triwulan uji A", "Triwulan uji B"].entries()) {
      const opened = await openSurveyRoundAction.run({ unitId: unit.id, title }, operator);
      if (!opened.ok) throw new Error(opened.error);
      rounds.push(opened.data.roundId);
      // Round A gets the first two sheets, round B the last one plus one that is voided.
      const mine = r === 0 ? sheets.slice(0, 2) : [sheets[2], sheets[0]];
      for (const [i, [spak, spkp]] of mine.entries()) {
        const fields: Record<string, string> = { usia: "30–39" };
        spak.forEach((v, e) => (fields[`SPAK.A${e + 1}`] = String(v)));
        spkp.forEach((v, e) => (fields[`SPKP.K${e + 1}`] = String(v)));
        const { outcome } = await submitSurveyResponse({
          token: opened.data.token,
          fields,
          deviceCookie: null,
          ip: `10.9.${r}.${i}`,
        });
        if (outcome.kind !== "saved") throw new Error(outcome.kind);
        if (r === 1 && i === 1)
          expect(
            await voidSurveyResponseAction.run(
              { responseId: outcome.responseId, reason: "Diisi petugas untuk uji coba" },
              operator,
            ),
          ).toMatchObject({ ok: true });
      }
    }

    const text = squash(pdfText(await surveyReportPdf(operator.user, unit.id, year, "127.0.0.1")));
    for (const heading of ["I. Kuesioner", "II. Metodologi", "III. Pengolahan", "IV. Data", "V. Temuan"])
      expect(text).toContain(heading);
    expect(text).toContain("Dinas Kesehatan");
    expect(text).toMatch(/Halaman 1 dari \d/);
    expect(text).toContain("Tidak ada pungutan liar (pungli) pada unit layanan ini");
    expect(text).toContain("3 jawaban sah dari 4 jawaban masuk");
    expect(text).toMatch(/Triwulan uji B \d.*?\(rencana\) 30 1 1 /);

    const spak = computeSurveyIndex(sheets.map((s) => s[0]));
    const spkp = computeSurveyIndex(sheets.map((s) => s[1]));
    const spkpB = computeSurveyIndex([sheets[2][1]], [1, 4], { elementCount: 8 });
    expect(text).toContain(
      `IPAK (SPAK) 3 ${formatScore(spak.index!)} (1-4) ${formatScore(spak.lkeIndex!)} ${formatScore(spak.lkeInterval!.low)} - ${formatScore(spak.lkeInterval!.high)}`,
    );
    expect(text).toContain(`IPKP (SPKP) 3 ${formatScore(spkp.index!)} (1-4) ${formatScore(spkp.lkeIndex!)}`);
    expect(text).toContain(`Triwulan uji B (skala 1-4) 1 ${formatScore(spkpB.index!)} ${formatScore(spkpB.lkeIndex!)}`);
    // Per-element means of the year, and the weakest SPKP element named in the findings.
    expect(text).toContain(`K4 Waktu penyelesaian sesuai yang dijanjikan ${formatScore(spkp.elements[3]!)}`);
    expect(text).toMatch(
      new RegExp(
        `Unsur terendah: K4 Waktu penyelesaian sesuai yang dijanjikan \\(${formatScore(spkp.elements[3]!)}\\)`,
      ),
    );
    expect(text).toContain("Putaran di bawah minimal responden: Triwulan uji A, Triwulan uji B");
    expect(text).toContain("30–39 3");

    const other = await sessionAs(db.prisma, "operator.dishub@contoh.go.id");
    expect((await surveyReportPdf(other.user, unit.id, year, null)).outcome).toBe("forbidden");
    expect((await surveyReportPdf(operator.user, unit.id, year - 5, null)).outcome).toBe("unavailable");
    const audit = await db.prisma.auditLog.findMany({ where: { action: "report.survey", entityId: unit.id } });
    expect(audit).toHaveLength(1);
  });
});

describe("LHE stage I archive", () => {
  test("the stage I LHE handed over at the return is kept: same numbers after the answers changed and stage II exists", async () => {
    const tpi = await sessionAs(db.prisma, "tpi@contoh.go.id");
    const { assessment: a } = await engine("Disdukcapil", "PROJECTED");
    expect(a.status).toBe("IN_REVIEW");
    expect((await stageOneLhePdf(tpi.user, a.id, null)).outcome).toBe("unavailable");
    const pending = a.answers.find((r) => r.layer === "SELF" && r.reviewStatus === "PENDING")!;
    const returned = await reviewQuestionAction.run(
      {
        assessmentId: a.id,
        questionCode: pending.question.code,
        decision: "RETURN",
        reason: "Lengkapi notulen rapat yang ditandatangani",
        tpiVersion: 0,
        seenReviewStatus: "PENDING",
      },
      tpi,
    );
    expect(returned.ok).toBe(true);
    const started = performance.now();
    expect(await returnAssessmentAction.run({ assessmentId: a.id }, tpi)).toMatchObject({ ok: true });
    console.log(`[ukur] pengembalian LKE dengan arsip LHE tahap I ${(performance.now() - started).toFixed(0)} ms`);
    const stageOne = (await engine("Disdukcapil", "PROJECTED")).scorecard;
    const archive = await db.prisma.lheArchive.findFirstOrThrow({ where: { assessmentId: a.id } });
    expect(archive).toMatchObject({ stage: 1, revisionRound: 1, total: stageOne.total });
    expect(await db.prisma.auditLog.count({ where: { action: "report.lhe.archive", entityId: archive.id } })).toBe(1);

    // The unit revises and the TPI re-scores: every TPI "A" becomes "C", the self answers follow.
    await db.prisma.answer.updateMany({ where: { assessmentId: a.id, optionLabel: "A" }, data: { optionLabel: "C" } });
    const revised = (await engine("Disdukcapil", "PROJECTED")).scorecard;
    expect(formatScore(revised.total)).not.toBe(formatScore(stageOne.total));
    const stageOneText = (r: PdfResult) => {
      const text = squash(pdfText(r));
      expect(text).toContain("Tahap I - Dikembalikan untuk perbaikan");
      expect(text).toContain(`nilai sementara hasil desk evaluation TPI sebesar ${formatScore(stageOne.total)}`);
      expect(text).not.toContain(`sebesar ${formatScore(revised.total)}`);
    };
    // While still returned, the download is the archived report, not one recomputed from the revision.
    stageOneText(await lhePdf(tpi.user, a.id, null));

    await db.prisma.assessment.update({ where: { id: a.id }, data: { status: "FINALIZED" } });
    const { scorecard: final } = await engine("Disdukcapil", "TPI");
    const stageTwo = squash(pdfText(await lhePdf(tpi.user, a.id, null)));
    expect(stageTwo).toContain("Tahap II - Final");
    expect(stageTwo).toContain(`nilai hasil desk evaluation TPI sebesar ${formatScore(final.total)} dari 100`);
    stageOneText(await stageOneLhePdf(tpi.user, a.id, null));
    const kepalaDinkes = await sessionAs(db.prisma, "kepala.dinkes@contoh.go.id");
    expect((await stageOneLhePdf(kepalaDinkes.user, a.id, null)).outcome).toBe("forbidden");
  }, 60_000);
});
