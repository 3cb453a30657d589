/**
 * One full worked example: all 110 questions of the PermenPANRB 90/2021 LKE answered with a varied,
 * realistic set, scored by hand below. Option scores: Ya/Tidak 1/0; A–C 1, ½, 0; A–D 1, ⅔, ⅓, 0;
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
  //   PPA3 (1):    B(A–D) ⅔, A 1, C(A–D) ⅓                → 1 × 2/3                               = 0.666667  (2/3)
  //   PPA4 (1.5):  Ya 1, A 1, B(A–C) ½, B(A–D) ⅔          → 1.5 × (19/6)/4 = 1.5 × 19/24          = 1.1875
  //   pemenuhan A = 0.375 + 5/6 + 2/3 + 1.1875                                                     = 3.0625
  // Reform (4):
  //   PRA1 (2):    PRA1A 6 changes / 8 agents = ¾; PRA1B 3 integrated / 6 changes = ½ → 2 × 1.25/2 = 1.25
  //   PRA2 (1):    B(A–E) ¾                                                                        = 0.75
  //   PRA3 (1):    B(A–D) ⅔                                                                        = 0.666667
  //   reform A = 1.25 + 0.75 + 2/3                                                                 = 2.666667  (8/3)
  // Area A = 3.0625 + 8/3 = 5.729167 (275/48) → 71.61 % of 8: ≥ 60 % (4.8), < 75 % (6.0)
  PPA1A: "Ya", PPA1B: "B",
  PPA2A: "Ya", PPA2B: "A", PPA2C: "B",
  PPA3A: "B", PPA3B: "A", PPA3C: "C",
  PPA4A: "Ya", PPA4B: "A", PPA4C: "B", PPA4D: "B",
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
  //   PRB1 (0.5):  B(A–D) ⅔                                → 0.5 × ⅔                               = 0.333333
  //   PRB2 (1):    A 1, B ½                                → 1 × 1.5/2                             = 0.75
  //   PRB3 (2):    B ¾, C ½, B ¾ (all A–E)                 → 2 × 2/3                               = 1.333333
  //   reform B = 1/3 + 0.75 + 4/3                                                                  = 2.416667  (29/12)
  // Area B = 2.375 + 29/12 = 4.791667 (115/24) → 68.45 % of 7: ≥ 60 % (4.2), < 75 % (5.25)
  PPB1A: "A", PPB1B: "B", PPB1C: "C",
  PPB2A: "A", PPB2B: "A", PPB2C: "B", PPB2D: "C",
  PPB3A: "A", PPB3B: "B",
  PRB1A: "B",
  PRB2A: "A", PRB2B: "B",
  PRB3A: "B", PRB3B: "C", PRB3C: "B",

  // ── C. Penataan Sistem Manajemen SDM (weight 10) ──────────────────────────────────────────────
  // Pemenuhan (5):
  //   PPC1 (0.25): Ya 1, B(A–D) ⅔, Ya 1                    → 0.25 × (8/3)/3 = 0.25 × 8/9          = 0.222222  (2/9)
  //   PPC2 (0.5):  Ya 1, C(A–E) ½, Tidak 0                 → 0.5 × 1.5/3                           = 0.25
  //   PPC3 (1.25): Ya 1, B ⅔, B ⅔, C ⅓, B ⅔ (A–D), A(A–C) 1 → 1.25 × (13/3)/6 = 1.25 × 13/18      = 0.902778  (65/72)
  //   PPC4 (2):    A(A–D) 1, B(A–D) ⅔, B(A–E) ¾, Ya 1      → 2 × (41/12)/4 = 2 × 41/48             = 1.708333  (41/24)
  //   PPC5 (0.75): B(A–D) ⅔                                → 0.75 × ⅔                              = 0.5
  //   PPC6 (0.25): A(A–C) 1                                                                        = 0.25
  //   pemenuhan C = 2/9 + 1/4 + 65/72 + 41/24 + 1/2 + 1/4 = (16 + 18 + 65 + 123 + 36 + 18)/72 = 276/72 = 3.833333
  // Reform (5):
  //   PRC1 (1.5):  B(A–C) ½                                                                        = 0.75
  //   PRC2 (1.5):  C(A–C) 0                                                                        = 0
  //   PRC3 (2):    violations 5 last year, 2 this year → (5 − 2)/5 = 0.6 → 2 × 0.6                 = 1.2
  //   reform C = 0.75 + 0 + 1.2                                                                    = 1.95
  // Area C = 23/6 + 1.95 = 5.783333 (347/60) → 57.83 % of 10: < 60 % (6.0) — fails WBK
  PPC1A: "Ya", PPC1B: "B", PPC1C: "Ya",
  PPC2A: "Ya", PPC2B: "C", PPC2C: "Tidak",
  PPC3A: "Ya", PPC3B: "B", PPC3C: "B", PPC3D: "C", PPC3E: "B", PPC3F: "A",
  PPC4A: "A", PPC4B: "B", PPC4C: "B", PPC4D: "Ya",
  PPC5A: "B",
  PPC6A: "A",
  PRC1A: "B",
  PRC2A: "C",
  PRC3A: { pelanggaranTahunLalu: 5, pelanggaranTahunIni: 2, pelanggaranDisanksi: 2 },

  // ── D. Penguatan Akuntabilitas Kinerja (weight 10) ────────────────────────────────────────────
  // Pemenuhan (5):
  //   PPD1 (2.5):  A(A–C) 1, B(A–C) ½, B(A–D) ⅔            → 2.5 × (13/6)/3 = 2.5 × 13/18          = 1.805556  (65/36)
  //   PPD2 (2.5):  Ya, Ya, Ya, B(A–D) ⅔, Ya, B(A–C) ½, Tidak, A(A–C) 1
  //                Σ = 1 + 1 + 1 + ⅔ + 1 + ½ + 0 + 1 = 37/6 → 2.5 × (37/6)/8 = 2.5 × 37/48          = 1.927083  (185/96)
  //   pemenuhan D = 65/36 + 185/96 = (520 + 555)/288 = 1075/288                                     = 3.732639
  // Reform (5):
  //   PRD1 (2):    87.5 % entered directly → 2 × 0.875                                            = 1.75
  //   PRD2 (1.5):  B(A–D) ⅔                                                                        = 1
  //   PRD3 (1.5):  C(A–D) ⅓                                                                        = 0.5
  //   reform D = 1.75 + 1 + 0.5                                                                    = 3.25
  // Area D = 1075/288 + 3.25 = 2011/288 = 6.982639 → 69.83 % of 10: ≥ 60 %, < 75 %
  PPD1A: "A", PPD1B: "B", PPD1C: "B",
  PPD2A: "Ya", PPD2B: "Ya", PPD2C: "Ya", PPD2D: "B", PPD2E: "Ya", PPD2F: "B", PPD2G: "Tidak", PPD2H: "A",
  PRD1A: 87.5,
  PRD2A: "B",
  PRD3A: "C",

  // ── E. Penguatan Pengawasan (weight 15) ───────────────────────────────────────────────────────
  // Pemenuhan (7.5):
  //   PPE1 (1.5):  A(A–C) 1, B(A–D) ⅔                      → 1.5 × (5/3)/2                         = 1.25
  //   PPE2 (1.5):  B(A–E) ¾, C(A–E) ½, A(A–C) 1, B(A–C) ½  → 1.5 × 2.75/4                          = 1.03125
  //   PPE3 (1.5):  A 1, Ya 1, B ½, A 1                     → 1.5 × 3.5/4                           = 1.3125
  //   PPE4 (1.5):  B ½, B ½, C 0 (A–C)                     → 1.5 × 1/3                             = 0.5
  //   PPE5 (1.5):  A(A–D) 1, B(A–D) ⅔, C(A–D) ⅓, A(A–C) 1, B(A–C) ½ → 1.5 × 3.5/5                  = 1.05
  //   pemenuhan E = 1.25 + 1.03125 + 1.3125 + 0.5 + 1.05                                           = 5.14375
  // Reform (7.5):
  //   PRE1 (2.5):  B(A–E) ¾                                                                        = 1.875
  //   PRE2 (3):    40 complaints due, 6 in progress, 30 done → 30/40 = 0.75 → 3 × 0.75           = 2.25
  //   PRE3 (2):    LHKPN 8 reported / (1 + 4 + 3) = 1; non-LHKPN 30 / (2 + 6 + 32) = 0.75
  //                → 2 × (1 + 0.75)/2                                                              = 1.75
  //   reform E = 1.875 + 2.25 + 1.75                                                               = 5.875
  // Area E = 5.14375 + 5.875 = 11.01875 → 73.46 % of 15: ≥ 60 %, < 75 %
  PPE1A: "A", PPE1B: "B",
  PPE2A: "B", PPE2B: "C", PPE2C: "A", PPE2D: "B",
  PPE3A: "A", PPE3B: "Ya", PPE3C: "B", PPE3D: "A",
  PPE4A: "B", PPE4B: "B", PPE4C: "C",
  PPE5A: "A", PPE5B: "B", PPE5C: "C", PPE5D: "A", PPE5E: "B",
  PRE1A: "B",
  PRE2A: { pengaduanHarusDitindaklanjuti: 40, pengaduanDiproses: 6, pengaduanSelesai: 30 },
  PRE3A: { kepalaSatker: 1, pejabatWajibLhkpn: 4, lainnya: 3, sudahMelapor: 8 },
  PRE3B: { eselonIII: 2, eselonIV: 6, fungsionalPelaksana: 32, sudahMelapor: 30 },

  // ── F. Peningkatan Kualitas Pelayanan Publik (weight 10) ──────────────────────────────────────
  // Pemenuhan (5):
  //   PPF1 (1):    B(A–E) ¾, A(A–D) 1, B(A–D) ⅔, Ya 1      → Σ 41/12 → 1 × 41/48                   = 0.854167
  //   PPF2 (1):    B(A–E) ¾, A 1, B ⅔, C ⅓, B ⅔ (A–D), C(A–E) ½ → Σ 47/12 → 1 × 47/72            = 0.652778
  //   PPF3 (1):    A(A–E) 1, A(A–C) 1, B(A–C) ½            → 1 × 2.5/3                             = 0.833333
  //   PPF4 (1):    B(A–E) ¾, A(A–C) 1, B(A–D) ⅔            → Σ 29/12 → 1 × 29/36                   = 0.805556
  //   PPF5 (1):    B(A–D) ⅔, Ya 1, B(A–C) ½                → Σ 13/6 → 1 × 13/18                    = 0.722222
  //   pemenuhan F = (123 + 94 + 120 + 116 + 104)/144 = 557/144                                     = 3.868056
  // Reform (5):
  //   PRF1 (2.5):  PRF1A B(A–D) ⅔; PRF1B 9 simplified / 12 services = ¾ → 2.5 × (⅔ + ¾)/2 = 2.5 × 17/24 = 1.770833 (85/48)
  //   PRF2 (2.5):  B(A–D) ⅔                                → 2.5 × ⅔                               = 1.666667  (5/3)
  //   reform F = 85/48 + 80/48 = 165/48                                                            = 3.4375
  // Area F = 557/144 + 495/144 = 1052/144 = 7.305556 → 73.06 % of 10: ≥ 60 %, < 75 %
  PPF1A: "B", PPF1B: "A", PPF1C: "B", PPF1D: "Ya",
  PPF2A: "B", PPF2B: "A", PPF2C: "B", PPF2D: "C", PPF2E: "B", PPF2F: "C",
  PPF3A: "A", PPF3B: "A", PPF3C: "B",
  PPF4A: "B", PPF4B: "A", PPF4C: "B",
  PPF5A: "B", PPF5B: "Ya", PPF5C: "B",
  PRF1A: "B",
  PRF1B: { layananTerdata: 12, layananDipermudah: 9 },
  PRF2A: "B",
};

// Pengungkit = 275/48 + 115/24 + 347/60 + 2011/288 + 1763/160 + 263/36 = 749/18 = 41.611111
//   pemenuhan = 3.0625 + 2.375 + 3.833333 + 3.732639 + 5.14375 + 3.868056 = 22.015278
//   reform    = 2.666667 + 2.416667 + 1.95 + 3.25 + 5.875 + 3.4375         = 19.595833
// Hasil: IPAK 3.71 → 3.71/4 × 17.5 = 16.23125; capaian B → 5 × ¾ = 3.75; IPKP 3.4 → 3.4/4 × 17.5 = 14.875
//   birokrasi bersih = 16.23125 + 3.75 = 19.98125; hasil = 19.98125 + 14.875 = 34.85625
// Total = 749/18 + 34.85625 = 76.467361
// WBK:  total 76.47 ≥ 75, pengungkit 41.61 ≥ 40, birokrasi bersih ≥ 18.25, IPAK ≥ 15.75, capaian ≥ 2.5,
//       IPKP 14.875 ≥ 14; but area C 5.78 < 6.00 → not eligible, unmet [area:PENGUNGKIT.C].
// WBBM: total < 85, pengungkit < 48, every area < 75 %, IPKP 14.875 < 15.75, no WBK yet;
//       birokrasi bersih 19.98 ≥ 19.5, IPAK ≥ 15.75 and capaian 3.75 ≥ 3.75 are met.
const WORKED_HASIL = { ipak: 3.71, ipkp: 3.4, capaianKinerja: "B" };

const HAND = {
  areas: [
    { id: "PENGUNGKIT.A", pemenuhan: 3.0625, reform: 8 / 3, score: 275 / 48 },
    { id: "PENGUNGKIT.B", pemenuhan: 2.375, reform: 29 / 12, score: 115 / 24 },
    { id: "PENGUNGKIT.C", pemenuhan: 23 / 6, reform: 1.95, score: 347 / 60 },
    { id: "PENGUNGKIT.D", pemenuhan: 1075 / 288, reform: 3.25, score: 2011 / 288 },
    { id: "PENGUNGKIT.E", pemenuhan: 5.14375, reform: 5.875, score: 11.01875 },
    { id: "PENGUNGKIT.F", pemenuhan: 557 / 144, reform: 3.4375, score: 1052 / 144 },
  ],
  pengungkit: 749 / 18,
  pemenuhan: 3.0625 + 2.375 + 23 / 6 + 1075 / 288 + 5.14375 + 557 / 144,
  reform: 8 / 3 + 29 / 12 + 1.95 + 3.25 + 5.875 + 3.4375,
  ipak: 16.23125,
  capaianKinerja: 3.75,
  ipkp: 14.875,
  birokrasiBersih: 19.98125,
  hasil: 34.85625,
  total: 749 / 18 + 34.85625,
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

  test.each(["pengungkit", "pemenuhan", "reform", "ipak", "capaianKinerja", "ipkp", "birokrasiBersih", "hasil", "total"] as const)(
    "%s matches the hand calculation",
    (key) => {
      expect(s[key]).toBeCloseTo(HAND[key], 10);
    },
  );

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
    expect(areaC).toMatchObject({ kind: "score", required: 6, actual: expect.closeTo(347 / 60, 10), gap: expect.closeTo(6 - 347 / 60, 10) });
    expect(areaC.label).toBe("Area Penataan Sistem Manajemen SDM Aparatur 5,78 di bawah 6,00 (60% dari bobot 10,00)");
    expect(s.wbbm.unmet[0].label).toBe("Nilai total 76,47 di bawah 85,00");
    expect(s.wbbm.unmet.find((u) => u.code === "ipkp")!.label).toBe("Nilai IPKP 14,88 di bawah 15,75 (indeks minimal 3,60)");
  });

  test("the 2026 catalogue scores the same answers identically (same structure and ids)", () => {
    const s2026 = scoreAssessment({ ...input, catalogue: LKE_2026 });
    expect(s2026.total).toBeCloseTo(HAND.total, 10);
    expect(summarizeScorecard(s2026).wbk).toEqual(summarizeScorecard(s).wbk);
  });
});
