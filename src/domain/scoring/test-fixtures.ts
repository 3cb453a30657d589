/** Shared fixtures of the scoring tests (imported by *.test.ts only). */
import fc from "fast-check";
import { normalizeCatalogue, type RawCatalogue } from "../catalogue/normalize";
import { getCatalogue } from "../catalogue/registry";
import type { Catalogue, CatalogueQuestion, CatalogueSettings } from "../catalogue/types";
import type { AnswerValue, Answers, CountAnswer, HasilInput } from "./types";

export const LKE_2021 = getCatalogue("permenpanrb-90-2021");
export const LKE_2026 = getCatalogue("lke-2026");

/** Every question at its best answer (first option; 100 for percentages). */
export function bestAnswers(catalogue: Catalogue): Record<string, AnswerValue | null> {
  return Object.fromEntries(
    catalogue.questions.map((q) => [q.id, q.answerType === "PERSENTASE" ? 100 : q.options[0].label]),
  );
}

/** Every question at its worst answer (last option; 0 for percentages). */
export function worstAnswers(catalogue: Catalogue): Record<string, AnswerValue | null> {
  return Object.fromEntries(
    catalogue.questions.map((q) => [q.id, q.answerType === "PERSENTASE" ? 0 : q.options[q.options.length - 1].label]),
  );
}

/** Hasil at its maximum: 17.5 + 5 + 17.5. */
export const BEST_HASIL: HasilInput = { ipak: 4, ipkp: 4, capaianKinerja: "A" };

/** The same catalogue with other percentage-formula settings (a new object, so it gets its own cache entry). */
export function withSettings(
  catalogue: Catalogue,
  patch: {
    PRC3A?: CatalogueSettings["percentageFormulas"]["PRC3A"]["choice"];
    PRE2A?: CatalogueSettings["percentageFormulas"]["PRE2A"]["choice"];
    zero?: number;
  },
): Catalogue {
  const s = catalogue.settings;
  return {
    ...catalogue,
    settings: {
      percentageFormulas: {
        PRC3A: { ...s.percentageFormulas.PRC3A, choice: patch.PRC3A ?? s.percentageFormulas.PRC3A.choice },
        PRE2A: { ...s.percentageFormulas.PRE2A, choice: patch.PRE2A ?? s.percentageFormulas.PRE2A.choice },
      },
      zeroDenominator: { ...s.zeroDenominator, score: patch.zero ?? s.zeroDenominator.score },
    },
  };
}

/* ---------------------------------------------------------------------------------------------- */
/* Arbitraries.                                                                                    */

export function answerArbitrary(q: CatalogueQuestion): fc.Arbitrary<AnswerValue | null> {
  if (q.answerType !== "PERSENTASE")
    return fc.oneof(fc.constant(null), fc.constantFrom(...q.options.map((o) => o.label)));
  const counts = fc
    .record(Object.fromEntries(q.inputs.map((i) => [i.key, fc.nat({ max: 60 })])), { requiredKeys: [] })
    .map((c) => c as CountAnswer);
  return fc.oneof(fc.constant(null), fc.double({ min: 0, max: 100, noNaN: true }), counts);
}

export function answersArbitrary(catalogue: Catalogue): fc.Arbitrary<Answers> {
  return fc.record(Object.fromEntries(catalogue.questions.map((q) => [q.id, answerArbitrary(q)])));
}

export const hasilArbitrary: fc.Arbitrary<HasilInput> = fc.record({
  ipak: fc.option(fc.double({ min: 1, max: 4, noNaN: true }), { nil: null }),
  ipkp: fc.option(fc.double({ min: 1, max: 4, noNaN: true }), { nil: null }),
  capaianKinerja: fc.option(fc.constantFrom("A", "B", "C", "D", "E"), { nil: null }),
});

export const previousPredicateArbitrary = fc.constantFrom(null, "WBK" as const, "WBBM" as const);

/* ---------------------------------------------------------------------------------------------- */
/* Small synthetic catalogues (for brute-force checks of the gap analysis).                        */

export type SyntheticType = "ya_tidak" | "A/B/C" | "A/B/C/D" | "A/B/C/D/E" | "persentase_dari_jumlah";

export interface SyntheticIndicator {
  weight: number;
  types: SyntheticType[];
}

export interface SyntheticSpec {
  areas: { pemenuhan: SyntheticIndicator[]; reform: SyntheticIndicator[] }[];
}

const LABELS: Record<Exclude<SyntheticType, "persentase_dari_jumlah">, string[]> = {
  ya_tidak: ["Ya", "Tidak"],
  "A/B/C": ["A", "B", "C"],
  "A/B/C/D": ["A", "B", "C", "D"],
  "A/B/C/D/E": ["A", "B", "C", "D", "E"],
};

/** The official option values per answer type, as the real catalogues list them (domain reference §2.3). */
const SCORES: Record<Exclude<SyntheticType, "persentase_dari_jumlah">, number[]> = {
  ya_tidak: [1, 0],
  "A/B/C": [1, 0.5, 0],
  "A/B/C/D": [1, 0.67, 0.33, 0],
  "A/B/C/D/E": [1, 0.75, 0.5, 0.25, 0],
};

/**
 * A catalogue with the real structure and thresholds rule-set but a handful of questions. Pengungkit
 * minimums are 2/3 and 4/5 of the pengungkit weight and total minimums 75 %/85 % of the total weight
 * (the real 40/60, 48/60, 75/100, 85/100); areas need 60 %/75 %; hasil is the real 17.5/5/17.5.
 */
export function syntheticCatalogue(spec: SyntheticSpec): Catalogue {
  const base = LKE_2021;
  let pemenuhanWeight = 0;
  let reformWeight = 0;
  const letters = "ABCDEFGH";
  const areas = spec.areas.map((area, areaIndex) => {
    const L = letters[areaIndex];
    const half = (prefix: "PP" | "PR", indicators: SyntheticIndicator[]) => ({
      id: `${prefix}${L}`,
      name: prefix === "PP" ? "Pemenuhan" : "Reform",
      weight: indicators.reduce((s, i) => s + i.weight, 0),
      indicators: indicators.map((ind, ii) => ({
        id: `${prefix}${L}${ii + 1}`,
        name: `Indikator ${prefix}${L}${ii + 1}`,
        weight: ind.weight,
        questions: ind.types.map((type, qi) => {
          const id = `${prefix}${L}${ii + 1}${letters[qi]}`;
          if (type === "persentase_dari_jumlah") {
            return {
              id,
              text: `Pertanyaan ${id}`,
              answer_type: type,
              weight: ind.weight / ind.types.length,
              calc: {
                inputs: [
                  { key: "dasar", label: "Jumlah dasar" },
                  { key: "capaian", label: "Jumlah capaian" },
                ],
                formula: { kind: "ratio" as const, numerator: "capaian", denominator: ["dasar"] },
              },
            };
          }
          return {
            id,
            text: `Pertanyaan ${id}`,
            answer_type: type,
            weight: ind.weight / ind.types.length,
            options: LABELS[type].map((label, i) => ({ label, criteria: label, score: SCORES[type][i] })),
          };
        }),
      })),
    });
    const pem = half("PP", area.pemenuhan);
    const ref = half("PR", area.reform);
    pemenuhanWeight += pem.weight;
    reformWeight += ref.weight;
    return {
      id: `SINTETIS.${L}`,
      name: `Area ${L}`,
      weight: pem.weight + ref.weight,
      min_for_wbk_pct: 60,
      min_for_wbbm_pct: 75,
      sub_areas: [pem, ref],
    };
  });
  const pengungkitWeight = pemenuhanWeight + reformWeight;
  const totalWeight = pengungkitWeight + 40;
  const survey = (id: string, minWbk: number, minWbbm: number, idxWbk: number, idxWbbm: number) => ({
    id,
    name: id,
    weight: 17.5,
    min_wbk: minWbk,
    min_wbbm: minWbbm,
    answer_type: "indeks_survei_skala_1_4",
    min_index_wbk: idxWbk,
    min_index_wbbm: idxWbbm,
  });
  const raw: RawCatalogue = {
    meta: {
      id: "sintetis",
      name: "Katalog sintetis",
      regulation: "uji",
      year: 2021,
      total_weight: totalWeight,
      pengungkit_weight: pengungkitWeight,
      pemenuhan_weight: pemenuhanWeight,
      reform_weight: reformWeight,
      predicates: {
        source: "uji",
        WBK: { total: 0.75 * totalWeight, requiresPredicate: [] },
        WBBM: { total: 0.85 * totalWeight, requiresPredicate: ["WBK", "WBBM"] },
      },
      settings: base.settings,
    },
    pengungkit: {
      weight: pengungkitWeight,
      min_wbk: (2 / 3) * pengungkitWeight,
      min_wbbm: 0.8 * pengungkitWeight,
      areas,
    },
    hasil: {
      weight: 40,
      sub_components: [
        {
          id: "HB",
          name: "Birokrasi bersih",
          weight: 22.5,
          min_wbk: 18.25,
          min_wbbm: 19.5,
          indicators: [
            survey("HBA", 15.75, 15.75, 3.6, 3.6),
            {
              id: "HBB",
              name: "Capaian kinerja",
              weight: 5,
              min_wbk: 2.5,
              min_wbbm: 3.75,
              answer_type: "A/B/C/D/E",
              options: LABELS["A/B/C/D/E"].map((label, i) => ({
                label,
                criteria: label,
                score: SCORES["A/B/C/D/E"][i],
              })),
            },
          ],
        },
        {
          id: "HP",
          name: "Pelayanan prima",
          weight: 17.5,
          min_wbk: 14,
          min_wbbm: 15.75,
          indicators: [survey("HPA", 14, 15.75, 3.2, 3.6)],
        },
      ],
    },
  };
  return normalizeCatalogue(raw);
}

const syntheticType = fc.constantFrom<SyntheticType>(
  "ya_tidak",
  "A/B/C",
  "A/B/C/D",
  "A/B/C/D/E",
  "persentase_dari_jumlah",
);
const syntheticIndicator = fc.record({
  weight: fc.integer({ min: 1, max: 8 }),
  types: fc.array(syntheticType, { minLength: 1, maxLength: 2 }),
});

/** 2–3 areas, one or two indicators per half, at most 12 questions. */
export const syntheticSpecArbitrary: fc.Arbitrary<SyntheticSpec> = fc
  .array(
    fc.record({
      pemenuhan: fc.array(syntheticIndicator, { minLength: 1, maxLength: 2 }),
      reform: fc.array(syntheticIndicator, { minLength: 1, maxLength: 1 }),
    }),
    { minLength: 2, maxLength: 3 },
  )
  .map((areas) => ({ areas }))
  .filter(
    (spec) =>
      spec.areas.reduce((n, a) => n + [...a.pemenuhan, ...a.reform].reduce((m, i) => m + i.types.length, 0), 0) <= 12,
  );

/** All subsets of `items` (2^n of them), smallest first. */
export function subsetsBySize<T>(items: readonly T[]): T[][] {
  const all: T[][] = [];
  for (let mask = 0; mask < 1 << items.length; mask++) all.push(items.filter((_, i) => mask & (1 << i)));
  return all.sort((a, b) => a.length - b.length);
}
