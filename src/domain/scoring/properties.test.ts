import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { Catalogue } from "../catalogue/types";
import { scoreAssessment } from "./score";
import {
  LKE_2021,
  LKE_2026,
  answersArbitrary,
  hasilArbitrary,
  previousPredicateArbitrary,
  withSettings,
} from "./test-fixtures";
import type { Scorecard, ScoringInput } from "./types";
import { parseScoringRequest } from "./validate";

const TOL = 1e-9;
const RUNS = { numRuns: 300 };

const CATALOGUES: [string, Catalogue][] = [
  ["permenpanrb-90-2021", LKE_2021],
  ["lke-2026", LKE_2026],
  [
    "alternative PRC3A/PRE2A formulas",
    withSettings(LKE_2021, { PRC3A: "ratio-current-to-previous", PRE2A: "done-over-in-progress-plus-done" }),
  ],
];

const inputArbitrary = (catalogue: Catalogue): fc.Arbitrary<ScoringInput> =>
  fc
    .record({
      answers: answersArbitrary(catalogue),
      hasil: hasilArbitrary,
      previousPredicate: previousPredicateArbitrary,
    })
    .map((r) => ({ catalogue, ...r }));

/** Every figure a higher option must not lower. */
function figures(s: Scorecard): number[] {
  return [
    s.total,
    s.pengungkit,
    s.pemenuhan,
    s.reform,
    s.hasil,
    s.birokrasiBersih,
    s.ipak,
    s.capaianKinerja,
    s.ipkp,
    ...s.areas.flatMap((a) => [a.score, a.pemenuhan, a.reform]),
    ...Object.values(s.indicators).map((i) => i.score),
  ];
}

describe.each(CATALOGUES)("scorecard invariants (%s)", (_name, catalogue) => {
  test("the total stays within 0–100 and every part within its weight", () => {
    fc.assert(
      fc.property(inputArbitrary(catalogue), (input) => {
        const s = scoreAssessment(input);
        expect(s.total).toBeGreaterThanOrEqual(0);
        expect(s.total).toBeLessThanOrEqual(100 + TOL);
        expect(s.pengungkit).toBeLessThanOrEqual(60 + TOL);
        expect(s.hasil).toBeLessThanOrEqual(40 + TOL);
        for (const a of s.areas) {
          expect(a.score).toBeGreaterThanOrEqual(0);
          expect(a.score).toBeLessThanOrEqual(a.weight + TOL);
        }
        for (const r of Object.values(s.questions)) {
          expect(r.score).toBeGreaterThanOrEqual(0);
          expect(r.score).toBeLessThanOrEqual(1);
        }
      }),
      RUNS,
    );
  });

  test("areas sum to pengungkit; pemenuhan + reform = pengungkit; hasil parts sum to hasil; total = pengungkit + hasil", () => {
    fc.assert(
      fc.property(inputArbitrary(catalogue), (input) => {
        const s = scoreAssessment(input);
        const areaSum = s.areas.reduce((sum, a) => sum + a.score, 0);
        expect(Math.abs(areaSum - s.pengungkit)).toBeLessThan(TOL);
        expect(Math.abs(s.pemenuhan + s.reform - s.pengungkit)).toBeLessThan(TOL);
        for (const a of s.areas) expect(Math.abs(a.pemenuhan + a.reform - a.score)).toBeLessThan(TOL);
        expect(Math.abs(s.ipak + s.capaianKinerja - s.birokrasiBersih)).toBeLessThan(TOL);
        expect(Math.abs(s.birokrasiBersih + s.ipkp - s.hasil)).toBeLessThan(TOL);
        expect(Math.abs(s.ipak + s.capaianKinerja + s.ipkp - s.hasil)).toBeLessThan(TOL);
        expect(Math.abs(s.pengungkit + s.hasil - s.total)).toBeLessThan(TOL);
        // Question points add up to the pengungkit too.
        const points = Object.values(s.questions).reduce((sum, q) => sum + q.points, 0);
        expect(Math.abs(points - s.pengungkit)).toBeLessThan(TOL);
      }),
      RUNS,
    );
  });

  test("choosing an option with a higher score never lowers any score", () => {
    const optionQuestions = catalogue.questions.filter((q) => q.options.length > 0);
    const arb = fc.record({
      input: inputArbitrary(catalogue),
      question: fc.constantFrom(...optionQuestions),
      i: fc.nat(),
      j: fc.nat(),
    });
    fc.assert(
      fc.property(arb, ({ input, question, i, j }) => {
        const n = question.options.length;
        const [hi, lo] = [question.options[Math.min(i % n, j % n)], question.options[Math.max(i % n, j % n)]];
        expect(hi.score).toBeGreaterThanOrEqual(lo.score);
        const higher = figures(scoreAssessment({ ...input, answers: { ...input.answers, [question.id]: hi.label } }));
        const lower = figures(scoreAssessment({ ...input, answers: { ...input.answers, [question.id]: lo.label } }));
        higher.forEach((value, k) => expect(value).toBeGreaterThanOrEqual(lower[k]));
      }),
      RUNS,
    );
  });

  test("a better capaian kinerja option or a higher survey index never lowers any score", () => {
    const labels = catalogue.hasil.capaianKinerja.options.map((o) => o.label);
    const arb = fc.record({
      input: inputArbitrary(catalogue),
      c: fc.tuple(fc.nat({ max: labels.length - 1 }), fc.nat({ max: labels.length - 1 })),
      ipak: fc.tuple(fc.double({ min: 1, max: 4, noNaN: true }), fc.double({ min: 1, max: 4, noNaN: true })),
      ipkp: fc.tuple(fc.double({ min: 1, max: 4, noNaN: true }), fc.double({ min: 1, max: 4, noNaN: true })),
    });
    fc.assert(
      fc.property(arb, ({ input, c, ipak, ipkp }) => {
        const better = { capaianKinerja: labels[Math.min(...c)], ipak: Math.max(...ipak), ipkp: Math.max(...ipkp) };
        const worse = { capaianKinerja: labels[Math.max(...c)], ipak: Math.min(...ipak), ipkp: Math.min(...ipkp) };
        const high = figures(scoreAssessment({ ...input, hasil: better }));
        const low = figures(scoreAssessment({ ...input, hasil: worse }));
        high.forEach((value, k) => expect(value).toBeGreaterThanOrEqual(low[k]));
      }),
      RUNS,
    );
  });

  test("a verdict is eligible exactly when nothing is unmet; a WBBM-eligible unit is WBK-eligible on the figures", () => {
    fc.assert(
      fc.property(inputArbitrary(catalogue), (input) => {
        const s = scoreAssessment(input);
        expect(s.wbk.eligible).toBe(s.wbk.unmet.length === 0);
        expect(s.wbbm.eligible).toBe(s.wbbm.unmet.length === 0);
        // Every WBBM threshold is at least the WBK one, so a WBK failure is also a WBBM failure.
        const wbbmCodes = new Set(s.wbbm.unmet.map((u) => u.code));
        for (const u of s.wbk.unmet) expect(wbbmCodes.has(u.code)).toBe(true);
      }),
      RUNS,
    );
  });
});

test("generated answers pass the validator, and validated input scores the same", () => {
  fc.assert(
    fc.property(inputArbitrary(LKE_2021), (input) => {
      const json = JSON.parse(
        JSON.stringify({
          catalogue: LKE_2021.id,
          answers: input.answers,
          hasil: input.hasil,
          previousPredicate: input.previousPredicate,
        }),
      );
      const parsed = parseScoringRequest(json);
      expect(parsed.ok).toBe(true);
      if (parsed.ok) expect(scoreAssessment(parsed.value).total).toBe(scoreAssessment(input).total);
    }),
    { numRuns: 100 },
  );
});
