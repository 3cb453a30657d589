import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { Catalogue, PredicateCode } from "../catalogue/types";
import { applyImprovements, describeImprovement, gapAnalysis } from "./gap";
import { scoreAssessment } from "./score";
import {
  BEST_HASIL,
  LKE_2021,
  answersArbitrary,
  bestAnswers,
  hasilArbitrary,
  previousPredicateArbitrary,
  subsetsBySize,
  syntheticCatalogue,
  syntheticSpecArbitrary,
  worstAnswers,
} from "./test-fixtures";
import type { Answers, HasilInput, QuestionImprovement, ScoringInput } from "./types";

const codesOf = (input: ScoringInput, p: PredicateCode) => {
  const s = scoreAssessment(input);
  return (p === "WBK" ? s.wbk : s.wbbm).unmet.map((u) => u.code as string);
};

describe("ranking", () => {
  // Best answers everywhere except:
  //   PRC2A C (A–C 0), weight 1.5            → gain 1.5 × (1 − 0)   = 1.5
  //   PRD3A C (A–D 0.33), weight 1.5         → gain 1.5 × (1 − 0.33) = 1.005
  //   PRF2A B (A–D 0.67), weight 2.5         → gain 2.5 × (1 − 0.67) = 0.825
  //   PRE2A 30 of 40 complaints (75 %), w 3  → gain 3 × (1 − 0.75)  = 0.75
  //   PPD2G Tidak, weight 2.5 / 8            → gain 0.3125
  //   PPA1A Tidak, weight 0.5 / 2            → gain 0.25
  //   PPA1B unanswered, weight 0.5 / 2       → gain 0.25 (tie with PPA1A: catalogue order)
  const answers: Answers = {
    ...bestAnswers(LKE_2021),
    PRC2A: "C",
    PRD3A: "C",
    PRF2A: "B",
    PRE2A: { pengaduanHarusDitindaklanjuti: 40, pengaduanDiproses: 6, pengaduanSelesai: 30 },
    PPD2G: "Tidak",
    PPA1A: "Tidak",
    PPA1B: null,
  };
  const gap = gapAnalysis({ catalogue: LKE_2021, answers, hasil: BEST_HASIL });

  test("questions come by gain, largest first, with from/to labels", () => {
    expect(gap.ranking.map((r) => [r.questionId, r.gain, r.fromLabel, r.to])).toEqual([
      ["PRC2A", expect.closeTo(1.5, 12), "C", "A"],
      ["PRD3A", expect.closeTo(1.005, 12), "C", "A"],
      ["PRF2A", expect.closeTo(0.825, 12), "B", "A"],
      ["PRE2A", expect.closeTo(0.75, 12), "75%", "100%"],
      ["PPD2G", expect.closeTo(0.3125, 12), "Tidak", "Ya"],
      ["PPA1A", expect.closeTo(0.25, 12), "Tidak", "Ya"],
      ["PPA1B", expect.closeTo(0.25, 12), "belum dijawab", "A"],
    ]);
    expect(gap.ranking[3]).toMatchObject({ from: "75%", improvedValue: 100, answered: true, answerType: "PERSENTASE" });
    expect(gap.ranking[6]).toMatchObject({ from: null, improvedValue: "A", answered: false, currentScore: 0 });
    expect(describeImprovement(gap.ranking[0])).toBe("PRC2A: C → A (+1,50)");
  });

  test("every gain is weight × (1 − current score); maximum pengungkit is 60", () => {
    for (const r of gap.ranking) {
      const q = gap.scorecard.questions[r.questionId];
      expect(r.gain).toBeCloseTo(q.weight * (1 - q.score), 12);
    }
    expect(gap.maxPengungkit).toBeCloseTo(60, 9);
    expect(gap.maxTotal).toBeCloseTo(100, 9);
  });

  test("ranking holds exactly the questions below their best answer, sorted", () => {
    fc.assert(
      fc.property(answersArbitrary(LKE_2021), (answers) => {
        const g = gapAnalysis({ catalogue: LKE_2021, answers });
        const below = Object.entries(g.scorecard.questions)
          .filter(([, q]) => q.score < 1 - 1e-12)
          .map(([id]) => id);
        expect(new Set(g.ranking.map((r) => r.questionId))).toEqual(new Set(below));
        for (let i = 1; i < g.ranking.length; i++)
          expect(g.ranking[i - 1].gain).toBeGreaterThanOrEqual(g.ranking[i].gain - 1e-12);
      }),
      { numRuns: 100 },
    );
  });
});

describe("path towards a predicate", () => {
  test("one failing area: its largest gain first", () => {
    // Area C (weight 10) with pemenuhan at best (5) and PRC1A C, PRC2A C, PRC3A 0 % → 5.00 < 6.00 (WBK).
    // Area C gains: PRC3A 2, PRC1A 1.5, PRC2A 1.5. WBK: PRC3A alone → 7 ≥ 6.
    // WBBM (7.5): PRC3A → 7, then PRC1A → 8.5 ≥ 7.5; the predicate already held cannot be cleared.
    const input: ScoringInput = {
      catalogue: LKE_2021,
      answers: { ...bestAnswers(LKE_2021), PRC1A: "C", PRC2A: "C", PRC3A: 0 },
      hasil: BEST_HASIL,
      previousPredicate: null,
    };
    const gap = gapAnalysis(input);
    expect(gap.wbk).toMatchObject({
      eligibleNow: false,
      eligibleAfter: true,
      cleared: ["area:PENGUNGKIT.C"],
      notClearable: [],
    });
    expect(gap.wbk.steps.map((s) => [s.questionId, s.fromLabel, s.to])).toEqual([["PRC3A", "0%", "100%"]]);
    expect(gap.wbk.totalGain).toBeCloseTo(2, 12);
    expect(gap.wbk.projected.areas["PENGUNGKIT.C"]).toBeCloseTo(7, 12);
    expect(gap.wbbm.steps.map((s) => s.questionId)).toEqual(["PRC3A", "PRC1A"]);
    expect(gap.wbbm.cleared).toEqual(["area:PENGUNGKIT.C"]);
    expect(gap.wbbm.notClearable.map((n) => [n.code, n.reason])).toEqual([["previousPredicate", "predicate"]]);
    expect(gap.wbbm.eligibleAfter).toBe(false);

    const after = scoreAssessment({ ...input, answers: applyImprovements(input.answers, gap.wbk.steps) });
    expect(after.wbk.eligible).toBe(true);
  });

  test("already eligible: no steps", () => {
    const gap = gapAnalysis({
      catalogue: LKE_2021,
      answers: bestAnswers(LKE_2021),
      hasil: BEST_HASIL,
      previousPredicate: "WBK",
    });
    expect(gap.wbk).toMatchObject({ eligibleNow: true, eligibleAfter: true, steps: [], cleared: [], notClearable: [] });
    expect(gap.wbbm).toMatchObject({ eligibleNow: true, steps: [] });
    expect(gap.ranking).toEqual([]);
  });

  test("conditions no answer can clear are named as such", () => {
    // All answers worst; IPAK 1 and IPKP 1 → 4.375 each; capaian E → 0. Hasil 8.75, so even 60
    // pengungkit points reach only 68.75 < 75: total cannot be cleared, pengungkit and areas can.
    const input: ScoringInput = {
      catalogue: LKE_2021,
      answers: worstAnswers(LKE_2021),
      hasil: { ipak: 1, ipkp: 1, capaianKinerja: "E" },
      previousPredicate: null,
    };
    const gap = gapAnalysis(input);
    expect(gap.maxTotal).toBeCloseTo(68.75, 9);
    expect(gap.wbk.notClearable.map((n) => [n.code, n.reason])).toEqual([
      ["total", "insufficient"],
      ["birokrasiBersih", "outcome"],
      ["ipak", "survey"],
      ["capaianKinerja", "outcome"],
      ["ipkp", "survey"],
    ]);
    expect(gap.wbk.notClearable.map((n) => n.label)).toEqual([
      "Nilai total 8,75 di bawah 75,00: dengan semua jawaban LKE terbaik pun nilainya hanya 68,75",
      "Nilai birokrasi yang bersih dan akuntabel 4,38 di bawah 18,25: nilai ini dibentuk oleh IPAK dan capaian kinerja, tidak dapat dipenuhi lewat jawaban LKE",
      "Nilai IPAK 4,38 di bawah 15,75 (indeks minimal 3,60): nilai IPAK berasal dari survei persepsi anti korupsi, tidak dapat dipenuhi lewat jawaban LKE",
      "Nilai capaian kinerja 0,00 di bawah 2,50: capaian kinerja adalah hasil kinerja unit, tidak dapat dipenuhi lewat jawaban LKE",
      "Nilai IPKP 4,38 di bawah 14,00 (indeks minimal 3,20): nilai IPKP berasal dari survei persepsi kualitas pelayanan, tidak dapat dipenuhi lewat jawaban LKE",
    ]);
    expect(gap.wbk.cleared).toEqual([
      "pengungkit",
      "area:PENGUNGKIT.A",
      "area:PENGUNGKIT.B",
      "area:PENGUNGKIT.C",
      "area:PENGUNGKIT.D",
      "area:PENGUNGKIT.E",
      "area:PENGUNGKIT.F",
    ]);
    expect(gap.wbk.eligibleAfter).toBe(false);
    expect(gap.wbbm.notClearable.map((n) => n.code)).toEqual([
      "total",
      "birokrasiBersih",
      "ipak",
      "capaianKinerja",
      "ipkp",
      "previousPredicate",
    ]);

    // Applying the steps leaves exactly the conditions named as not clearable.
    const after = scoreAssessment({ ...input, answers: applyImprovements(input.answers, gap.wbk.steps) });
    expect(after.wbk.unmet.map((u) => u.code)).toEqual(gap.wbk.notClearable.map((n) => n.code));
    expect(after.pengungkit).toBeGreaterThanOrEqual(40 - 1e-9);
  });

  test.each<PredicateCode>(["WBK", "WBBM"])(
    "%s: applying the path clears every clearable condition (random units)",
    (p) => {
      const arb = fc.record({
        answers: answersArbitrary(LKE_2021),
        hasil: hasilArbitrary,
        previousPredicate: previousPredicateArbitrary,
      });
      fc.assert(
        fc.property(arb, (r) => {
          const input: ScoringInput = { catalogue: LKE_2021, ...r };
          const gap = gapAnalysis(input);
          const path = p === "WBK" ? gap.wbk : gap.wbbm;
          const before = codesOf(input, p);
          // Independent of the path: what stays unmet when every question is at its best answer.
          const stuck = codesOf({ ...input, answers: applyImprovements(input.answers, gap.ranking) }, p);
          expect(path.notClearable.map((n) => n.code)).toEqual(stuck);
          expect([...path.cleared].sort()).toEqual(before.filter((c) => !stuck.includes(c)).sort());
          const after = codesOf({ ...input, answers: applyImprovements(input.answers, path.steps) }, p);
          expect(after).toEqual(stuck);
          expect(path.eligibleAfter).toBe(stuck.length === 0);
          if (path.eligibleAfter) expect(after).toEqual([]);
          const projected = scoreAssessment({ ...input, answers: applyImprovements(input.answers, path.steps) });
          expect(projected.total).toBeCloseTo(path.projected.total, 9);
          expect(projected.pengungkit).toBeCloseTo(path.projected.pengungkit, 9);
        }),
        { numRuns: 150 },
      );
    },
  );
});

/* -------------------------------------------------------------------------------------------------- */
/* Minimality against brute force.                                                                    */

/**
 * The smallest number of improvements that clears every condition answers can clear, found by
 * trying every subset of the improvable questions (smallest first) and re-scoring each one.
 */
function bruteForceMinimum(input: ScoringInput, candidates: readonly QuestionImprovement[], p: PredicateCode): number {
  const stuck = new Set(codesOf({ ...input, answers: applyImprovements(input.answers, candidates) }, p));
  for (const subset of subsetsBySize(candidates)) {
    const unmet = codesOf({ ...input, answers: applyImprovements(input.answers, subset) }, p);
    if (unmet.every((c) => stuck.has(c))) return subset.length;
  }
  throw new Error("unreachable: the full set clears everything clearable");
}

/** Checks both paths against brute force; returns the longest path length (to show the cases are not trivial). */
function checkMinimal(input: ScoringInput): number {
  const gap = gapAnalysis(input);
  expect(gap.ranking.length).toBeLessThanOrEqual(12);
  let longest = 0;
  for (const p of ["WBK", "WBBM"] as const) {
    const path = p === "WBK" ? gap.wbk : gap.wbbm;
    expect(path.steps.length).toBe(bruteForceMinimum(input, gap.ranking, p));
    longest = Math.max(longest, path.steps.length);
  }
  return longest;
}

describe("the path is minimal (brute force on small cases)", () => {
  test("small synthetic catalogues, random answers", () => {
    const arb = syntheticSpecArbitrary.chain((spec) => {
      const catalogue = syntheticCatalogue(spec);
      return fc.record({
        catalogue: fc.constant(catalogue),
        answers: answersArbitrary(catalogue),
        hasil: hasilArbitrary,
        previousPredicate: previousPredicateArbitrary,
      });
    });
    const lengths: number[] = [];
    fc.assert(
      fc.property(arb, (input) => {
        lengths.push(checkMinimal(input));
      }),
      { numRuns: 60 },
    );
    // Not vacuous: many cases need several improvements.
    expect(lengths.filter((n) => n >= 3).length).toBeGreaterThanOrEqual(10);
  });

  test("the real catalogue with up to 12 questions below their best", () => {
    // The heavier reform questions, so that areas, pengungkit (48 for WBBM) and total can all fail.
    const heavy = [
      "PRE2A",
      "PRF2A",
      "PRE1A",
      "PRC3A",
      "PRD1A",
      "PRC1A",
      "PRC2A",
      "PRD2A",
      "PRD3A",
      "PRA2A",
      "PRA3A",
      "PRF1A",
      "PRB1A",
      "PRE3A",
    ];
    const lengths: number[] = [];
    const arb = fc.record({
      lowered: fc.uniqueArray(fc.constantFrom(...heavy), { minLength: 1, maxLength: 12 }),
      level: fc.array(fc.nat({ max: 3 }), { minLength: 14, maxLength: 14 }),
      hasil: fc.constantFrom<HasilInput>(
        BEST_HASIL,
        { ipak: 3.6, ipkp: 3.2, capaianKinerja: "C" },
        { ipak: 3.3, ipkp: 3.8, capaianKinerja: "B" },
      ),
      previousPredicate: previousPredicateArbitrary,
    });
    fc.assert(
      fc.property(arb, ({ lowered, level, hasil, previousPredicate }) => {
        const answers: Record<string, Answers[string]> = { ...bestAnswers(LKE_2021) };
        lowered.forEach((id, i) => {
          const q = LKE_2021.questionById.get(id)!;
          answers[id] =
            q.answerType === "PERSENTASE"
              ? [0, 20, 55, null][level[i]]
              : level[i] === 3
                ? null
                : q.options[Math.min(q.options.length - 1, 1 + level[i])].label;
        });
        lengths.push(checkMinimal({ catalogue: LKE_2021, answers, hasil, previousPredicate }));
      }),
      { numRuns: 40 },
    );
    expect(lengths.filter((n) => n >= 2).length).toBeGreaterThanOrEqual(5);
  });

  test("a hand-made case: failing areas take their own largest gains first", () => {
    // Lowered: PRC1A C, PRC2A C, PRC3A 0 % (area C −5), PRE2A 0 % and PRE1A E (area E −5.5),
    // PRF2A D (area F −2.5), PRD1A 0 % (area D −2).
    // Pengungkit = 60 − (1.5 + 1.5 + 2 + 3 + 2.5 + 2.5 + 2) = 45; hasil 40 → total 85.
    // WBK: area C 5 < 6 (the only failure; E 9.5 ≥ 9). Largest area-C gain: PRC3A 2 → 7. One step,
    //      although PRE2A (3) is the largest gain overall.
    // WBBM: area C 5 < 7.5 → PRC3A (2) + PRC1A (1.5) = 8.5; area E 9.5 < 11.25 → PRE2A (3) = 12.5;
    //      pengungkit 45 + 6.5 = 51.5 ≥ 48 needs nothing more; F 7.5 and D 8 already meet 75 %.
    const catalogue: Catalogue = LKE_2021;
    const answers = {
      ...bestAnswers(catalogue),
      PRC1A: "C",
      PRC2A: "C",
      PRC3A: 0,
      PRE2A: 0,
      PRF2A: "D",
      PRE1A: "E",
      PRD1A: 0,
    };
    const input: ScoringInput = { catalogue, answers, hasil: BEST_HASIL, previousPredicate: "WBK" };
    const gap = gapAnalysis(input);
    expect(gap.scorecard.pengungkit).toBeCloseTo(45, 12);
    expect(gap.scorecard.wbk.unmet.map((u) => u.code)).toEqual(["area:PENGUNGKIT.C"]);
    expect(gap.scorecard.wbbm.unmet.map((u) => u.code)).toEqual([
      "pengungkit",
      "area:PENGUNGKIT.C",
      "area:PENGUNGKIT.E",
    ]);
    expect(gap.ranking[0].questionId).toBe("PRE2A");
    expect(gap.wbk.steps.map((s) => s.questionId)).toEqual(["PRC3A"]);
    expect(gap.wbbm.steps.map((s) => s.questionId)).toEqual(["PRC3A", "PRC1A", "PRE2A"]);
    expect(gap.wbbm.cleared).toEqual(["pengungkit", "area:PENGUNGKIT.C", "area:PENGUNGKIT.E"]);
    expect(gap.wbbm.eligibleAfter).toBe(true);
    checkMinimal(input);
  });
});
