/**
 * PortalRB API through its real handler: tokens (missing, invalid, revoked, another instansi), which
 * units are listed (approved by pimpinan and eligible), the answer rows against the guide's schema and
 * the stored answers, the signed evidence link, the rate limits, and one audit entry per call.
 */
import { beforeAll, describe, expect, test } from "vitest";
import { portalRbAnswersSchema, portalRbErrorSchema, portalRbUnitListSchema } from "@/domain/portalrb-schema";
import { PORTALRB_MAP } from "@/domain/portalrb";
import { approveAssessmentAction } from "@/server/actions/lke-chain";
import { createApiTokenAction, revokeApiTokenAction } from "@/server/actions/instansi-settings";
import { setAfirmasiAction } from "@/server/actions/portalrb-afirmasi";
import { handlePortalRb, type PortalRbEndpoint } from "@/server/portalrb/api";
import { publicEvidenceList } from "@/server/portalrb/public-evidence";
import { hashApiToken, newApiToken } from "@/server/portalrb/tokens";
import { answerValue } from "@/server/scoring/inputs";
import { pinToday, sessionAs, useTestDatabase } from "./db";

const db = useTestDatabase();
pinToday();
const year = new Date().getFullYear();
const BASE = "http://zi.test";

let ipCounter = 0;
function call(endpoint: PortalRbEndpoint, token: string | null, ip = `10.0.0.${++ipCounter}`) {
  const path =
    endpoint.kind === "units"
      ? `/api/portalrb/pengusulan/unit-${endpoint.category.toLowerCase()}`
      : `/api/portalrb/lke/jawaban-unit/${encodeURIComponent(endpoint.unitCode)}`;
  return handlePortalRb(
    new Request(BASE + path, { headers: token ? { authorization: `Bearer ${token}` } : {} }),
    endpoint,
    ip,
  );
}
const WBK = { kind: "units", category: "WBK" } as const;
const WBBM = { kind: "units", category: "WBBM" } as const;
const answersOf = (unitCode: string) => ({ kind: "answers", unitCode }) as const;

async function expectError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  const body = await res.json();
  expect(portalRbErrorSchema.parse(body)).toMatchObject({ error: true, code });
}

let token = "";

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET ??= "test-secret-portalrb";
  const admin = await sessionAs(db.prisma, "admin@contoh.go.id");
  const created = await createApiTokenAction.run({ name: "PortalRB uji" }, admin);
  if (!created.ok) throw new Error(created.error);
  token = created.data.token;
});

describe("tokens", () => {
  test("the token is shown once and stored only as its hash, with a name and a prefix", async () => {
    const row = await db.prisma.apiToken.findFirstOrThrow({ where: { name: "PortalRB uji" } });
    expect(row.tokenHash).toBe(hashApiToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(token.startsWith(row.prefix)).toBe(true);
    expect(row.lastUsedAt).toBeNull();
    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { action: "apiToken.create", entityId: row.id } });
    expect(JSON.stringify(audit.after)).not.toContain(token);
  });

  test("missing or malformed header and unknown token: 401 in the guide's error shape", async () => {
    await expectError(await call(WBK, null), 401, "UNAUTHORIZED");
    await expectError(await call(WBK, "zi_prb_not-a-real-token"), 401, "INVALID_TOKEN");
    const res = await handlePortalRb(
      new Request(`${BASE}/api/portalrb/pengusulan/unit-wbk`, { headers: { authorization: `Basic ${token}` } }),
      WBK,
      "10.9.9.9",
    );
    await expectError(res, 401, "UNAUTHORIZED");
  });

  test("a revoked token is refused from then on", async () => {
    const admin = await sessionAs(db.prisma, "admin@contoh.go.id");
    const created = await createApiTokenAction.run({ name: "Dicabut" }, admin);
    if (!created.ok) throw new Error(created.error);
    expect((await call(WBK, created.data.token)).status).toBe(200);
    expect((await revokeApiTokenAction.run({ id: created.data.id }, admin)).ok).toBe(true);
    await expectError(await call(WBK, created.data.token), 401, "TOKEN_REVOKED");
    // Only ADMIN manages tokens.
    const tpi = await sessionAs(db.prisma, "tpi@contoh.go.id");
    expect(await createApiTokenAction.run({ name: "TPI" }, tpi)).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  test("a token of another instansi sees none of this instansi's units", async () => {
    const other = await db.prisma.instansi.create({ data: { name: "Pemerintah Kota Lain" } });
    const catalogueId = (await db.prisma.periode.findFirstOrThrow({ where: { year } })).catalogueId;
    await db.prisma.periode.create({
      data: { instansiId: other.id, year, catalogueId, pmpziDeadline: new Date(`${year}-05-31`) },
    });
    const otherToken = newApiToken();
    await db.prisma.apiToken.create({
      data: {
        instansiId: other.id,
        name: "Lain",
        tokenHash: hashApiToken(otherToken),
        prefix: otherToken.slice(0, 12),
        createdById: "x",
      },
    });
    const list = await call(WBK, otherToken);
    expect(list.status).toBe(200);
    expect(portalRbUnitListSchema.parse(await list.json()).units).toEqual([]);
    await expectError(await call(answersOf("PKM Sukamaju"), otherToken), 404, "DATA_NOT_FOUND");
  });
});

describe("proposed units", () => {
  test("only LKEs approved by pimpinan and eligible are listed, by our public unit code", async () => {
    const res = await call(WBK, token);
    expect(res.status).toBe(200);
    const body = portalRbUnitListSchema.parse(await res.json());
    expect(body.tahun).toBe(year);
    expect(body.units).toEqual([
      { id: "PKM Sukamaju", nama: "UPTD Puskesmas Sukamaju", kategori: "WBK", afirmasi: false },
    ]);
    const wbbm = portalRbUnitListSchema.parse(await (await call(WBBM, token)).json());
    expect(wbbm.units).toEqual([]);
  });

  test("a finalised but not yet approved unit is not listed and its answers are refused; after approval it is", async () => {
    const rsud = await db.prisma.assessment.findFirstOrThrow({
      where: { unit: { shortName: "RSUD" }, periode: { year } },
    });
    expect(rsud.status).toBe("FINALIZED");
    let units = portalRbUnitListSchema.parse(await (await call(WBK, token)).json()).units;
    expect(units.map((u) => u.id)).not.toContain("RSUD");
    await expectError(await call(answersOf("RSUD"), token), 403, "UNIT_NOT_PROPOSED");

    const pimpinan = await sessionAs(db.prisma, "pimpinan@contoh.go.id");
    expect(await approveAssessmentAction.run({ assessmentId: rsud.id }, pimpinan)).toMatchObject({ ok: true });
    units = portalRbUnitListSchema.parse(await (await call(WBK, token)).json()).units;
    expect(units.map((u) => u.id).sort()).toEqual(["PKM Sukamaju", "RSUD"]);
    expect((await call(answersOf("RSUD"), token)).status).toBe(200);
  });

  test("afirmasi set by ADMIN (validated, audited) is emitted as WBK-AFIRMASI; an operator may not set it", async () => {
    const pkm = await db.prisma.assessment.findFirstOrThrow({
      where: { unit: { shortName: "PKM Sukamaju" }, periode: { year } },
    });
    const admin = await sessionAs(db.prisma, "admin@contoh.go.id");
    const listed = async () =>
      portalRbUnitListSchema.parse(await (await call(WBK, token)).json()).units.find((u) => u.id === "PKM Sukamaju");

    const noReason = await setAfirmasiAction.run({ assessmentId: pkm.id, afirmasi: true, reason: " " }, admin);
    expect(noReason).toMatchObject({ ok: false, code: "INVALID" });
    expect(noReason.ok === false && noReason.error).toMatch(/Dasar afirmasi wajib diisi/);
    const operator = await sessionAs(db.prisma, "operator.dinkes@contoh.go.id");
    const refused = await setAfirmasiAction.run(
      { assessmentId: pkm.id, afirmasi: true, reason: "Unit di wilayah perbatasan" },
      operator,
    );
    expect(refused).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await listed()).toMatchObject({ kategori: "WBK", afirmasi: false });

    const reason = "Puskesmas di wilayah perbatasan (kebijakan afirmasi KemenPANRB)";
    expect(await setAfirmasiAction.run({ assessmentId: pkm.id, afirmasi: true, reason }, admin)).toMatchObject({
      ok: true,
    });
    expect(await listed()).toEqual({
      id: "PKM Sukamaju",
      nama: "UPTD Puskesmas Sukamaju",
      kategori: "WBK-AFIRMASI",
      afirmasi: true,
    });
    const entry = await db.prisma.auditLog.findFirstOrThrow({
      where: { action: "proposal.afirmasi", entityId: pkm.id },
      orderBy: { id: "desc" },
    });
    expect(entry.before).toMatchObject({ afirmasi: false });
    expect(entry.after).toMatchObject({ afirmasi: true, afirmasiReason: reason });

    expect(await setAfirmasiAction.run({ assessmentId: pkm.id, afirmasi: false }, admin)).toMatchObject({ ok: true });
    expect(await listed()).toMatchObject({ kategori: "WBK", afirmasi: false });
    expect(await db.prisma.assessment.findUniqueOrThrow({ where: { id: pkm.id } })).toMatchObject({
      afirmasi: false,
      afirmasiReason: null,
    });
  });

  test("unknown unit 404, malformed id 422", async () => {
    await expectError(await call(answersOf("Tidak Ada"), token), 404, "DATA_NOT_FOUND");
    await expectError(await call(answersOf("x".repeat(101)), token), 422, "INVALID_REQUEST");
  });
});

describe("a unit's answers", () => {
  test("every row has a mapped soal_id once; options, counts and survey indices equal the stored answers", async () => {
    const res = await call(answersOf("pkm sukamaju"), token);
    expect(res.status).toBe(200);
    const body = portalRbAnswersSchema.parse(await res.json());
    expect(body).toMatchObject({ unit_id: "PKM Sukamaju", nama_unit: "UPTD Puskesmas Sukamaju", tahun: year });
    const ids = body.answers.map((a) => a.soal_id);
    expect(new Set(ids).size).toBe(ids.length);
    // An approved LKE is complete: all 127 soal are answered.
    expect(ids.length).toBe(127);
    expect(ids.every((id) => PORTALRB_MAP.soal.some((s) => s.soal_id === id))).toBe(true);

    const a = await db.prisma.assessment.findFirstOrThrow({
      where: { unit: { shortName: "PKM Sukamaju" }, periode: { year } },
    });
    const stored = await db.prisma.answer.findMany({
      where: { assessmentId: a.id },
      include: { question: { select: { code: true } } },
    });
    const value = (layer: "SELF" | "TPI", code: string) => {
      const row = stored.find((r) => r.layer === layer && r.question.code === code);
      return row ? answerValue(row) : null;
    };
    const hasil = await db.prisma.hasilInput.findMany({ where: { assessmentId: a.id } });
    const by = new Map(body.answers.map((x) => [x.soal_id, x]));
    const wrong: string[] = [];
    for (const t of PORTALRB_MAP.soal) {
      const row = by.get(t.soal_id)!;
      let unit: unknown;
      let tpi: unknown;
      if (t.hasil) {
        unit = hasil.find((h) => h.layer === "SELF")?.[t.hasil] ?? null;
        tpi = hasil.find((h) => h.layer === "TPI")?.[t.hasil] ?? null;
      } else if (t.input) {
        unit = (value("SELF", t.question) as Record<string, number> | null)?.[t.input] ?? null;
        tpi = (value("TPI", t.question) as Record<string, number> | null)?.[t.input] ?? null;
        if (typeof row.jawaban_unit !== "number") wrong.push(`${t.soal_id}: count not a number`);
      } else {
        unit = value("SELF", t.question);
        tpi = value("TPI", t.question);
      }
      if (row.jawaban_unit !== unit || (row.jawaban_tpi ?? null) !== tpi)
        wrong.push(`${t.soal_id}: ${row.jawaban_unit}/${row.jawaban_tpi} ≠ ${unit}/${tpi}`);
    }
    expect(wrong).toEqual([]);
    expect(typeof by.get(125)!.jawaban_unit).toBe("number");
    expect(typeof by.get(127)!.jawaban_unit).toBe("number");
  });

  test("bukti_dukung_unit is a signed link to the evidence list, which needs no account and rejects tampering", async () => {
    const body = portalRbAnswersSchema.parse(await (await call(answersOf("PKM Sukamaju"), token)).json());
    const links = body.answers.map((a) => a.bukti_dukung_unit).filter((l): l is string => !!l);
    expect(links.length).toBeGreaterThan(0);
    const url = new URL(links[0]);
    expect(url.origin).toBe(BASE);
    const linkToken = url.pathname.replace("/bukti/", "");
    const list = await publicEvidenceList(linkToken);
    expect(list.ok).toBe(true);
    if (!list.ok) return;
    expect(list.assessment.unitName).toBe("UPTD Puskesmas Sukamaju");
    expect(list.groups.map((g) => g.key)).toContain(decodeURIComponent(url.hash.slice(1)));
    const [payload, sig] = linkToken.split(".");
    const forged = Buffer.from(JSON.stringify({ a: "other", e: 9999999999 })).toString("base64url");
    expect(await publicEvidenceList(`${forged}.${sig}`)).toEqual({ ok: false, reason: "invalid" });
    expect(await publicEvidenceList(`${payload}.${sig.slice(0, -2)}xx`)).toEqual({ ok: false, reason: "invalid" });
  });
});

describe("limits and audit", () => {
  test("every call leaves one audit entry and stamps the token's last use", async () => {
    const tokenRow = await db.prisma.apiToken.findFirstOrThrow({ where: { name: "PortalRB uji" } });
    const before = await db.prisma.auditLog.count({ where: { action: { startsWith: "portalrb." } } });
    await call(WBK, token);
    await call(answersOf("Tidak Ada"), token);
    await call(WBK, null);
    const entries = await db.prisma.auditLog.findMany({
      where: { action: { startsWith: "portalrb." } },
      orderBy: { id: "desc" },
      take: 3,
    });
    expect(await db.prisma.auditLog.count({ where: { action: { startsWith: "portalrb." } } })).toBe(before + 3);
    expect(entries.map((e) => [e.action, (e.after as { status: number }).status])).toEqual([
      ["portalrb.refused", 401],
      ["portalrb.refused", 404],
      ["portalrb.request", 200],
    ]);
    expect(entries[1].entityId).toBe(tokenRow.id);
    expect(entries[1].instansiId).toBe(tokenRow.instansiId);
    expect((await db.prisma.apiToken.findUniqueOrThrow({ where: { id: tokenRow.id } })).lastUsedAt).not.toBeNull();
  });

  test("too many calls per token per minute, and repeated bad tokens from one address, get 429", async () => {
    const admin = await sessionAs(db.prisma, "admin@contoh.go.id");
    const created = await createApiTokenAction.run({ name: "Cepat" }, admin);
    if (!created.ok) throw new Error(created.error);
    process.env.PORTALRB_RATE_PER_MINUTE = "3";
    try {
      for (let i = 0; i < 3; i++) expect((await call(WBK, created.data.token)).status).toBe(200);
      const limited = await call(WBK, created.data.token);
      expect(limited.headers.get("retry-after")).toBe("60");
      await expectError(limited, 429, "RATE_LIMITED");
    } finally {
      delete process.env.PORTALRB_RATE_PER_MINUTE;
    }
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await call(WBK, "zi_prb_guess", "10.66.0.1")).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    // A good token from that address is throttled too until the window passes.
    expect((await call(WBK, token, "10.66.0.1")).status).toBe(429);
  });
});
