import { describe, expect, test } from "vitest";
import { lheStage } from "./lhe";

describe("LHE stage", () => {
  test.each([
    ["DRAFT", null],
    ["SUBMITTED", null],
    ["IN_REVIEW", null],
    ["RETURNED", 1],
    ["FINALIZED", 2],
    ["APPROVED", 2],
  ] as const)("%s → %s", (status, stage) => expect(lheStage(status)).toBe(stage));
});
