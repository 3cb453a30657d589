/**
 * One full worked example: all 110 questions of the PermenPANRB 90/2021 LKE answered with a varied,
 * realistic set, scored by hand below. Option scores are the catalogue's listed values (domain reference §2.3,
 * the Lampiran III workbook and PortalRB's multipliers): Ya/Tidak 1/0; A–C 1, 0.5, 0; A–D 1, 0.67, 0.33, 0;
 * A–E 1, ¾, ½, ¼, 0. Indicator = weight × (Σ question scores ÷ number of questions).
 */
import { describe, expect, test } from "vitest";
import { summarizeScorecard, scoreAssessment } from "./score";
import { LKE_2021, LKE_2026 } from "./test-fixtures";
import type { Answers } from "./types";

const WORKED_ANSWERS: Answers = {
  // ── A. Manajemen Perubahan (weight 8) ─────────────────────────────────────────────────────────
  // Pemenuhan (4):
  //   PPA1 (0.5):  Ya 1, B(A–C) ½                         → 0.5 × (1 + ½)/2                        = 0.375
  //   PPA2 (1):    Ya 1, A 1, B(A–C) ½                    → 1 × 2.5/3                             = 0.833333  (5/6)
  //   PPA3 (1):    B(A–D) 0.67, A 1, C(A–D) 0.33          → 1 × 2/3                               = 0.666667  (2/3)
  //   PPA4 (1.5):  Ya 1, A 1, B(A–C) ½, B(A–D) 0.67       → 1.5 × 3.17/4                          = 1.18875
  //   pemenuhan A = 0.375 + 5/6 + 2/3 + 1.18875                                                    = 3.06375
  // Reform (4):
  //   PRA1 (2):    PRA1A 6 changes / 8 agents = ¾; PRA1B 3 integrated / 6 changes = ½ → 2 × 1.25/2 = 1.25
  //   PRA2 (1):    B(A–E) ¾                                                                        = 0.75
  //   PRA3 (1):    B(A–D) 0.67                                                                     = 0.67
  //   reform A = 1.25 + 0.75 + 0.67                                                                = 2.67
  // Area A = 3.06375 + 2.67 = 5.73375 → 71.67 % of 8: ≥ 60 % (4.8), < 75 % (6.0)
  PPA1A: "Ya",
  PPA1B: "B",
  PPA2A: "Ya",
  PPA2B: "A",
  PPA2C: "B",
  PPA3A: "B",
  PPA3B: "A",
  PPA3C: "C",
  PPA4A: "Ya",
  PPA4B: "A",
  PPA4C: "B",
  PPA4D: "B",
  PRA1A: { agenPerubahan: 8, perubahanDibuat: 6 },
  PRA1B: { perubahanDibuat: 6, perubahanTerintegrasi: 3 },
  PRA2A: "B",
  PRA3A: "B",

  // ── B. Penataan Tatalaksana (weight 7) ────────────────────────────────────────────────────────
  // Pemenuhan (3.5):
  //   PPB1 (1):    A(A–D) 1, B(A–E) ¾, C(A–E) ½           → 1 × 2.25/3                            = 0.75
  //   PPB2 (2):    A 1, A 1, B ½, C 0 (all A–C)            → 2 × 2.5/4                             = 1.25
  //   PPB3 (0.5):  A 1, B ½                                → 0.5 × 1.5/2                           = 0.375
  //   pemenuhan B = 0.75 + 1.25 + 0.375                                                            = 2.375
  // Reform (3.5):
  //   PRB1 (0.5):  B(A–D) 0.67                             → 0.5 × 0.67                            = 0.335
  //   PRB2 (1):    A 1, B ½                                → 1 × 1.5/2                             = 0.75
  //   PRB3 (2):    B ¾, C ½, B ¾ (all A–E)                 → 2 × 2/3                               = 1.333333
  //   reform B = 0.335 + 0.75 + 4/3                                                                = 2.418333
  // Area B = 2.375 + 2.418333 = 4.793333 → 68.48 % of 7: ≥ 60 % (4.2), < 75 % (5.25)
  PPB1A: "A",
  PPB1B: "B",
  PPB1C: "C",
  PPB2A: "A",
  PPB2B: "A",
  PPB2C: "B",
  PPB2D: "C",
  PPB3A: "A",
  PPB3B: "B",
  PRB1A: "B",
  PRB2A: "A",
  PRB2B: "B",
  PRB3A: "B",
  PRB3B: "C",
  PRB3C: "B",

  // ── C. Penataan Sistem Manajemen SDM (weight 10) ──────────────────────────────────────────────
  // Pemenuhan (5):
  //   PPC1 (0.25): Ya 1, B(A–D) 0.67, Ya 1                 → 0.25 × 2.67/3                         = 0.2225
  //   PPC2 (0.5):  Ya 1, C(A–E) ½, Tidak 0                 → 0.5 × 1.5/3                           = 0.25
  //   PPC3 (1.25): Ya 1, B 0.67, B 0.67, C 0.33, B 0.67 (A–D), A(A–C) 1 → 1.25 × 4.34/6          = 0.904167  (217/240)
  //   PPC4 (2):    A(A–D) 1, B(A–D) 0.67, B(A–E) ¾, Ya 1   → 2 × 3.42/4                            = 1.71
  //   PPC5 (0.75): B(A–D) 0.67                             → 0.75 × 0.67                           = 0.5025
  //   PPC6 (0.25): A(A–C) 1                                                                        = 0.25
  //   pemenuhan C = 0.2225 + 0.25 + 217/240 + 1.71 + 0.5025 + 0.25                                 = 3.839167
  // Reform (5):
  //   PRC1 (1.5):  B(A–C) ½                                                                        = 0.75
  //   PRC2 (1.5):  C(A–C) 0                                                                        = 0
  //   PRC3 (2):    violations 5 last year, 2 this year → (5 − 2)/5 = 0.6 → 2 × 0.6                 = 1.2
  //   reform C = 0.75 + 0 + 1.2                                                                    = 1.95
  // Area C = 3.839167 + 1.95 = 5.789167 → 57.89 % of 10: < 60 % (6.0) — fails WBK
  PPC1A: "Ya",
  PPC1B: "B",
  PPC1C: "Ya",
  PPC2A: "Ya",
  PPC2B: "C",
  PPC2C: "Tidak",
  PPC3A: "Ya",
  PPC3B: "B",
  PPC3C: "B",
  PPC3D: "C",
  PPC3E: "B",
  PPC3F: "A",
  PPC4A: "A",
  PPC4B: "B",
  PPC4C: "B",
  PPC4D: "Ya",
  PPC5A: "B",
  PPC6A: "A",
  PRC1A: "B",
  PRC2A: "C",
  PRC3A: { pelanggaranTahunLalu: 5, pelanggaranTahunIni: 2, pelanggaranDisanksi: 2 },

  // ── D. Penguatan Akuntabilitas Kinerja (weight 10) ────────────────────────────────────────────
  // Pemenuhan (5):
  //   PPD1 (2.5):  A(A–C) 1, B(A–C) ½, B(A–D) 0.67         → 2.5 × 2.17/3                          = 1.808333  (217/120)
  //   PPD2 (2.5):  Ya, Ya, Ya, B(A–D) 0.67, Ya, B(A–C) ½, Tidak, A(A–C) 1
  //                Σ = 1 + 1 + 1 + 0.67 + 1 + ½ + 0 + 1 = 6.17 → 2.5 × 6.17/8                        = 1.928125
  //   pemenuhan D = 1.808333 + 1.928125                                                            = 3.736458
  // Reform (5):
  //   PRD1 (2):    87.5 % entered directly → 2 × 0.875                                            = 1.75
  //   PRD2 (1.5):  B(A–D) 0.67                                                                     = 1.005
  //   PRD3 (1.5):  C(A–D) 0.33                                                                     = 0.495
  //   reform D = 1.75 + 1.005 + 0.495                                                              = 3.25
  // Area D = 3.736458 + 3.25 = 6.986458 → 69.86 % of 10: ≥ 60 %, < 75 %
  PPD1A: "A",
  PPD1B: "B",
  PPD1C: "B",
  PPD2A: "Ya",
  PPD2B: "Ya",
  PPD2C: "Ya",
  PPD2D: "B",
  PPD2E: "Ya",
  PPD2F: "B",
  PPD2G: "Tidak",
  PPD2H: "A",
  PRD1A: 87.5,
  PRD2A: "B",
  PRD3A: "C",

  // ── E. Penguatan Pengawasan (weight 15) ───────────────────────────────────────────────────────
  // Pemenuhan (7.5):
  //   PPE1 (1.5):  A(A–C) 1, B(A–D) 0.67                   → 1.5 × 1.67/2                          = 1.2525
  //   PPE2 (1.5):  B(A–E) ¾, C(A–E) ½, A(A–C) 1, B(A–C) ½  → 1.5 × 2.75/4                          = 1.03125
  //   PPE3 (1.5):  A 1, Ya 1, B ½, A 1                     → 1.5 × 3.5/4                           = 1.3125
  //   PPE4 (1.5):  B ½, B ½, C 0 (A–C)                     → 1.5 × 1/3                             = 0.5
  //   PPE5 (1.5):  A(A–D) 1, B(A–D) 0.67, C(A–D) 0.33, A(A–C) 1, B(A–C) ½ → 1.5 × 3.5/5            = 1.05
  //   pemenuhan E = 1.2525 + 1.03125 + 1.3125 + 0.5 + 1.05                                         = 5.14625
  // Reform (7.5):
  //   PRE1 (2.5):  B(A–E) ¾                                                                        = 1.875
  //   PRE2 (3):    40 complaints due, 6 in progress, 30 done → 30/40 = 0.75 → 3 × 0.75           = 2.25
  //   PRE3 (2):    LHKPN 8 reported / (1 + 4 + 3) = 1; non-LHKPN 30 / (2 + 6 + 32) = 0.75
  //                → 2 × (1 + 0.75)/2                                                              = 1.75
  //   reform E = 1.875 + 2.25 + 1.75                                                               = 5.875
  // Area E = 5.14625 + 5.875 = 11.02125 → 73.48 % of 15: ≥ 60 %, < 75 %
  PPE1A: "A",
  PPE1B: "B",
  PPE2A: "B",
  PPE2B: "C",
  PPE2C: "A",
  PPE2D: "B",
  PPE3A: "A",
  PPE3B: "Ya",
  PPE3C: "B",
  PPE3D: "A",
  PPE4A: "B",
  PPE4B: "B",
  PPE4C: "C",
  PPE5A: "A",
  PPE5B: "B",
  PPE5C: "C",
  PPE5D: "A",
  PPE5E: "B",
  PRE1A: "B",
  PRE2A: { pengaduanHarusDitindaklanjuti: 40, pengaduanDiproses: 6, pengaduanSelesai: 30 },
  PRE3A: { kepalaSatker: 1, pejabatWajibLhkpn: 4, lainnya: 3, sudahMelapor: 8 },
  PRE3B: { eselonIII: 2, eselonIV: 6, fungsionalPelaksana: 32, sudahMelapor: 30 },

  // ── F. Peningkatan Kualitas Pelayanan Publik (weight 10) ──────────────────────────────────────
  // Pemenuhan (5):
  //   PPF1 (1):    B(A–E) ¾, A(A–D) 1, B(A–D) 0.67, Ya 1   → Σ 3.42 → 1 × 3.42/4                   = 0.855
  //   PPF2 (1):    B(A–E) ¾, A 1, B 0.67, C 0.33, B 0.67 (A–D), C(A–E) ½ → Σ 3.92 → 1 × 3.92/6   = 0.653333
  //   PPF3 (1):    A(A–E) 1, A(A–C) 1, B(A–C) ½            → 1 × 2.5/3                             = 0.833333
  //   PPF4 (1):    B(A–E) ¾, A(A–C) 1, B(A–D) 0.67         → Σ 2.42 → 1 × 2.42/3                   = 0.806667
  //   PPF5 (1):    B(A–D) 0.67, Ya 1, B(A–C) ½             → Σ 2.17 → 1 × 2.17/3                   = 0.723333
  //   pemenuhan F = 0.855 + 0.653333 + 0.833333 + 0.806667 + 0.723333                              = 3.871667
  // Reform (5):
  //   PRF1 (2.5):  PRF1A B(A–D) 0.67; PRF1B 9 simplified / 12 services = ¾ → 2.5 × (0.67 + 0.75)/2 = 1.775
  //   PRF2 (2.5):  B(A–D) 0.67                             → 2.5 × 0.67                            = 1.675
  //   reform F = 1.775 + 1.675                                                                     = 3.45
  // Area F = 3.871667 + 3.45 = 7.321667 → 73.22 % of 10: ≥ 60 %, < 75 %
  PPF1A: "B",
  PPF1B: "A",
  PPF1C: "B",
  PPF1D: "Ya",
  PPF2A: "B",
  PPF2B: "A",
  PPF2C: "B",
  PPF2D: "C",
  PPF2E: "B",
  PPF2F: "C",
  PPF3A: "A",
  PPF3B: "A",
  PPF3C: "B",
  PPF4A: "B",
  PPF4B: "A",
  PPF4C: "B",
  PPF5A: "B",
  PPF5B: "Ya",
  PPF5C: "B",
  PRF1A: "B",
  PRF1B: { layananTerdata: 12, layananDipermudah: 9 },
  PRF2A: "B",
};

// Pengungkit = 5.73375 + 4.793333 + 5.789167 + 6.986458 + 11.02125 + 7.321667 = 41.645625
//   pemenuhan = 3.06375 + 2.375 + 3.839167 + 3.736458 + 5.14625 + 3.871667 = 22.032292
//   reform    = 2.67 + 2.418333 + 1.95 + 3.25 + 5.875 + 3.45             = 19.613333
// Hasil: IPAK 3.71 → 3.71/4 × 17.5 = 16.23125; capaian B → 5 × ¾ = 3.75; IPKP 3.4 → 3.4/4 × 17.5 = 14.875
//   birokrasi bersih = 16.23125 + 3.75 = 19.98125; hasil = 19.98125 + 14.875 = 34.85625
// Total = 41.645625 + 34.85625 = 76.501875
// (With exact thirds for A–D this example gave 76.467361: the official 0.67/0.33 add 0.034514.)
// WBK:  total 76.50 ≥ 75, pengungkit 41.65 ≥ 40, birokrasi bersih ≥ 18.25, IPAK ≥ 15.75, capaian ≥ 2.5,
//       IPKP 14.875 ≥ 14; but area C 5.79 < 6.00 → not eligible, unmet [area:PENGUNGKIT.C].
// WBBM: total < 85, pengungkit < 48, every area < 75 %, IPKP 14.875 < 15.75, no WBK yet;
//       birokrasi bersih 19.98 ≥ 19.5, IPAK ≥ 15.75 and capaian 3.75 ≥ 3.75 are met.
const WORKED_HASIL = { ipak: 3.71, ipkp: 3.4, capaianKinerja: "B" };

const HAND = {
  areas: [
    { id: "PENGUNGKIT.A", pemenuhan: 3.06375, reform: 2.67, score: 5.73375 },
    { id: "PENGUNGKIT.B", pemenuhan: 2.375, reform: 0.335 + 0.75 + 4 / 3, score: 2.375 + 0.335 + 0.75 + 4 / 3 },
    {
      id: "PENGUNGKIT.C",
      pemenuhan: 0.2225 + 0.25 + 217 / 240 + 1.71 + 0.5025 + 0.25,
      reform: 1.95,
      score: 0.2225 + 0.25 + 217 / 240 + 1.71 + 0.5025 + 0.25 + 1.95,
    },
    { id: "PENGUNGKIT.D", pemenuhan: 217 / 120 + 1.928125, reform: 3.25, score: 217 / 120 + 1.928125 + 3.25 },
    { id: "PENGUNGKIT.E", pemenuhan: 5.14625, reform: 5.875, score: 11.02125 },
    {
      id: "PENGUNGKIT.F",
      pemenuhan: 0.855 + 49 / 75 + 5 / 6 + 121 / 150 + 217 / 300,
      reform: 3.45,
      score: 0.855 + 49 / 75 + 5 / 6 + 121 / 150 + 217 / 300 + 3.45,
    },
  ],
  pengungkit: 41.645625,
  pemenuhan: 22.032291666666667,
  reform: 19.613333333333333,
  ipak: 16.23125,
  capaianKinerja: 3.75,
  ipkp: 14.875,
  birokrasiBersih: 19.98125,
  hasil: 34.85625,
  total: 76.501875,
};

describe("worked example: a full, varied LKE", () => {
  const input = { catalogue: LKE_2021, answers: WORKED_ANSWERS, hasil: WORKED_HASIL, previousPredicate: null };
  const s = scoreAssessment(input);

  test("answers all 110 questions", () => {
    expect(Object.keys(WORKED_ANSWERS)).toHaveLength(110);
    expect(new Set(Object.keys(WORKED_ANSWERS))).toEqual(new Set(LKE_2021.questions.map((q) => q.id)));
    expect(s.answeredCount).toBe(110);
  });

  test.each(HAND.areas)("area $id matches the hand calculation", (hand) => {
    const area = s.areas.find((a) => a.id === hand.id)!;
    expect(area.pemenuhan).toBeCloseTo(hand.pemenuhan, 10);
    expect(area.reform).toBeCloseTo(hand.reform, 10);
    expect(area.score).toBeCloseTo(hand.score, 10);
  });

  test.each([
    "pengungkit",
    "pemenuhan",
    "reform",
    "ipak",
    "capaianKinerja",
    "ipkp",
    "birokrasiBersih",
    "hasil",
    "total",
  ] as const)("%s matches the hand calculation", (key) => {
    expect(s[key]).toBeCloseTo(HAND[key], 10);
  });

  test("verdicts", () => {
    expect(summarizeScorecard(s).wbk).toEqual({ eligible: false, unmet: ["area:PENGUNGKIT.C"] });
    expect(summarizeScorecard(s).wbbm).toEqual({
      eligible: false,
      unmet: [
        "total",
        "pengungkit",
        "area:PENGUNGKIT.A",
        "area:PENGUNGKIT.B",
        "area:PENGUNGKIT.C",
        "area:PENGUNGKIT.D",
        "area:PENGUNGKIT.E",
        "area:PENGUNGKIT.F",
        "ipkp",
        "previousPredicate",
      ],
    });
    const areaC = s.wbk.unmet[0];
    expect(areaC).toMatchObject({
      kind: "score",
      required: 6,
      actual: expect.closeTo(HAND.areas[2].score, 10),
      gap: expect.closeTo(6 - HAND.areas[2].score, 10),
    });
    expect(areaC.label).toBe("Area Penataan Sistem Manajemen SDM Aparatur 5,79 di bawah 6,00 (60% dari bobot 10,00)");
    expect(s.wbbm.unmet[0].label).toBe("Nilai total 76,50 di bawah 85,00");
    expect(s.wbbm.unmet.find((u) => u.code === "ipkp")!.label).toBe(
      "Nilai IPKP 14,88 di bawah 15,75 (indeks minimal 3,60)",
    );
  });

  test("the 2026 catalogue scores the same answers identically (same structure and ids)", () => {
    const s2026 = scoreAssessment({ ...input, catalogue: LKE_2026 });
    expect(s2026.total).toBeCloseTo(HAND.total, 10);
    expect(summarizeScorecard(s2026).wbk).toEqual(summarizeScorecard(s).wbk);
  });
});
