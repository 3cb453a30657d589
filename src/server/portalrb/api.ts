/**
 * The API PortalRB pulls from (Panduan Teknis API Integrasi ZI 1.0.0): bearer-token authentication
 * scoped to the token's instansi, a rate limit, one audit entry per call, and errors as
 * `{"error": true, "code", "message"}` with the guide's status codes. Which units are listed and how
 * answers map to soal_id are rules of src/domain/portalrb.ts.
 */
import { periodeRunning } from "@/domain/periode";
import {
  portalRbAnswers,
  portalRbCategory,
  portalRbListEntry,
  portalRbSupports,
  type LayerAnswer,
  type PortalRbCategory,
} from "@/domain/portalrb";
import { portalRbAnswersSchema, portalRbUnitListSchema } from "@/domain/portalrb-schema";
import { writeAudit } from "@/server/audit";
import { checkLoginAllowed, recordLoginAttempt } from "@/server/auth/rate-limit";
import { portalRbRatePerMinute } from "@/server/config";
import { getDb } from "@/server/db/client";
import { answerValue } from "@/server/scoring/inputs";
import { signEvidenceLink } from "./evidence-link";
import { hashApiToken } from "./tokens";

export type PortalRbEndpoint = { kind: "units"; category: PortalRbCategory } | { kind: "answers"; unitCode: string };

interface Caller {
  tokenId: string;
  instansiId: string;
}

class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const HEADERS = { "Cache-Control": "no-store", "Content-Type": "application/json; charset=utf-8" };
const errorResponse = (e: ApiError, extra: Record<string, string> = {}) =>
  new Response(JSON.stringify({ error: true, code: e.code, message: e.message }), {
    status: e.status,
    headers: { ...HEADERS, ...extra },
  });

/**
 * Who is calling. Failed token checks are counted like failed sign-ins from the address (the sign-in
 * limiter's table and limits), so guessing tokens is throttled the same way as guessing passwords.
 */
async function authenticate(req: Request, ip: string): Promise<Caller> {
  const db = getDb();
  const identifier = `portalrb:${ip}`;
  const block = await checkLoginAllowed(db, identifier, ip);
  if (block)
    throw new ApiError(
      429,
      "RATE_LIMITED",
      "Terlalu banyak permintaan dengan token tidak sah dari alamat ini. Coba lagi nanti.",
    );
  const header = req.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) {
    await recordLoginAttempt(db, identifier, ip, false);
    throw new ApiError(401, "UNAUTHORIZED", "Token tidak ada. Kirim header Authorization: Bearer <token>.");
  }
  const token = await db.apiToken.findUnique({
    where: { tokenHash: hashApiToken(match[1]) },
    select: { id: true, instansiId: true, revokedAt: true },
  });
  if (!token || token.revokedAt) {
    await recordLoginAttempt(db, identifier, ip, false);
    throw new ApiError(
      401,
      token ? "TOKEN_REVOKED" : "INVALID_TOKEN",
      token ? "Token sudah dicabut." : "Token tidak valid.",
    );
  }
  return { tokenId: token.id, instansiId: token.instansiId };
}

/** Per-token rate limit, counted from the audit log (every call leaves exactly one entry). */
async function checkRate(caller: Caller, now: Date) {
  const recent = await getDb().auditLog.count({
    where: {
      entity: "ApiToken",
      entityId: caller.tokenId,
      action: { startsWith: "portalrb." },
      createdAt: { gte: new Date(now.getTime() - 60_000) },
    },
  });
  if (recent >= portalRbRatePerMinute())
    throw new ApiError(429, "RATE_LIMITED", "Batas permintaan per menit terlampaui. Coba lagi sebentar lagi.");
}

/** The periode PortalRB is asking about: the running one, else the newest. */
async function currentPeriode(instansiId: string) {
  const periodes = await getDb().periode.findMany({
    where: { instansiId },
    orderBy: { year: "desc" },
    select: { id: true, year: true, status: true, catalogueId: true },
  });
  const periode = periodes.find((p) => periodeRunning(p.status)) ?? periodes[0];
  if (!periode) throw new ApiError(404, "DATA_NOT_FOUND", "Belum ada periode penilaian.");
  if (!portalRbSupports(periode.catalogueId))
    throw new ApiError(500, "UNSUPPORTED_CATALOGUE", "Katalog LKE periode ini belum dipetakan ke soal PortalRB.");
  return periode;
}

/** Units of the instansi whose approved LKE makes them eligible, each with its category. */
async function proposedUnits(instansiId: string, periodeId: string) {
  const rows = await getDb().assessment.findMany({
    where: { periodeId, unit: { instansiId, active: true } },
    select: {
      id: true,
      status: true,
      afirmasi: true,
      unit: { select: { id: true, name: true, shortName: true } },
      scores: { where: { layer: "TPI" }, select: { wbkEligible: true, wbbmEligible: true } },
    },
    orderBy: { unit: { name: "asc" } },
  });
  return rows.flatMap((r) => {
    const category = portalRbCategory(r.status, r.scores[0] ?? null);
    return category ? [{ assessmentId: r.id, unit: r.unit, category, afirmasi: r.afirmasi }] : [];
  });
}

function baseUrl(req: Request): string {
  return (process.env.NEXTAUTH_URL ?? new URL(req.url).origin).replace(/\/+$/, "");
}

async function unitAnswers(req: Request, caller: Caller, unitCode: string) {
  if (!unitCode || unitCode.length > 100 || /[\u0000-\u001f]/.test(unitCode))
    throw new ApiError(422, "INVALID_REQUEST", "unit_id tidak valid.");
  const periode = await currentPeriode(caller.instansiId);
  const listed = (await proposedUnits(caller.instansiId, periode.id)).find(
    (u) => u.unit.shortName.toLowerCase() === unitCode.toLowerCase(),
  );
  if (!listed) {
    const exists = await getDb().unit.findFirst({
      where: { instansiId: caller.instansiId, shortName: { equals: unitCode, mode: "insensitive" } },
      select: { id: true },
    });
    if (!exists) throw new ApiError(404, "DATA_NOT_FOUND", `Unit "${unitCode}" tidak ditemukan.`);
    throw new ApiError(
      403,
      "UNIT_NOT_PROPOSED",
      `LKE unit "${unitCode}" belum disetujui pimpinan atau belum memenuhi syarat untuk diusulkan.`,
    );
  }
  const db = getDb();
  const [answers, hasil] = await Promise.all([
    db.answer.findMany({
      where: { assessmentId: listed.assessmentId },
      select: {
        layer: true,
        optionLabel: true,
        counts: true,
        catatan: true,
        question: { select: { code: true } },
        _count: { select: { evidence: { where: { deletedAt: null } } } },
      },
    }),
    db.hasilInput.findMany({
      where: { assessmentId: listed.assessmentId },
      select: {
        layer: true,
        ipak: true,
        ipkp: true,
        capaianKinerja: true,
        catatan: true,
        evidence: { where: { deletedAt: null }, select: { hasilField: true } },
      },
    }),
  ]);
  const self: Record<string, LayerAnswer> = {};
  const tpi: Record<string, LayerAnswer> = {};
  const withEvidence = new Set<string>();
  for (const a of answers) {
    (a.layer === "TPI" ? tpi : self)[a.question.code] = { value: answerValue(a), catatan: a.catatan };
    if (a.layer === "SELF" && a._count.evidence > 0) withEvidence.add(a.question.code);
  }
  const HASIL_KEYS = { IPAK: "ipak", IPKP: "ipkp", CAPAIAN_KINERJA: "capaianKinerja" } as const;
  const hasilOf = (layer: "SELF" | "TPI") => {
    const h = hasil.find((x) => x.layer === layer);
    if (layer === "SELF")
      for (const e of h?.evidence ?? []) if (e.hasilField) withEvidence.add(HASIL_KEYS[e.hasilField]);
    return {
      ipak: h?.ipak ?? null,
      ipkp: h?.ipkp ?? null,
      capaianKinerja: h?.capaianKinerja ?? null,
      catatan: h?.catatan ?? null,
    };
  };
  const link = `${baseUrl(req)}/bukti/${signEvidenceLink(listed.assessmentId)}`;
  const rows = portalRbAnswers({
    self,
    tpi,
    selfHasil: hasilOf("SELF"),
    tpiHasil: hasilOf("TPI"),
    evidenceLink: (key) => (withEvidence.has(key) ? `${link}#${encodeURIComponent(key)}` : null),
  });
  return {
    unit_id: listed.unit.shortName,
    nama_unit: listed.unit.name,
    tahun: periode.year,
    // jawaban_unit is required by the guide: a soal the unit left empty is not sent.
    answers: rows.filter((r) => r.jawaban_unit !== null),
  };
}

async function respond(req: Request, caller: Caller, endpoint: PortalRbEndpoint): Promise<object> {
  if (endpoint.kind === "answers")
    return portalRbAnswersSchema.parse(await unitAnswers(req, caller, endpoint.unitCode));
  const periode = await currentPeriode(caller.instansiId);
  const units = (await proposedUnits(caller.instansiId, periode.id)).filter((u) => u.category === endpoint.category);
  return portalRbUnitListSchema.parse({
    tahun: periode.year,
    units: units.map((u) => ({
      id: u.unit.shortName,
      nama: u.unit.name,
      ...portalRbListEntry(u.category, u.afirmasi),
    })),
  });
}

export async function handlePortalRb(req: Request, endpoint: PortalRbEndpoint, ip: string): Promise<Response> {
  const now = new Date();
  const path = new URL(req.url).pathname;
  let caller: Caller | null = null;
  let status = 200;
  let code: string | null = null;
  try {
    caller = await authenticate(req, ip);
    await checkRate(caller, now);
    const body = await respond(req, caller, endpoint);
    return new Response(JSON.stringify(body), { status: 200, headers: HEADERS });
  } catch (e) {
    const err =
      e instanceof ApiError ? e : new ApiError(500, "INTERNAL_ERROR", "Terjadi kesalahan pada server instansi.");
    if (!(e instanceof ApiError)) console.error("[portalrb]", e);
    status = err.status;
    code = err.code;
    return errorResponse(err, err.status === 429 ? { "Retry-After": "60" } : {});
  } finally {
    // Every call, answered or refused, leaves one entry; an unknown token's entry has no instansi.
    const db = getDb();
    await db.$transaction(async (tx) => {
      if (caller && status !== 429)
        await tx.apiToken.update({ where: { id: caller.tokenId }, data: { lastUsedAt: now } });
      await writeAudit(tx, caller ? { id: null, instansiId: caller.instansiId } : null, ip, {
        action: status < 400 ? "portalrb.request" : "portalrb.refused",
        entity: "ApiToken",
        entityId: caller?.tokenId ?? "-",
        after: { path, status, ...(code ? { code } : {}) },
      });
    });
  }
}
