/**
 * The engine against a straightforward re-implementation of the Lampiran III workbook's formulas, written
 * from the raw catalogue files without the engine's code: an answer row's value comes from a fixed table of
 * the official values (Ya/Tidak 1/0, A–C 1/0.5/0, A–D 1/0.67/0.33/0, A–E 1/0.75/0.5/0.25/0), a count row
 * from IF(K/K>1,1,K/K) (PRC3A: IF(AND(prev=0,now=0),1,MAX(0,(prev−now)/prev))), a sub-area indicator is
 * AVERAGE(answers)×bobot, everything above is SUM, hasil is K/4×H. Over random LKEs of both catalogues the
 * totals must agree, and so must every verdict.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import lke2021 from "../../../prisma/data/lke-2021.json" with { type: "json" };
import lke2026 from "../../../prisma/data/lke-2026.json" with { type: "json" };
import type { Catalogue } from "../catalogue/types";
import { scoreAssessment } from "./score";
import { LKE_2021, LKE_2026, answersArbitrary, previousPredicateArbitrary } from "./test-fixtures";
import type { Answers, HasilInput } from "./types";

const OFFICIAL: Record<string, number[]> = {
  ya_tidak: [1, 0],
  "A/B/C": [1, 0.5, 0],
  "A/B/C/D": [1, 0.67, 0.33, 0],
  "A/B/C/D/E": [1, 0.75, 0.5, 0.25, 0],
};

interface RawQ {
  id: string;
  answer_type: string;
  options?: { label: string }[];
  calc?: {
    formula: {
      kind: string;
      numerator?: string;
      denominator?: string[];
      previous?: string;
      current?: string;
      due?: string;
      done?: string;
    };
  };
}
interface RawArea {
  id: string;
  weight: number;
  min_for_wbk_pct: number;
  min_for_wbbm_pct: number;
  sub_areas: { indicators: { weight: number; questions: RawQ[] }[] }[];
}

function rowValue(q: RawQ, answer: unknown): number {
  if (answer === null || answer === undefined) return 0;
  if (q.answer_type !== "persentase_dari_jumlah")
    return OFFICIAL[q.answer_type][q.options!.findIndex((o) => o.label === answer)];
  if (typeof answer === "number") return answer / 100;
  const k = (key?: string) => (answer as Record<string, number>)[key!] ?? 0;
  const f = q.calc!.formula;
  if (f.kind === "reduction") {
    const prev = k(f.previous);
    const now = k(f.current);
    return prev === 0 && now === 0 ? 1 : prev === 0 ? 0 : Math.max(0, (prev - now) / prev);
  }
  const num = f.kind === "complaints" ? k(f.done) : k(f.numerator);
  const den = f.kind === "complaints" ? k(f.due) : f.denominator!.reduce((s, key) => s + k(key), 0);
  if (den === 0) return 0; // #DIV/0! in the workbook; the periode's default rule scores it 0
  return num / den > 1 ? 1 : num / den;
}

function workbook(raw: typeof lke2021, answers: Answers, hasil: HasilInput, previous: "WBK" | "WBBM" | null) {
  const areas = (raw.pengungkit.areas as unknown as RawArea[]).map((area) => {
    let score = 0;
    for (const sub of area.sub_areas)
      for (const ind of sub.indicators) {
        const values = ind.questions.map((q) => rowValue(q, answers[q.id]));
        score += (values.reduce((s, v) => s + v, 0) / values.length) * ind.weight;
      }
    return { area, score };
  });
  const pengungkit = areas.reduce((s, a) => s + a.score, 0);
  const ipak = ((hasil.ipak ?? 0) / 4) * 17.5;
  const ipkp = ((hasil.ipkp ?? 0) / 4) * 17.5;
  const capaian = hasil.capaianKinerja ? 5 * OFFICIAL["A/B/C/D/E"]["ABCDE".indexOf(hasil.capaianKinerja)] : 0;
  const total = pengungkit + ipak + capaian + ipkp;
  const [bersih, prima] = raw.hasil.sub_components;
  const [hba, hbb] = bersih.indicators;
  const hpa = prima.indicators[0];
  const ok = (actual: number, min: number) => actual >= min - 1e-9;
  const wbk =
    ok(total, 75) &&
    ok(pengungkit, raw.pengungkit.min_wbk) &&
    areas.every((a) => ok(a.score, (a.area.weight * a.area.min_for_wbk_pct) / 100)) &&
    ok(ipak + capaian, bersih.min_wbk) &&
    ok(ipak, hba.min_wbk) &&
    ok(capaian, hbb.min_wbk) &&
    ok(ipkp, hpa.min_wbk);
  const wbbm =
    ok(total, 85) &&
    ok(pengungkit, raw.pengungkit.min_wbbm) &&
    areas.every((a) => ok(a.score, (a.area.weight * a.area.min_for_wbbm_pct) / 100)) &&
    ok(ipak + capaian, bersih.min_wbbm) &&
    ok(ipak, hba.min_wbbm) &&
    ok(capaian, hbb.min_wbbm) &&
    ok(ipkp, hpa.min_wbbm) &&
    previous !== null;
  return { total, pengungkit, wbk, wbbm };
}

const hasilArbitrary = (catalogue: Catalogue): fc.Arbitrary<HasilInput> =>
  fc.record({
    ipak: fc.option(
      fc.integer({ min: catalogue.hasil.ipak.scaleMin * 100, max: 400 }).map((n) => n / 100),
      { nil: null },
    ),
    ipkp: fc.option(
      fc.integer({ min: catalogue.hasil.ipkp.scaleMin * 100, max: 400 }).map((n) => n / 100),
      { nil: null },
    ),
    capaianKinerja: fc.option(fc.constantFrom("A", "B", "C", "D", "E"), { nil: null }),
  });

describe.each([
  ["permenpanrb-90-2021", LKE_2021, lke2021],
  ["lke-2026", LKE_2026, lke2026 as unknown as typeof lke2021],
] as const)("engine = workbook formulas (%s)", (_name, catalogue, raw) => {
  test("random LKEs: the same total (to 1e-9, far inside 0.01) and the same WBK/WBBM verdicts", () => {
    fc.assert(
      fc.property(
        answersArbitrary(catalogue),
        hasilArbitrary(catalogue),
        previousPredicateArbitrary,
        (answers, hasil, previous) => {
          const engine = scoreAssessment({ catalogue, answers, hasil, previousPredicate: previous });
          const sheet = workbook(raw, answers, hasil, previous);
          expect(engine.total).toBeCloseTo(sheet.total, 9);
          expect(engine.pengungkit).toBeCloseTo(sheet.pengungkit, 9);
          expect(engine.wbk.eligible).toBe(sheet.wbk);
          expect(engine.wbbm.eligible).toBe(sheet.wbbm);
        },
      ),
      { numRuns: 400 },
    );
  });

  test("near the thresholds too: best answers with a few options lowered", () => {
    const best = Object.fromEntries(
      catalogue.questions.map((q) => [q.id, q.answerType === "PERSENTASE" ? 100 : q.options[0].label]),
    );
    const optionQuestions = catalogue.questions.filter((q) => q.answerType !== "PERSENTASE");
    const lowered = fc.array(
      fc
        .tuple(fc.constantFrom(...optionQuestions), fc.nat())
        .map(([q, i]) => [q.id, q.options[i % q.options.length].label] as const),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(lowered, hasilArbitrary(catalogue), previousPredicateArbitrary, (changes, hasil, previous) => {
        const answers: Answers = { ...best, ...Object.fromEntries(changes) };
        const engine = scoreAssessment({ catalogue, answers, hasil, previousPredicate: previous });
        const sheet = workbook(raw, answers, hasil, previous);
        expect(engine.total).toBeCloseTo(sheet.total, 9);
        expect([engine.wbk.eligible, engine.wbbm.eligible]).toEqual([sheet.wbk, sheet.wbbm]);
      }),
      { numRuns: 400 },
    );
  });
});
