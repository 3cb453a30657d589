import { describe, expect, test } from "vitest";
import { passwordProblem } from "./password-policy";

const owner = { email: "budi.santoso@contoh.go.id", nip: "198203152006042003" };

describe("passwordProblem", () => {
  test.each(["Kebun-Teh-Puncak-7", "sapu lidi di pojok dapur", "R4pat#Evaluasi!ZI"])("accepts %s", (p) => {
    expect(passwordProblem(p, owner)).toBeNull();
  });

  test.each([
    ["Pendek#123", /minimal 12 karakter/],
    ["password1234", /terlalu umum/],
    ["Indonesia2026!", /terlalu umum/],
    ["123456789012", /terlalu umum/],
    ["aaaaaaaaaaaaaa", /terlalu umum/],
    ["budi.santoso@contoh.go.id", /email atau NIP/],
    ["Budi.Santoso#2026", /email atau NIP/],
    ["x198203152006042003", /email atau NIP/],
    ["a".repeat(129), /maksimal 128/],
  ])("refuses %s", (p, message) => {
    expect(passwordProblem(p, owner)).toMatch(message);
  });
});
