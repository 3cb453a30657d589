import { describe, expect, test } from "vitest";
import { rollUp, type RollupAssessment, type RollupInstansi } from "./rollup";
import { defaultPmpziDeadline, defaultStageWindows } from "./timeline";

const periode = { windows: defaultStageWindows(2026), pmpziDeadline: defaultPmpziDeadline(2026) };
const INSTANSI: RollupInstansi[] = [
  { id: "kab", name: "Kabupaten A", units: 10, periode },
  { id: "kota", name: "Kota B", units: 4, periode },
  { id: "baru", name: "Kabupaten Baru", units: 0, periode: null },
];

const areas = (pcts: number[]) =>
  pcts.map((pct, i) => ({ id: `PENGUNGKIT.${"ABCDEF"[i]}`, weight: 10, score: pct / 10 }));

const score = (total: number, wbk: boolean, wbbm: boolean, pcts = [50, 50, 50, 50, 50, 50]) => ({
  total,
  pengungkit: total * 0.6,
  hasil: total * 0.4,
  wbkEligible: wbk,
  wbbmEligible: wbbm,
  areas: areas(pcts),
});

const A: RollupAssessment[] = [
  // Kabupaten A: approved and WBBM-ready; finalised and WBK-ready but not proposed by the PMPZI deadline
  // (31 May); a draft past the unit deadline (the end of Pembinaan).
  {
    instansiId: "kab",
    status: "APPROVED",
    reopenedUntil: null,
    score: score(90, true, true, [100, 80, 60, 40, 20, 0]),
  },
  { instansiId: "kab", status: "FINALIZED", reopenedUntil: null, score: score(80, true, false) },
  { instansiId: "kab", status: "DRAFT", reopenedUntil: null, score: score(40, false, false) },
  // Kota B: a draft reopened until 31 Dec is not late in July; a submitted LKE the TPI has not finalised
  // by the PMPZI deadline, not scored yet.
  { instansiId: "kota", status: "DRAFT", reopenedUntil: "2026-12-31", score: score(60, false, false) },
  { instansiId: "kota", status: "SUBMITTED", reopenedUntil: null, score: null },
  // An LKE of an instansi with no periode this year counts nowhere.
  { instansiId: "baru", status: "DRAFT", reopenedUntil: null, score: score(10, false, false) },
];

describe("the province roll-up", () => {
  const { rows, totals } = rollUp(INSTANSI, A, "2026-07-15");
  const [kab, kota, baru] = rows;

  test("counts LKEs, ready units and late units per instansi with the overview's rules", () => {
    expect(kab).toMatchObject({ units: 10, proposed: 3, readyWbk: 2, readyWbbm: 1, late: 2, hasPeriode: true });
    expect(kota).toMatchObject({ units: 4, proposed: 2, readyWbk: 0, readyWbbm: 0, late: 1 });
    expect(baru).toMatchObject({ units: 0, proposed: 0, late: 0, avgTotal: null, hasPeriode: false });
  });

  test("averages over scored LKEs only, areas as a share of their weight", () => {
    expect(kab.avgTotal).toBeCloseTo((90 + 80 + 40) / 3, 10);
    expect(kab.avgPengungkit).toBeCloseTo(((90 + 80 + 40) / 3) * 0.6, 10);
    expect(kota.avgTotal).toBe(60);
    expect(kab.areaPct["PENGUNGKIT.A"]).toBeCloseTo((100 + 50 + 50) / 3, 10);
    expect(kab.areaPct["PENGUNGKIT.F"]).toBeCloseTo((0 + 50 + 50) / 3, 10);
    expect(baru.areaPct).toEqual({});
  });

  test("totals are means over every LKE, not means of the instansi means", () => {
    expect(totals).toMatchObject({ units: 14, proposed: 5, readyWbk: 2, readyWbbm: 1, late: 3 });
    expect(totals.avgTotal).toBeCloseTo((90 + 80 + 40 + 60) / 4, 10);
    expect(totals.avgTotal).not.toBeCloseTo(((kab.avgTotal ?? 0) + (kota.avgTotal ?? 0)) / 2, 5);
  });

  test("a late FINALIZED LKE is the pimpinan's delay after the PMPZI deadline", () => {
    const late = rollUp(INSTANSI.slice(0, 1), [A[1]], "2026-06-01");
    expect(late.rows[0].late).toBe(1);
    expect(rollUp(INSTANSI.slice(0, 1), [A[1]], "2026-05-31").rows[0].late).toBe(0);
  });
});
