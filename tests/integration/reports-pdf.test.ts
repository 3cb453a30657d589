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
import { setInstansiLogoAction } from "@/server/actions/instansi-settings";
import { lhePdf, raporPdf, type PdfResult } from "@/server/reports/pdf";
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
