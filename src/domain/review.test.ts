import { describe, expect, test } from "vitest";
import { transition, type AssessmentStatus, type ChainAction, type ChainFacts } from "./review";

const complete: ChainFacts = { incomplete: [], openReturns: 0, unreviewed: 0, hasilMissing: [], fillWindowOpen: true };

describe("review chain transitions", () => {
  test.each<[AssessmentStatus, ChainAction, Partial<ChainFacts>, AssessmentStatus | RegExp]>([
    ["DRAFT", "submit", {}, "SUBMITTED"],
    ["DRAFT", "submit", { fillWindowOpen: false }, /Masa pengisian LKE unit ini sudah ditutup/],
    ["RETURNED", "submit", { fillWindowOpen: false }, /Masa pengisian/],
    ["SUBMITTED", "startReview", {}, "IN_REVIEW"],
    ["IN_REVIEW", "startReview", {}, /Tidak dapat "Mulai reviu"/],
    ["DRAFT", "submit", { incomplete: ["PPA1A"] }, /setiap pertanyaan harus dijawab/],
    ["DRAFT", "submit", { hasilMissing: ["IPAK"] }, /komponen hasil/],
    ["RETURNED", "submit", {}, "SUBMITTED"],
    ["RETURNED", "submit", { openReturns: 2 }, /2 pertanyaan yang dikembalikan/],
    ["SUBMITTED", "submit", {}, /Tidak dapat "Ajukan ke TPI"/],
    ["IN_REVIEW", "return", { openReturns: 1 }, "RETURNED"],
    ["IN_REVIEW", "return", {}, /minimal satu pertanyaan/],
    ["DRAFT", "return", { openReturns: 1 }, /Tidak dapat/],
    ["IN_REVIEW", "finalize", {}, "FINALIZED"],
    ["SUBMITTED", "finalize", {}, "FINALIZED"],
    ["IN_REVIEW", "finalize", { unreviewed: 3 }, /3 pertanyaan yang belum direviu/],
    ["IN_REVIEW", "finalize", { openReturns: 1 }, /dikembalikan/],
    ["IN_REVIEW", "finalize", { hasilMissing: ["IPKP"] }, /komponen hasil TPI/],
    ["RETURNED", "finalize", {}, /Tidak dapat/],
    ["FINALIZED", "approve", {}, "APPROVED"],
    ["FINALIZED", "sendBack", {}, "IN_REVIEW"],
    ["IN_REVIEW", "approve", {}, /Tidak dapat "Setujui usulan ke PMPZI"/],
    ["APPROVED", "approve", {}, /Tidak dapat/],
    ["APPROVED", "sendBack", {}, /Tidak dapat/],
  ])("%s + %s %j → %s", (status, action, facts, expected) => {
    const result = transition(status, action, { ...complete, ...facts });
    if (typeof expected === "string") expect(result).toEqual({ ok: true, next: expected });
    else {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).toMatch(expected);
    }
  });

  test("a refused submit lists what is missing", () => {
    const result = transition("DRAFT", "submit", {
      ...complete,
      incomplete: ["PPA1A", "PRF2A"],
      hasilMissing: ["IPAK"],
    });
    expect(result).toMatchObject({ ok: false, missing: ["PPA1A", "PRF2A", "IPAK"] });
  });

  test("nothing leaves APPROVED", () => {
    for (const action of ["submit", "startReview", "return", "finalize", "approve", "sendBack"] as const) {
      expect(transition("APPROVED", action, complete).ok).toBe(false);
    }
  });
});
