import type {
  AnswerType,
  Catalogue,
  CatalogueArea,
  CatalogueOption,
  CatalogueQuestion,
  CatalogueSettings,
  CountCheck,
  PercentageFormula,
  PredicateCode,
  SubAreaKind,
} from "./types";

/** Shape of prisma/data/lke-*.json (only what the app reads). */
interface RawOption {
  label: string;
  criteria: string;
  score: number;
}
interface RawQuestion {
  id: string;
  text: string;
  answer_type: string;
  weight: number;
  options?: RawOption[];
  calc?: {
    inputs: { key: string; label: string }[];
    formula: PercentageFormula;
    zero_base?: string;
    checks?: CountCheck[];
  };
}
interface RawIndicator {
  id: string;
  name: string;
  weight: number;
  questions: RawQuestion[];
}
interface RawSubArea {
  id: string;
  name: string;
  weight: number;
  indicators: RawIndicator[];
}
interface RawArea {
  id: string;
  name: string;
  weight: number;
  min_for_wbk_pct: number;
  min_for_wbbm_pct: number;
  sub_areas: RawSubArea[];
}
interface RawHasilIndicator {
  id: string;
  name: string;
  weight: number;
  min_wbk: number;
  min_wbbm: number;
  answer_type: string;
  options?: RawOption[];
  min_index_wbk?: number;
  min_index_wbbm?: number;
}
interface RawHasilSub {
  id: string;
  name: string;
  weight: number;
  min_wbk: number;
  min_wbbm: number;
  indicators: RawHasilIndicator[];
}
export interface RawCatalogue {
  meta: {
    id: string;
    name: string;
    regulation: string;
    year: number;
    total_weight: number;
    pengungkit_weight: number;
    pemenuhan_weight: number;
    reform_weight: number;
    predicates: {
      source: string;
      WBK: { total: number; requiresPredicate: PredicateCode[] };
      WBBM: { total: number; requiresPredicate: PredicateCode[] };
    };
    settings: CatalogueSettings;
  };
  pengungkit: { weight: number; min_wbk: number; min_wbbm: number; areas: RawArea[] };
  hasil: { weight: number; sub_components: RawHasilSub[] };
}

const ANSWER_TYPES: Record<string, AnswerType> = {
  ya_tidak: "YA_TIDAK",
  "A/B/C": "ABC",
  "A/B/C/D": "ABCD",
  "A/B/C/D/E": "ABCDE",
  persentase_dari_jumlah: "PERSENTASE",
};

/**
 * Option scores are the catalogue's listed values, used unrounded as written: A–D = 1 / 0.67 / 0.33 / 0 as
 * in the Lampiran III workbook's answer formula and PortalRB's 2026 `multiplier`s (domain reference §2.3),
 * not exact thirds. The list must run from 1 down to 0.
 */
export function catalogueOptionScores(owner: string, options: RawOption[]): CatalogueOption[] {
  if (options.length < 2) fail(`${owner} harus memiliki paling sedikit dua pilihan`);
  options.forEach((o, i) => {
    if (typeof o.score !== "number" || !Number.isFinite(o.score) || o.score < 0 || o.score > 1)
      fail(`nilai pilihan ${o.label} pada ${owner}`);
    if (i > 0 && !(o.score < options[i - 1].score)) fail(`nilai pilihan ${owner} harus menurun`);
  });
  if (options[0].score !== 1 || options[options.length - 1].score !== 0)
    fail(`nilai pilihan ${owner} harus dari 1 sampai 0`);
  return options.map((o) => ({ label: o.label, criteria: o.criteria, score: o.score }));
}

function fail(message: string): never {
  throw new Error(`Katalog LKE tidak valid: ${message}`);
}

function countChecks(q: RawQuestion): CountCheck[] {
  const keys = new Set(q.calc?.inputs.map((i) => i.key) ?? []);
  return (q.calc?.checks ?? []).map((c) => {
    for (const key of [...c.numerator, ...c.base])
      if (!keys.has(key)) fail(`pemeriksaan jumlah ${q.id} memakai input ${key} yang tidak ada`);
    return { numerator: [...c.numerator], base: [...c.base], warning: c.warning };
  });
}

/** The survey scale from the answer type: "indeks_survei_skala_0_4" → 0–4. */
function surveyScale(i: RawHasilIndicator): { scaleMin: number; scaleMax: number } {
  const m =
    /^indeks_survei_skala_(\d+)_(\d+)$/.exec(i.answer_type) ?? fail(`jenis jawaban ${i.answer_type} pada ${i.id}`);
  return { scaleMin: Number(m[1]), scaleMax: Number(m[2]) };
}

function subAreaKind(sub: RawSubArea): SubAreaKind {
  if (/^PP/.test(sub.id) || /pemenuhan/i.test(sub.name)) return "PEMENUHAN";
  if (/^PR/.test(sub.id) || /reform/i.test(sub.name)) return "REFORM";
  return fail(`sub-area ${sub.id} bukan pemenuhan atau reform`);
}

/** Turns a raw catalogue file into the typed structure the engine reads, checking its arithmetic. */
export function normalizeCatalogue(raw: RawCatalogue): Catalogue {
  const questions: CatalogueQuestion[] = [];
  const areas: CatalogueArea[] = raw.pengungkit.areas.map((area) => ({
    id: area.id,
    name: area.name,
    weight: area.weight,
    minPct: { WBK: area.min_for_wbk_pct, WBBM: area.min_for_wbbm_pct },
    subAreas: area.sub_areas.map((sub) => ({
      id: sub.id,
      kind: subAreaKind(sub),
      name: sub.name,
      weight: sub.weight,
      indicators: sub.indicators.map((ind) => {
        const perQuestion = ind.weight / ind.questions.length;
        return {
          id: ind.id,
          name: ind.name,
          weight: ind.weight,
          questions: ind.questions.map((q) => {
            const answerType = ANSWER_TYPES[q.answer_type] ?? fail(`jenis jawaban ${q.answer_type} pada ${q.id}`);
            if (answerType === "PERSENTASE" && !q.calc) fail(`pertanyaan persentase ${q.id} tanpa rumus`);
            const question: CatalogueQuestion = {
              id: q.id,
              text: q.text,
              answerType,
              weight: perQuestion,
              options: answerType === "PERSENTASE" ? [] : catalogueOptionScores(q.id, q.options ?? []),
              inputs: q.calc?.inputs ?? [],
              formula: q.calc?.formula ?? null,
              zeroBaseText: q.calc?.zero_base ?? null,
              countChecks: countChecks(q),
              areaId: area.id,
              subAreaId: sub.id,
              indicatorId: ind.id,
            };
            questions.push(question);
            return question;
          }),
        };
      }),
    })),
  }));

  const [bersih, prima] = raw.hasil.sub_components;
  if (!bersih || !prima) fail("komponen hasil tidak lengkap");
  const byId = (sub: RawHasilSub, id: string) =>
    sub.indicators.find((i) => i.id === id) ?? fail(`indikator hasil ${id} tidak ada`);
  const ipak = byId(bersih, "HBA");
  const capaian = byId(bersih, "HBB");
  const ipkp = byId(prima, "HPA");
  const survey = (i: RawHasilIndicator) => ({
    id: i.id,
    name: i.name,
    weight: i.weight,
    ...surveyScale(i),
    min: { WBK: i.min_wbk, WBBM: i.min_wbbm },
    minIndex: { WBK: i.min_index_wbk ?? 0, WBBM: i.min_index_wbbm ?? 0 },
  });

  const predicates = raw.meta.predicates;
  const thresholds = (p: PredicateCode) => ({
    total: predicates[p].total,
    pengungkit: p === "WBK" ? raw.pengungkit.min_wbk : raw.pengungkit.min_wbbm,
    birokrasiBersih: p === "WBK" ? bersih.min_wbk : bersih.min_wbbm,
    ipak: p === "WBK" ? ipak.min_wbk : ipak.min_wbbm,
    capaianKinerja: p === "WBK" ? capaian.min_wbk : capaian.min_wbbm,
    ipkp: p === "WBK" ? ipkp.min_wbk : ipkp.min_wbbm,
    requiresPredicate: predicates[p].requiresPredicate,
  });

  const catalogue: Catalogue = {
    id: raw.meta.id,
    name: raw.meta.name,
    regulation: raw.meta.regulation,
    year: raw.meta.year,
    weights: {
      total: raw.meta.total_weight,
      pengungkit: raw.pengungkit.weight,
      pemenuhan: raw.meta.pemenuhan_weight,
      reform: raw.meta.reform_weight,
      hasil: raw.hasil.weight,
    },
    areas,
    hasil: {
      weight: raw.hasil.weight,
      birokrasiBersih: {
        id: bersih.id,
        name: bersih.name,
        weight: bersih.weight,
        min: { WBK: bersih.min_wbk, WBBM: bersih.min_wbbm },
      },
      pelayananPrima: {
        id: prima.id,
        name: prima.name,
        weight: prima.weight,
        min: { WBK: prima.min_wbk, WBBM: prima.min_wbbm },
      },
      ipak: survey(ipak),
      capaianKinerja: {
        id: capaian.id,
        name: capaian.name,
        weight: capaian.weight,
        options: catalogueOptionScores(capaian.id, capaian.options ?? []),
        min: { WBK: capaian.min_wbk, WBBM: capaian.min_wbbm },
      },
      ipkp: survey(ipkp),
    },
    thresholds: { WBK: thresholds("WBK"), WBBM: thresholds("WBBM") },
    thresholdSource: predicates.source,
    settings: raw.meta.settings,
    questions,
    questionById: new Map(questions.map((q) => [q.id, q])),
  };
  checkArithmetic(catalogue);
  return catalogue;
}

const close = (a: number, b: number) => Math.abs(a - b) < 1e-9;

/** The weights must re-add exactly (domain reference §2.1); a broken file fails loudly at load. */
function checkArithmetic(c: Catalogue) {
  let pemenuhan = 0;
  let reform = 0;
  for (const area of c.areas) {
    let areaSum = 0;
    for (const sub of area.subAreas) {
      const subSum = sub.indicators.reduce((s, i) => s + i.weight, 0);
      if (!close(subSum, sub.weight)) fail(`bobot ${sub.id} ${subSum} ≠ ${sub.weight}`);
      areaSum += sub.weight;
      if (sub.kind === "PEMENUHAN") pemenuhan += sub.weight;
      else reform += sub.weight;
    }
    if (!close(areaSum, area.weight)) fail(`bobot ${area.id} ${areaSum} ≠ ${area.weight}`);
  }
  if (!close(pemenuhan, c.weights.pemenuhan) || !close(reform, c.weights.reform)) fail("bobot pemenuhan/reform");
  if (!close(pemenuhan + reform, c.weights.pengungkit)) fail("bobot pengungkit");
  const h = c.hasil;
  if (!close(h.ipak.weight + h.capaianKinerja.weight, h.birokrasiBersih.weight)) fail("bobot birokrasi bersih");
  if (!close(h.ipkp.weight, h.pelayananPrima.weight)) fail("bobot pelayanan prima");
  if (!close(c.weights.pengungkit + c.weights.hasil, c.weights.total)) fail("bobot total");
  const seen = new Set<string>();
  for (const q of c.questions) {
    if (seen.has(q.id)) fail(`id ganda ${q.id}`);
    seen.add(q.id);
    for (const input of q.inputs) if (!/^[a-zA-Z]+$/.test(input.key)) fail(`kunci input ${input.key}`);
  }
}
