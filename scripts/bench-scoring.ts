/**
 * Benchmark of the scoring engine: `npx tsx scripts/bench-scoring.ts [iterations]`.
 * Scores a full LKE (all 110 questions, varied answers) many times and prints mean / p50 / p99 per
 * scoring, per gap analysis and per request validation. Informational; not a timed test.
 */
import { performance } from "node:perf_hooks";
import { getCatalogue } from "../src/domain/catalogue/registry.ts";
import type { Catalogue } from "../src/domain/catalogue/types.ts";
import { gapAnalysis } from "../src/domain/scoring/gap.ts";
import { scoreAssessment } from "../src/domain/scoring/score.ts";
import type { AnswerValue, ScoringInput } from "../src/domain/scoring/types.ts";
import { parseScoringRequest } from "../src/domain/scoring/validate.ts";
import { mulberry32 } from "../src/lib/prng.ts";

const iterations = Number(process.argv[2] ?? 20_000);
const VARIANTS = 64;

/** Small deterministic PRNG (mulberry32) so runs are comparable. */

/** A full LKE with a realistic mix: mostly good options, some percentages as numbers, some as counts. */
function variedInput(catalogue: Catalogue, seed: number): ScoringInput {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const answers: Record<string, AnswerValue> = {};
  for (const q of catalogue.questions) {
    if (q.answerType === "PERSENTASE") {
      if (random() < 0.5) {
        answers[q.id] = Math.round(random() * 1000) / 10;
      } else {
        answers[q.id] = Object.fromEntries(q.inputs.map((input) => [input.key, Math.floor(random() * 40)]));
      }
    } else {
      // Skewed towards the better options, as a unit preparing for WBK would answer.
      const i = Math.min(q.options.length - 1, Math.floor(random() * random() * q.options.length));
      answers[q.id] = q.options[i].label;
    }
  }
  return {
    catalogue,
    answers,
    hasil: { ipak: 2.5 + random() * 1.5, ipkp: 2.5 + random() * 1.5, capaianKinerja: pick(["A", "B", "C", "D", "E"]) },
    previousPredicate: pick([null, "WBK", null] as const),
  };
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  const mean = samples.reduce((s, x) => s + x, 0) / samples.length;
  return { mean, p50: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1] };
}

function bench(name: string, inputs: readonly unknown[], fn: (input: never) => unknown) {
  let sink = 0;
  for (let i = 0; i < Math.min(2000, iterations); i++) sink += fn(inputs[i % inputs.length] as never) ? 1 : 0; // warm-up
  const samples = new Array<number>(iterations);
  const start = performance.now();
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    sink += fn(inputs[i % inputs.length] as never) ? 1 : 0;
    samples[i] = performance.now() - t0;
  }
  const wall = performance.now() - start;
  const s = stats(samples);
  const us = (ms: number) => `${(ms * 1000).toFixed(1)} µs`;
  console.log(
    `${name.padEnd(22)} mean ${us(s.mean).padStart(9)}   p50 ${us(s.p50).padStart(9)}   p99 ${us(s.p99).padStart(9)}   ` +
      `max ${us(s.max).padStart(10)}   (${iterations} runs, ${(wall / 1000).toFixed(2)} s${sink < 0 ? "" : ""})`,
  );
  return s;
}

const catalogue = getCatalogue("permenpanrb-90-2021");
const inputs = Array.from({ length: VARIANTS }, (_, i) => variedInput(catalogue, i + 1));
const requests = inputs.map((input) =>
  JSON.parse(
    JSON.stringify({
      catalogue: catalogue.id,
      answers: input.answers,
      hasil: input.hasil,
      previousPredicate: input.previousPredicate,
    }),
  ),
);
const totals = inputs.map((input) => scoreAssessment(input).total);
console.log(
  `LKE ${catalogue.id}: ${catalogue.questions.length} questions, ${VARIANTS} answer sets ` +
    `(totals ${Math.min(...totals).toFixed(2)}–${Math.max(...totals).toFixed(2)}); node ${process.version}`,
);
const score = bench("scoreAssessment", inputs, (input: ScoringInput) => scoreAssessment(input));
bench("gapAnalysis", inputs, (input: ScoringInput) => gapAnalysis(input));
bench("parseScoringRequest", requests, (json: unknown) => parseScoringRequest(json));
if (score.p99 >= 1) {
  console.log(`WARNING: p99 scoring time ${score.p99.toFixed(3)} ms is not under 1 ms`);
  process.exitCode = 1;
}
