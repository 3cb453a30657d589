import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  computeSurveyIndex,
  parseSurveyIndexRequest,
  poolRounds,
  roundForLke,
  tCritical975,
  toLkeScale,
  type Scale,
} from "./index";

describe("computeSurveyIndex", () => {
  test.each([
    // name, scale, responses, n, index, elements, lkeIndex
    ["one respondent, 1–4", [1, 4], [[4, 3, 4, 4, 3]], 1, 3.6, [4, 3, 4, 4, 3], 3.6],
    [
      "two respondents, 1–4",
      [1, 4],
      [
        [4, 4],
        [2, 3],
      ],
      2,
      3.25,
      [3, 3.5],
      3.25,
    ],
    [
      "missing answer is left out of its element",
      [1, 4],
      [
        [4, null],
        [2, 3],
      ],
      2,
      3,
      [3, 3],
      3,
    ],
    [
      "element nobody answered is null and left out of the index",
      [1, 4],
      [
        [4, null],
        [2, null],
      ],
      2,
      3,
      [3, null],
      3,
    ],
    [
      "a blank respondent is not counted",
      [1, 4],
      [
        [null, null],
        [4, 4],
      ],
      1,
      4,
      [4, 4],
      4,
    ],
    ["nothing answered", [1, 4], [[null, null]], 0, null, [null, null], null],
    ["no responses", [1, 4], [], 0, null, [], null],
    ["1–6: top answer is 4 on the LKE", [1, 6], [[6, 6, 6]], 1, 6, [6, 6, 6], 4],
    ["1–6: bottom answer is 1 on the LKE", [1, 6], [[1, 1]], 1, 1, [1, 1], 1],
    ["1–6: midpoint 3.5 is 2.5", [1, 6], [[3, 4]], 1, 3.5, [3, 4], 2.5],
    [
      "1–6: 5 is 3.4",
      [1, 6],
      [
        [5, 5],
        [5, 5],
      ],
      2,
      5,
      [5, 5],
      3.4,
    ],
  ] as const)("%s", (_name, scale, responses, n, index, elements, lkeIndex) => {
    const r = computeSurveyIndex(responses as unknown as (number | null)[][], scale as Scale);
    expect(r.n).toBe(n);
    if (index === null) expect(r.index).toBeNull();
    else expect(r.index).toBeCloseTo(index, 12);
    expect(r.elements.length).toBe(elements.length);
    r.elements.forEach((m, i) =>
      elements[i] === null ? expect(m).toBeNull() : expect(m).toBeCloseTo(elements[i] as number, 12),
    );
    if (lkeIndex === null) expect(r.lkeIndex).toBeNull();
    else expect(r.lkeIndex).toBeCloseTo(lkeIndex, 12);
  });

  test("elements weigh equally even when answered by different numbers of people", () => {
    // Element 1: 4 (one answer); element 2: mean of 2,2,2 = 2 → index 3, not the pooled mean 2.5.
    const r = computeSurveyIndex([
      [4, 2],
      [null, 2],
      [null, 2],
    ]);
    expect(r.index).toBe(3);
  });

  test("minimum respondents: warning below, none at the minimum", () => {
    const row = [4, 4, 4, 4, 4];
    expect(computeSurveyIndex(Array(29).fill(row)).belowMinimum).toBe(true);
    expect(computeSurveyIndex(Array(30).fill(row)).belowMinimum).toBe(false);
    expect(computeSurveyIndex(Array(5).fill(row), [1, 4], { minRespondents: 5 }).belowMinimum).toBe(false);
    expect(computeSurveyIndex([]).minRespondents).toBe(30);
  });

  test("95 % interval: t-based, symmetric when away from the scale ends, none for one respondent", () => {
    expect(computeSurveyIndex([[3, 3]]).interval).toBeNull();
    // Respondent means 2 and 4: mean 3, s = √2, half = 12.706 × √2 / √2 = 12.706 → clipped to the scale.
    expect(
      computeSurveyIndex([
        [2, 2],
        [4, 4],
      ]).interval,
    ).toEqual({ low: 1, high: 4 });
    // 10 respondents: five at 3, five at 4 → mean 3.5, s = √(10 × 0.25 / 9), half = 2.262 × s / √10.
    const r = computeSurveyIndex([...Array(5).fill([3]), ...Array(5).fill([4])]);
    const half = (2.262 * Math.sqrt(2.5 / 9)) / Math.sqrt(10);
    expect(r.interval!.low).toBeCloseTo(3.5 - half, 10);
    expect(r.interval!.high).toBeCloseTo(3.5 + half, 10);
    // Everyone agreeing: no spread.
    expect(computeSurveyIndex(Array(3).fill([4, 3]))!.interval).toEqual({ low: 3.5, high: 3.5 });
  });

  test("t critical values", () => {
    expect(tCritical975(1)).toBe(12.706);
    expect(tCritical975(30)).toBe(2.042);
    expect(tCritical975(60)).toBeCloseTo(2.0003, 3);
    expect(tCritical975(120)).toBeCloseTo(1.9799, 3);
    expect(tCritical975(100000)).toBeCloseTo(1.96, 3);
  });

  test("LKE conversion and rounding", () => {
    expect(toLkeScale(3.27, [1, 4])).toBeCloseTo(3.27, 12);
    expect(roundForLke(3.605)).toBe(3.61);
    expect(roundForLke(3.6049)).toBe(3.6);
  });

  test("pooling a year's rounds counts every respondent once", () => {
    const pooled = poolRounds([
      { answers: [[4, 4]], scale: [1, 4] },
      {
        answers: [
          [1, 1],
          [6, 6],
        ],
        scale: [1, 6],
      },
    ])!;
    expect(pooled.scale).toEqual([1, 4]);
    expect(pooled.answers).toEqual([
      [4, 4],
      [1, 1],
      [4, 4],
    ]);
    expect(computeSurveyIndex(pooled.answers, pooled.scale).n).toBe(3);
    expect(poolRounds([])).toBeNull();
  });
});

describe("properties", () => {
  const scaleArb = fc.constantFrom<Scale>([1, 4], [1, 6]);
  const input = scaleArb.chain((scale) =>
    fc.integer({ min: 1, max: 8 }).chain((k) =>
      fc
        .array(
          fc.array(fc.option(fc.integer({ min: scale[0], max: scale[1] }), { nil: null, freq: 4 }), {
            minLength: k,
            maxLength: k,
          }),
          {
            maxLength: 60,
          },
        )
        .map((responses) => ({ scale, k, responses })),
    ),
  );

  test("index, elements and interval stay on the scale; LKE index on 1–4; n counts non-blank respondents", () => {
    fc.assert(
      fc.property(input, ({ scale, k, responses }) => {
        const r = computeSurveyIndex(responses, scale, { elementCount: k });
        expect(r.elements).toHaveLength(k);
        expect(r.n).toBe(responses.filter((x) => x.some((v) => v !== null)).length);
        for (const m of r.elements) if (m !== null) expect(m >= scale[0] - 1e-9 && m <= scale[1] + 1e-9).toBe(true);
        if (r.index === null) {
          expect(r.n).toBe(0);
          return;
        }
        expect(r.index).toBeGreaterThanOrEqual(scale[0] - 1e-9);
        expect(r.index).toBeLessThanOrEqual(scale[1] + 1e-9);
        expect(r.lkeIndex!).toBeGreaterThanOrEqual(1 - 1e-9);
        expect(r.lkeIndex!).toBeLessThanOrEqual(4 + 1e-9);
        if (r.interval) {
          expect(r.interval.low).toBeLessThanOrEqual(r.index + 1e-9);
          expect(r.interval.high).toBeGreaterThanOrEqual(r.index - 1e-9);
        }
      }),
    );
  });

  test("order of respondents does not matter, and a constant answer everywhere gives that answer", () => {
    fc.assert(
      fc.property(input, fc.integer({ min: 1, max: 4 }), ({ scale, k, responses }, c) => {
        const a = computeSurveyIndex(responses, scale, { elementCount: k });
        const b = computeSurveyIndex([...responses].reverse(), scale, { elementCount: k });
        if (a.index === null) expect(b.index).toBeNull();
        else expect(b.index).toBeCloseTo(a.index, 9);
        const constant = computeSurveyIndex(Array(3).fill(Array(k).fill(c)), [1, 4]);
        expect(constant.index).toBeCloseTo(c, 12);
      }),
    );
  });

  test("every request the domain builds is accepted by the parser and gives the same result", () => {
    fc.assert(
      fc.property(input, ({ scale, responses }) => {
        const parsed = parseSurveyIndexRequest({ scale: [...scale], responses });
        expect(parsed.ok).toBe(true);
      }),
    );
  });
});

describe("parseSurveyIndexRequest", () => {
  test.each([
    ["not an object", 5, "input"],
    ["unknown scale", { scale: [0, 10], responses: [] }, "scale"],
    ["missing responses", { scale: [1, 4] }, "responses"],
    ["ragged rows", { scale: [1, 4], responses: [[1, 2], [1]] }, "responses.1"],
    ["out of scale", { scale: [1, 4], responses: [[1, 5]] }, "responses.0.1"],
    ["fraction", { scale: [1, 4], responses: [[1, 2.5]] }, "responses.0.1"],
    ["string answer", { scale: [1, 4], responses: [["4"]] }, "responses.0.0"],
    ["empty row", { scale: [1, 4], responses: [[]] }, "responses.0"],
    ["unknown key", { scale: [1, 4], responses: [], extra: 1 }, "input"],
  ])("%s is refused naming %s", (_name, json, field) => {
    const r = parseSurveyIndexRequest(json);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.field).toBe(field);
  });

  test("accepts nulls and a minimum", () => {
    expect(parseSurveyIndexRequest({ scale: [1, 6], responses: [[6, null]], minRespondents: 10 }).ok).toBe(true);
  });
});
