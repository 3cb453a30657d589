import { describe, expect, test } from "vitest";
import { listenHost, startProblems, wantsDemoSeed } from "./startup";

describe("demo kept apart", () => {
  test("the embedded database gets the demo by default; PostgreSQL only with SEED_DEMO=1", () => {
    expect(wantsDemoSeed({}, "pglite")).toBe(true);
    expect(wantsDemoSeed({ SEED_DEMO: "0" }, "pglite")).toBe(false);
    expect(wantsDemoSeed({}, "postgres")).toBe(false);
    expect(wantsDemoSeed({ SEED_DEMO: "1" }, "postgres")).toBe(true);
  });

  test("with demo data the server listens on 127.0.0.1 unless HOST is set", () => {
    expect(listenHost({}, true)).toBe("127.0.0.1");
    expect(listenHost({ HOST: "0.0.0.0" }, true)).toBe("0.0.0.0");
    expect(listenHost({}, false)).toBe("0.0.0.0");
  });

  test("production refuses demo data unless ALLOW_DEMO=1, and needs NEXTAUTH_URL", () => {
    const prod = { NODE_ENV: "production", NEXTAUTH_URL: "https://zi.example.go.id" };
    expect(startProblems(prod, false)).toEqual([]);
    expect(startProblems(prod, true)).toEqual([expect.stringMatching(/data demo.*ALLOW_DEMO=1/)]);
    expect(startProblems({ ...prod, ALLOW_DEMO: "1" }, true)).toEqual([]);
    expect(startProblems({ NODE_ENV: "production" }, false)).toEqual([expect.stringMatching(/^NEXTAUTH_URL wajib/)]);
    expect(startProblems({ NODE_ENV: "production", NEXTAUTH_URL: "zi.example" }, false)).toEqual([
      expect.stringMatching(/bukan alamat yang sah/),
    ]);
    // Outside production (the README's npm start, the test suite) nothing is refused.
    expect(startProblems({}, true)).toEqual([]);
  });
});
