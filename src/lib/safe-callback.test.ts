import { describe, expect, test } from "vitest";
import { safeCallbackPath } from "./safe-callback";

describe("safeCallbackPath", () => {
  test.each([
    ["/penilaian/abc?q=PPA1A", "/penilaian/abc?q=PPA1A"],
    ["/rapor/u1#radar", "/rapor/u1#radar"],
    ["/admin/pengguna?cari=budi%20s", "/admin/pengguna?cari=budi%20s"],
    [undefined, "/"],
    ["", "/"],
  ])("keeps a same-site path: %s", (raw, expected) => {
    expect(safeCallbackPath(raw)).toBe(expected);
  });

  test.each([
    // The fault found in review: after sign-in this went to //evil.example/path.
    "http://x//evil.example/path",
    "http%3A%2F%2Fx%2F%2Fevil.example%2Fpath",
    "https://evil.example/",
    "//evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/%2Fevil.example",
    "/%5Cevil.example",
    "%2F%2Fevil.example",
    "/%252F%252Fevil.example",
    "/%09/evil.example",
    "/\t/evil.example",
    "javascript:alert(1)",
    "evil.example",
    "/masuk",
    "/masuk?callbackUrl=//evil.example",
    "/%E0%A4%A",
  ])("refuses %s", (raw) => {
    expect(safeCallbackPath(raw)).toBe("/");
  });
});
