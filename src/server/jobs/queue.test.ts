import { expect, test } from "vitest";
import { backoffMs } from "./queue";

test.each([
  [1, 60_000],
  [2, 120_000],
  [3, 240_000],
  [5, 960_000],
])("after attempt %i the next try waits %i ms", (attempts, ms) => {
  expect(backoffMs(attempts, 60_000)).toBe(ms);
});
