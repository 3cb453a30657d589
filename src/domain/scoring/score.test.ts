import { describe, expect, test } from "vitest";
import type { CatalogueQuestion } from "../catalogue/types";
import { countWarnings, ScoringInputError } from "./answers";
import { hasilScores, percentageScore, questionScore, scoreAssessment } from "./score";
import { BEST_HASIL, LKE_2021, LKE_2026, bestAnswers, withSettings, worstAnswers } from "./test-fixtures";
import type { AnswerValue, CountAnswer } from "./types";

const q = (id: string): CatalogueQuestion => LKE_2021.questionById.get(id)!;
const settings = LKE_2021.settings;

describe("option answers: the catalogue's listed values", () => {
  // Domain reference §2.3 (Lampiran III workbook, PortalRB multipliers): Ya/Tidak 1/0; A–C 1/0.5/0;
  // A–D 1/0.67/0.33/0 (not thirds); A–E 1/0.75/0.5/0.25/0. Both catalogue versions.
  test.each([
    ["PPA1A", "YA_TIDAK", "Ya", 1],
    ["PPA1A", "YA_TIDAK", "Tidak", 0],
    ["PPA1B", "ABC", "A", 1],
    ["PPA1B", "ABC", "B", 0.5],
    ["PPA1B", "ABC", "C", 0],
    ["PPA3A", "ABCD", "A", 1],
    ["PPA3A", "ABCD", "B", 0.67],
    ["PPA3A", "ABCD", "C", 0.33],
    ["PPA3A", "ABCD", "D", 0],
    ["PRA2A", "ABCDE", "A", 1],
    ["PRA2A", "ABCDE", "B", 0.75],
    ["PRA2A", "ABCDE", "C", 0.5],
    ["PRA2A", "ABCDE", "D", 0.25],
    ["PRA2A", "ABCDE", "E", 0],
  ])("%s (%s) answered %s scores %d", (id, type, label, expected) => {
    for (const catalogue of [LKE_2021, LKE_2026]) {
      const question = catalogue.questionById.get(id)!;
      expect(question.answerType).toBe(type);
      // Exactly the literal: no thirds, no rounding on the way in.
      expect(questionScore(question, label, catalogue.settings)).toBe(expected);
    }
  });

  test("every A–D question of both catalogues scores 1 / 0.67 / 0.33 / 0", () => {
    for (const catalogue of [LKE_2021, LKE_2026]) {
      const abcd = catalogue.questions.filter((x) => x.answerType === "ABCD");
      expect(abcd).toHaveLength(33);
      for (const question of abcd) expect(question.options.map((o) => o.score)).toEqual([1, 0.67, 0.33, 0]);
    }
  });

  test("unanswered scores 0", () => {
    expect(questionScore(q("PPA1A"), null, settings)).toBe(0);
    expect(questionScore(q("PRA1A"), undefined, settings)).toBe(0);
  });
});

describe("percentage answers", () => {
  test.each([
    [0, 0],
    [62.5, 0.625],
    [100, 1],
  ])("a number %d%% scores %d", (pct, expected) => {
    expect(questionScore(q("PRA1A"), pct, settings)).toBeCloseTo(expected, 12);
  });

  // ratio: numerator / Σ denominator, capped at 1.
  test.each<[string, CountAnswer, number]>([
    ["PRA1A", { agenPerubahan: 8, perubahanDibuat: 6 }, 6 / 8],
    ["PRA1A", { agenPerubahan: 4, perubahanDibuat: 9 }, 1], // capped: "1 agen 1 perubahan"
    ["PRA1B", { perubahanDibuat: 6, perubahanTerintegrasi: 3 }, 0.5],
    ["PRD1A", { sasaranKinerja: 7, sasaranTercapai: 5 }, 5 / 7],
    ["PRE3A", { kepalaSatker: 1, pejabatWajibLhkpn: 4, lainnya: 5, sudahMelapor: 8 }, 8 / 10],
    ["PRE3B", { eselonIII: 2, eselonIV: 6, fungsionalPelaksana: 32, sudahMelapor: 30 }, 30 / 40],
    ["PRF1B", { layananTerdata: 12, layananDipermudah: 9 }, 0.75],
    ["PRE3A", { pejabatWajibLhkpn: 4, sudahMelapor: 3 }, 3 / 4], // missing keys count as 0
  ])("%s with counts %j scores %d", (id, counts, expected) => {
    expect(q(id).formula?.kind).toBe("ratio");
    expect(questionScore(q(id), counts, settings)).toBeCloseTo(expected, 12);
  });

  test.each([
    ["PRA1A", { agenPerubahan: 0, perubahanDibuat: 3 }],
    ["PRE3B", { sudahMelapor: 5 }],
    ["PRF1B", {}],
  ])("ratio %s with a zero denominator scores settings.zeroDenominator.score", (id, counts) => {
    expect(settings.zeroDenominator.score).toBe(0);
    expect(questionScore(q(id), counts, settings)).toBe(0);
    // The setting is really read: another value flows through.
    expect(questionScore(q(id), counts, withSettings(LKE_2021, { zero: 1 }).settings)).toBe(1);
  });
});

describe("PRC3A, penurunan pelanggaran disiplin", () => {
  const prc3a = q("PRC3A");
  const counts = (previous: number, current: number) => ({
    pelanggaranTahunLalu: previous,
    pelanggaranTahunIni: current,
    pelanggaranDisanksi: current,
  });
  const ratioSettings = withSettings(LKE_2021, { PRC3A: "ratio-current-to-previous" }).settings;

  test("the catalogue chooses the reduction formula", () => {
    expect(settings.percentageFormulas.PRC3A.choice).toBe("reduction");
  });

  // "reduction": (previous − current) / previous floored at 0; 1 when both 0; 0 when only previous is 0.
  test.each([
    [5, 2, 3 / 5],
    [4, 0, 1],
    [4, 4, 0],
    [3, 9, 0], // more violations than last year: floored at 0
    [0, 0, 1], // zero denominator, both zero
    [0, 2, 0], // zero denominator, only previous zero
  ])("reduction: previous %d, current %d → %d", (previous, current, expected) => {
    expect(percentageScore(prc3a, counts(previous, current), settings)).toBeCloseTo(expected, 12);
  });

  // "ratio-current-to-previous": min(1, current / previous); previous 0 → zeroDenominator.score.
  test.each([
    [5, 2, 2 / 5],
    [4, 0, 0],
    [3, 9, 1],
    [0, 0, 0],
    [0, 2, 0],
  ])("ratio-current-to-previous: previous %d, current %d → %d", (previous, current, expected) => {
    expect(percentageScore(prc3a, counts(previous, current), ratioSettings)).toBeCloseTo(expected, 12);
  });

  test("the setting switches the whole scorecard", () => {
    const answers = { PRC3A: counts(5, 2) };
    const reduction = scoreAssessment({ catalogue: LKE_2021, answers });
    const ratio = scoreAssessment({
      catalogue: withSettings(LKE_2021, { PRC3A: "ratio-current-to-previous" }),
      answers,
    });
    // PRC3 weight 2, one question: 2 × 0.6 = 1.2 against 2 × 0.4 = 0.8.
    expect(reduction.pengungkit).toBeCloseTo(1.2, 12);
    expect(ratio.pengungkit).toBeCloseTo(0.8, 12);
  });
});

describe("PRE2A, penanganan pengaduan masyarakat", () => {
  const pre2a = q("PRE2A");
  const counts = (due: number, inProgress: number, done: number) => ({
    pengaduanHarusDitindaklanjuti: due,
    pengaduanDiproses: inProgress,
    pengaduanSelesai: done,
  });
  const altSettings = withSettings(LKE_2021, { PRE2A: "done-over-in-progress-plus-done" }).settings;

  test("the catalogue chooses done / due", () => {
    expect(settings.percentageFormulas.PRE2A.choice).toBe("done-over-due");
  });

  // "done-over-due": done / due, capped at 1, in-progress unused; due 0 → zeroDenominator.score.
  test.each([
    [40, 6, 30, 30 / 40],
    [40, 0, 30, 30 / 40],
    [10, 2, 12, 1],
    [0, 3, 2, 0],
    [0, 0, 0, 0],
  ])("done-over-due: due %d, in progress %d, done %d → %d", (due, inProgress, done, expected) => {
    expect(percentageScore(pre2a, counts(due, inProgress, done), settings)).toBeCloseTo(expected, 12);
  });

  // "done-over-in-progress-plus-done": done / (in progress + done); both 0 → zeroDenominator.score.
  test.each([
    [40, 6, 30, 30 / 36],
    [40, 10, 30, 30 / 40],
    [0, 3, 2, 2 / 5],
    [9, 0, 0, 0],
  ])("done-over-in-progress-plus-done: due %d, in progress %d, done %d → %d", (due, inProgress, done, expected) => {
    expect(percentageScore(pre2a, counts(due, inProgress, done), altSettings)).toBeCloseTo(expected, 12);
  });

  test("the setting switches the whole scorecard", () => {
    const answers = { PRE2A: counts(40, 6, 30) };
    const due = scoreAssessment({ catalogue: LKE_2021, answers });
    const alt = scoreAssessment({
      catalogue: withSettings(LKE_2021, { PRE2A: "done-over-in-progress-plus-done" }),
      answers,
    });
    // PRE2 weight 3, one question: 3 × 30/40 = 2.25 against 3 × 30/36 = 2.5.
    expect(due.areas.find((a) => a.id === "PENGUNGKIT.E")!.score).toBeCloseTo(2.25, 12);
    expect(alt.areas.find((a) => a.id === "PENGUNGKIT.E")!.score).toBeCloseTo(2.5, 12);
  });
});

describe("invalid values are refused, naming the field", () => {
  test.each<[string, unknown, string]>([
    ["PPA1B", "F", "answers.PPA1B"],
    ["PPA1A", "ya", "answers.PPA1A"],
    ["PPA1A", 1, "answers.PPA1A"],
    ["PRA1A", 101, "answers.PRA1A"],
    ["PRA1A", -0.5, "answers.PRA1A"],
    ["PRA1A", "62,5", "answers.PRA1A"],
    ["PRA1A", { agenPerubahan: -1 }, "answers.PRA1A.agenPerubahan"],
    ["PRA1A", { agenPerubahan: 2.5 }, "answers.PRA1A.agenPerubahan"],
    ["PRA1A", { agen: 3 }, "answers.PRA1A.agen"],
  ])("%s = %j → %s", (id, value, field) => {
    let error: unknown;
    try {
      questionScore(q(id), value as AnswerValue, settings);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ScoringInputError);
    expect((error as ScoringInputError).field).toBe(field);
  });

  test.each([
    [{ ipak: 4.2 }, "hasil.ipak"],
    [{ ipkp: 0.5 }, "hasil.ipkp"],
    [{ capaianKinerja: "F" }, "hasil.capaianKinerja"],
  ])("hasil %j → %s", (hasil, field) => {
    expect(() => hasilScores(LKE_2021, hasil)).toThrow(ScoringInputError);
    expect(() => hasilScores(LKE_2021, hasil)).toThrow(`${field}:`);
  });
});

describe("komponen hasil", () => {
  // IPAK/IPKP points = index ÷ 4 × 17.5; capaian = 5 × option score; missing → 0.
  test.each([
    [{ ipak: 4, ipkp: 4, capaianKinerja: "A" }, 17.5, 5, 17.5],
    [{ ipak: 3.6, ipkp: 3.2, capaianKinerja: "C" }, 15.75, 2.5, 14],
    [{ ipak: 3.71, ipkp: 3.4, capaianKinerja: "B" }, 16.23125, 3.75, 14.875],
    [{ ipak: 1, ipkp: 2, capaianKinerja: "E" }, 4.375, 0, 8.75],
    [{ ipak: null, ipkp: undefined, capaianKinerja: "D" }, 0, 1.25, 0],
    [{}, 0, 0, 0],
  ])("%j", (hasil, ipak, capaian, ipkp) => {
    const h = hasilScores(LKE_2021, hasil);
    expect(h.ipak).toBeCloseTo(ipak, 12);
    expect(h.capaianKinerja).toBeCloseTo(capaian, 12);
    expect(h.ipkp).toBeCloseTo(ipkp, 12);
    expect(h.birokrasiBersih).toBeCloseTo(ipak + capaian, 12);
    expect(h.hasil).toBeCloseTo(ipak + capaian + ipkp, 12);
  });
});

describe("roll-up", () => {
  test.each([
    ["permenpanrb-90-2021", LKE_2021],
    ["lke-2026", LKE_2026],
  ])("%s: everything at its best scores 100 and is WBK; WBBM needs the predicate", (_id, catalogue) => {
    const s = scoreAssessment({ catalogue, answers: bestAnswers(catalogue), hasil: BEST_HASIL });
    expect(s.total).toBeCloseTo(100, 9);
    expect(s.pengungkit).toBeCloseTo(60, 9);
    expect(s.pemenuhan).toBeCloseTo(30, 9);
    expect(s.reform).toBeCloseTo(30, 9);
    expect(s.hasil).toBeCloseTo(40, 9);
    expect(s.areas.map((a) => a.score)).toEqual([8, 7, 10, 10, 15, 10].map((w) => expect.closeTo(w, 9)));
    expect(s.areas.every((a) => Math.abs(a.pct - 100) < 1e-9)).toBe(true);
    expect(s.answeredCount).toBe(110);
    expect(s.questionCount).toBe(110);
    expect(s.wbk).toMatchObject({ eligible: true, unmet: [] });
    expect(s.wbbm.unmet.map((u) => u.code)).toEqual(["previousPredicate"]);
  });

  test("everything at its worst and no hasil scores 0", () => {
    const s = scoreAssessment({ catalogue: LKE_2021, answers: worstAnswers(LKE_2021) });
    expect(s.total).toBe(0);
    expect(s.answeredCount).toBe(110);
    expect(Object.values(s.questions).every((r) => r.score === 0 && r.answered)).toBe(true);
  });

  test("nothing answered: every question unanswered, total 0", () => {
    const s = scoreAssessment({ catalogue: LKE_2021, answers: {} });
    expect(s.total).toBe(0);
    expect(s.answeredCount).toBe(0);
    expect(Object.keys(s.questions)).toHaveLength(110);
    expect(s.questions.PPA1A).toEqual({
      score: 0,
      points: 0,
      weight: 0.25,
      answered: false,
      zeroBase: false,
      excluded: false,
    });
  });

  test("indicator = weight × mean of its question scores; unanswered questions count as 0", () => {
    // PPA4 (weight 1.5, four questions): Ya = 1, B (A–C) = 0.5, the other two unanswered → 1.5 × 1.5 / 4.
    const s = scoreAssessment({ catalogue: LKE_2021, answers: { PPA4A: "Ya", PPA4B: "B" } });
    expect(s.indicators.PPA4).toMatchObject({ weight: 1.5, answered: 2, questionCount: 4 });
    expect(s.indicators.PPA4.score).toBeCloseTo((1.5 * 1.5) / 4, 12);
    expect(s.questions.PPA4B).toEqual({
      score: 0.5,
      points: 0.375 * 0.5,
      weight: 0.375,
      answered: true,
      zeroBase: false,
      excluded: false,
    });
    expect(s.subAreas.PPA.score).toBeCloseTo((1.5 * 1.5) / 4, 12);
    expect(s.areas[0].pemenuhan).toBeCloseTo((1.5 * 1.5) / 4, 12);
    expect(s.areas[0].reform).toBe(0);
  });

  test("a pemenuhan or reform half below the minimum is a warning when the area total passes", () => {
    // Area A (weight 8): pemenuhan all best = 4, reform PRA1A 100% + PRA1B 80% → 2 × 0.9 = 1.8.
    // Area 5.8 ≥ 4.8 (60 %), but reform 1.8 < 2.4 (60 % of 4).
    const answers = { ...bestAnswers(LKE_2021), PRA1B: 80, PRA2A: null, PRA3A: null };
    const s = scoreAssessment({ catalogue: LKE_2021, answers, hasil: BEST_HASIL });
    expect(s.areas[0].score).toBeCloseTo(5.8, 12);
    expect(s.wbk.unmet.map((u) => u.code)).not.toContain("area:PENGUNGKIT.A");
    expect(s.wbk.warnings).toEqual([
      expect.objectContaining({
        code: "split:PRA",
        areaId: "PENGUNGKIT.A",
        kind: "REFORM",
        actual: expect.closeTo(1.8, 12),
        required: expect.closeTo(2.4, 12),
      }),
    ]);
    expect(s.wbk.warnings[0].label).toBe(
      "Bagian reform area Manajemen Perubahan 1,80 di bawah 2,40 (60% dari bobot 4,00); area memenuhi syarat jika dinilai per total area",
    );
  });

  test("unknown answer ids are ignored by the engine (the validator refuses them)", () => {
    const s = scoreAssessment({ catalogue: LKE_2021, answers: { XYZ: "A", PPA1A: "Ya" } });
    expect(s.pengungkit).toBeCloseTo(0.25, 12);
  });
});

describe("zero base: the periode's rule (ZERO / ONE / EXCLUDE)", () => {
  // PRE3 (weight 2) has two questions: PRE3A (LHKPN) and PRE3B (non-LHKPN). Nobody is obliged to report
  // LHKPN (base 0); 30 of 40 report non-LHKPN (¾).
  const answers = {
    ...bestAnswers(LKE_2021),
    PRE3A: { kepalaSatker: 0, pejabatWajibLhkpn: 0, lainnya: 0, sudahMelapor: 0 },
    PRE3B: { eselonIII: 2, eselonIV: 6, fungsionalPelaksana: 32, sudahMelapor: 30 },
  };
  const run = (zeroBase?: "ZERO" | "ONE" | "EXCLUDE") =>
    scoreAssessment({ catalogue: LKE_2021, answers, hasil: BEST_HASIL, zeroBase });

  test.each([
    [undefined, (2 * (0 + 0.75)) / 2, 0], // default ZERO, as the catalogue's zeroDenominator
    ["ZERO", (2 * (0 + 0.75)) / 2, 0],
    ["ONE", (2 * (1 + 0.75)) / 2, 1],
    ["EXCLUDE", 2 * 0.75, 0],
  ] as const)("rule %s: PRE3 = %d, PRE3A scores %d", (rule, indicator, pre3a) => {
    const s = run(rule);
    expect(s.indicators.PRE3.score).toBeCloseTo(indicator, 12);
    expect(s.questions.PRE3A).toMatchObject({
      score: pre3a,
      zeroBase: true,
      excluded: rule === "EXCLUDE",
      answered: true,
    });
    expect(s.questions.PRE3B).toMatchObject({ zeroBase: false, excluded: false });
    // The question's points add up to the indicator in every rule.
    expect(s.questions.PRE3A.points + s.questions.PRE3B.points).toBeCloseTo(indicator, 12);
  });

  test("EXCLUDE: an indicator whose only question is on a zero base counts as fully met", () => {
    const noComplaints = {
      ...answers,
      PRE2A: { pengaduanHarusDitindaklanjuti: 0, pengaduanDiproses: 0, pengaduanSelesai: 0 },
    };
    const excluded = scoreAssessment({ catalogue: LKE_2021, answers: noComplaints, zeroBase: "EXCLUDE" });
    expect(excluded.indicators.PRE2.score).toBe(3);
    expect(
      scoreAssessment({ catalogue: LKE_2021, answers: noComplaints, zeroBase: "ZERO" }).indicators.PRE2.score,
    ).toBe(0);
    expect(scoreAssessment({ catalogue: LKE_2021, answers: noComplaints, zeroBase: "ONE" }).indicators.PRE2.score).toBe(
      3,
    );
  });

  test("PRC3A keeps its settled rule under every setting", () => {
    for (const rule of ["ZERO", "ONE", "EXCLUDE"] as const) {
      const both0 = { pelanggaranTahunLalu: 0, pelanggaranTahunIni: 0, pelanggaranDisanksi: 0 };
      const prev0 = { pelanggaranTahunLalu: 0, pelanggaranTahunIni: 2, pelanggaranDisanksi: 2 };
      expect(questionScore(q("PRC3A"), both0, settings, rule)).toBe(1);
      expect(questionScore(q("PRC3A"), prev0, settings, rule)).toBe(0);
    }
  });

  test("a percentage typed directly is never on a zero base", () => {
    const s = scoreAssessment({ catalogue: LKE_2021, answers: { ...answers, PRE3A: 0 }, zeroBase: "EXCLUDE" });
    expect(s.questions.PRE3A).toMatchObject({ zeroBase: false, excluded: false, score: 0 });
  });

  test("every ratio and complaints question of both catalogues says what a zero base means", () => {
    for (const catalogue of [LKE_2021, LKE_2026]) {
      for (const question of catalogue.questions.filter((x) => x.formula && x.formula.kind !== "reduction")) {
        expect(question.zeroBaseText, question.id).toMatch(/^Tidak ada /);
      }
    }
  });
});

describe("count checks declared in the catalogue", () => {
  test("done > due complaints warns and stays capped at 100 %", () => {
    const counts = { pengaduanHarusDitindaklanjuti: 10, pengaduanDiproses: 0, pengaduanSelesai: 15 };
    expect(questionScore(q("PRE2A"), counts, settings)).toBe(1);
    expect(countWarnings(q("PRE2A"), counts).map((w) => w.message)).toEqual([
      "Pengaduan yang selesai ditindaklanjuti lebih banyak daripada pengaduan yang harus ditindaklanjuti (15 dari 10)",
      "Pengaduan yang diproses dan selesai lebih banyak daripada pengaduan yang harus ditindaklanjuti (15 dari 10)",
    ]);
    expect(
      countWarnings(q("PRE2A"), { pengaduanHarusDitindaklanjuti: 10, pengaduanDiproses: 2, pengaduanSelesai: 8 }),
    ).toEqual([]);
  });

  test.each([
    ["PRE3A", { kepalaSatker: 1, pejabatWajibLhkpn: 2, lainnya: 0, sudahMelapor: 4 }],
    ["PRE3B", { eselonIII: 1, eselonIV: 1, fungsionalPelaksana: 1, sudahMelapor: 5 }],
    ["PRC3A", { pelanggaranTahunLalu: 3, pelanggaranTahunIni: 1, pelanggaranDisanksi: 2 }],
  ])("%s warns on %j", (id, counts) => {
    expect(countWarnings(q(id), counts)).toHaveLength(1);
  });

  test("more changes than change agents is legitimate: no check on PRA1A", () => {
    expect(countWarnings(q("PRA1A"), { agenPerubahan: 2, perubahanDibuat: 9 })).toEqual([]);
    expect(questionScore(q("PRA1A"), { agenPerubahan: 2, perubahanDibuat: 9 }, settings)).toBe(1);
  });
});

describe("survey index range comes from the catalogue", () => {
  test("2026 takes 0–4, 2021 takes 1–4", () => {
    expect(LKE_2026.hasil.ipak).toMatchObject({ scaleMin: 0, scaleMax: 4 });
    expect(LKE_2021.hasil.ipkp).toMatchObject({ scaleMin: 1, scaleMax: 4 });
    expect(hasilScores(LKE_2026, { ipak: 0.5 }).ipak).toBeCloseTo((0.5 / 4) * 17.5, 12);
    expect(() => hasilScores(LKE_2021, { ipak: 0.5 })).toThrow("indeks 0.5 di luar rentang 1–4");
    expect(() => hasilScores(LKE_2026, { ipak: 4.01 })).toThrow("indeks 4.01 di luar rentang 0–4");
  });
});
