/**
 * The route handlers' side of the authorisation matrix: every exported handler of every `route.ts` under
 * src/app (found by scanning, so a new route without a row fails here) has a row saying how it is reached —
 * public, a bearer/link token, or a session with a permission — and each signed-in row is called the way
 * the app calls it (the route module's own handler, the session it reads from the request) by every role
 * on a target in the caller's own unit, another unit and another instansi. Allowed cells get an answer
 * that is not a refusal (401/403/404) nor a server error; refused cells get 403 or 404; nobody signed in
 * gets 401.
 */
import { Readable } from "node:stream";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, test, vi } from "vitest";
import { ROLES } from "@/domain/roles";
import { publicUnitCode } from "@/lib/unit-code";
import type { CurrentUser } from "@/server/auth/current-user";
import type { Permission } from "@/server/authz";
import { signEvidenceLink } from "@/server/portalrb/evidence-link";
import { hashApiToken, newApiToken } from "@/server/portalrb/tokens";
import { getStorage } from "@/server/storage/storage";
import { png } from "../fixtures/evidence-files";
import { buildPlaces, expectedAllowed, PLACES, type Fixtures, type Place, type PlaceName } from "./authz-places";
import { pinToday, useTestDatabase } from "./db";

// The route modules read the session from the request through getCurrentUser: here it is the cell's user.
const signedIn = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/server/auth/current-user", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/server/auth/current-user")>()),
  getCurrentUser: async () => signedIn.user,
  clientIp: async () => "127.0.0.1",
}));

const db = useTestDatabase();
pinToday();
const year = new Date().getFullYear();

type Handler = (req: Request, ctx: { params: Promise<Record<string, unknown>> }) => Promise<Response>;
const routeModules = import.meta.glob("../../src/app/**/route.ts");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

/** Every "METHOD /path" the app serves, with its handler. */
async function discoverRoutes(): Promise<Map<string, Handler>> {
  const found = new Map<string, Handler>();
  for (const [file, load] of Object.entries(routeModules)) {
    const path = file
      .replace("../../src/app", "")
      .replace(/\/route\.ts$/, "")
      .replace(/\/\([^)]+\)/g, "");
    for (const [name, value] of Object.entries((await load()) as Record<string, unknown>))
      if (METHODS.includes(name) && typeof value === "function") found.set(`${name} ${path}`, value as Handler);
  }
  return found;
}

const BASE = "http://localhost";
const call = (handler: Handler, url: string, params: Record<string, unknown> = {}, init: RequestInit = {}) =>
  handler(new NextRequest(`${BASE}${url}`, init as ConstructorParameters<typeof NextRequest>[1]), {
    params: Promise.resolve(params),
  });
const upload = (body: Uint8Array, name: string): RequestInit => ({
  method: "POST",
  body: Buffer.from(body),
  headers: {
    origin: BASE,
    "x-file-name": name,
    "content-type": "application/octet-stream",
    "content-length": String(body.length),
  },
});

interface Ctx {
  place: Place;
  make: Fixtures["make"];
}

type RouteRow =
  /** Anyone: the check is called with nobody signed in and must not be refused for it. */
  | { access: "public"; check: (h: Handler, ctx: Ctx) => Promise<Response> }
  /** next-auth's own sign-in endpoints. */
  | { access: "sign-in" }
  /** A credential in the request (PortalRB bearer token, signed evidence link): refused without it, answered with it. */
  | { access: "token"; check: (h: Handler, ctx: Ctx, token: "none" | "valid") => Promise<Response> }
  | {
      access: "session";
      permission: Permission;
      /**
       * "unit": the target is a unit's record (own / other unit / other instansi); "instansi": the target is
       * the instansi itself or its periode (own / other instansi); `aims: false`: no target at all.
       */
      scope: "unit" | "instansi";
      aims?: false;
      request: (h: Handler, ctx: Ctx) => Promise<Response>;
    };

async function storedEvidence(make: Fixtures["make"], p: Place) {
  const e = await make.answerEvidence(p);
  await getStorage().put(e.storageKey, Readable.from(Buffer.from("%PDF-1.4 bukti")), {
    size: 14,
    contentType: "application/pdf",
  });
  return e;
}

let token = "";
let fx: Fixtures;

const ROUTES: Record<string, RouteRow> = {
  "GET /api/admin/impor/templat": {
    access: "session",
    permission: "user:manage",
    scope: "instansi",
    aims: false,
    request: (h) => call(h, "/api/admin/impor/templat"),
  },
  "GET /api/audit/ekspor": {
    access: "session",
    permission: "audit:read",
    scope: "instansi",
    aims: false,
    request: (h) => call(h, "/api/audit/ekspor?tindakan=unit.update"),
  },
  // Signing in itself (next-auth's handler, which reads the request through next/headers and so runs only
  // inside the server; sign-in.test.ts and sessions.test.ts drive it through its options).
  "GET /api/auth/[...nextauth]": { access: "sign-in" },
  "POST /api/auth/[...nextauth]": { access: "sign-in" },
  "GET /api/evidence/[id]": {
    access: "session",
    permission: "assessment:read",
    scope: "unit",
    request: async (h, { make, place }) => call(h, `/api/evidence/x`, { id: (await storedEvidence(make, place)).id }),
  },
  "POST /api/evidence": {
    access: "session",
    permission: "answer:write",
    scope: "unit",
    request: async (h, { make, place }) =>
      call(
        h,
        `/api/evidence?assessmentId=${place.assessmentId}&question=${(await make.firstQuestion(place)).code}`,
        {},
        upload(png(), "foto.png"),
      ),
  },
  "POST /api/ikhtisar/impor-hasil": {
    access: "session",
    permission: "hasil:import",
    scope: "instansi",
    request: (h, { place }) =>
      call(
        h,
        `/api/ikhtisar/impor-hasil?periode=${place.periodeId}&lapisan=TPI`,
        {},
        upload(new Uint8Array([80, 75, 3, 4]), "hasil.xlsx"),
      ),
  },
  "GET /api/ikhtisar/lke-zip": {
    access: "session",
    permission: "overview:read",
    scope: "instansi",
    request: (h, { place }) => call(h, `/api/ikhtisar/lke-zip?periode=${place.periodeId}&lapisan=SELF`),
  },
  "GET /api/pengaduan/lampiran/[id]": {
    access: "session",
    permission: "pengaduan:read",
    scope: "unit",
    request: async (h, { make, place }) => {
      const file = await make.lampiran(place);
      await getStorage().put(file.storageKey, Readable.from(Buffer.from("lampiran")), {
        size: 8,
        contentType: "image/png",
      });
      return call(h, "/api/pengaduan/lampiran/x", { id: file.id });
    },
  },
  "GET /api/penilaian/[id]/bukti.zip": {
    access: "session",
    permission: "evidence:export",
    scope: "unit",
    request: (h, { place }) => call(h, "/api/penilaian/x/bukti.zip", { id: place.assessmentId }),
  },
  "GET /api/penilaian/[id]/ekspor": {
    access: "session",
    permission: "assessment:read",
    scope: "unit",
    request: (h, { place }) => call(h, "/api/penilaian/x/ekspor?lapisan=SELF", { id: place.assessmentId }),
  },
  "POST /api/penilaian/[id]/impor-xlsx": {
    access: "session",
    permission: "lke:import",
    scope: "unit",
    request: (h, { place }) =>
      call(
        h,
        "/api/penilaian/x/impor-xlsx",
        { id: place.assessmentId },
        upload(new Uint8Array([80, 75, 3, 4]), "lke.xlsx"),
      ),
  },
  "GET /api/penilaian/[id]/lhe": {
    access: "session",
    permission: "lhe:read",
    scope: "unit",
    request: (h, { place }) => call(h, "/api/penilaian/x/lhe", { id: place.assessmentId }),
  },
  "GET /api/penilaian/[id]/xlsx": {
    access: "session",
    permission: "assessment:read",
    scope: "unit",
    request: (h, { place }) => call(h, "/api/penilaian/x/xlsx?lapisan=SELF", { id: place.assessmentId }),
  },
  "GET /api/portalrb/lke/jawaban-unit/[unitId]": {
    access: "token",
    // The demo's one LKE approved and eligible this year: only such units are answered (others get 403).
    check: (h, _ctx, t) =>
      call(h, "/api/portalrb/lke/jawaban-unit/PKM%20Sukamaju", { unitId: "PKM Sukamaju" }, bearer(t)),
  },
  "GET /api/portalrb/pengusulan/unit-wbbm": {
    access: "token",
    check: (h, _ctx, t) => call(h, "/api/portalrb/pengusulan/unit-wbbm", {}, bearer(t)),
  },
  "GET /api/portalrb/pengusulan/unit-wbk": {
    access: "token",
    check: (h, _ctx, t) => call(h, "/api/portalrb/pengusulan/unit-wbk", {}, bearer(t)),
  },
  "POST /api/publik/pengaduan": {
    access: "public",
    check: async (h) => {
      // Public codes are matched across the deployment, and the second instansi's fixture also has a
      // "Dinkes": a code two instansi share is refused as ambiguous, so use one only the demo has.
      const unit = await db.prisma.unit.findFirstOrThrow({ where: { shortName: "Dindikbud" } });
      const form = new FormData();
      form.set("unitCode", publicUnitCode(unit.shortName));
      form.set("subject", "Antrean terlalu lama");
      form.set("description", "Antrean di loket pelayanan lebih dari dua jam tanpa kejelasan.");
      return call(h, "/api/publik/pengaduan", {}, { method: "POST", body: form, headers: { origin: BASE } });
    },
  },
  "GET /api/rapor/[unitId]/pdf": {
    access: "session",
    permission: "scorecard:read",
    scope: "unit",
    request: (h, { place }) => call(h, `/api/rapor/x/pdf?tahun=${year}`, { unitId: place.unitId }),
  },
  "GET /api/survei-laporan/[unitId]": {
    access: "session",
    permission: "survey:read",
    scope: "unit",
    request: (h, { place }) => call(h, `/api/survei-laporan/x?tahun=${year}`, { unitId: place.unitId }),
  },
  "GET /api/survei-ekspor/[roundId]": {
    access: "session",
    permission: "survey:read",
    scope: "unit",
    request: async (h, { make, place }) => call(h, "/api/survei-ekspor/x", { roundId: (await make.round(place)).id }),
  },
  "POST /api/survei/[token]": {
    access: "public",
    check: async (h, { make, place }) => {
      const round = await make.round(place);
      return call(
        h,
        `/api/survei/${round.token}`,
        { token: round.token },
        { method: "POST", headers: { "content-type": "application/json" }, body: "{}" },
      );
    },
  },
  "GET /bukti/[token]/berkas/[id]": {
    access: "token",
    check: async (h, { make, place }, t) => {
      const e = await storedEvidence(make, place);
      const link = t === "valid" ? signEvidenceLink(place.assessmentId) : "bukan-tautan";
      return call(h, `/bukti/${link}/berkas/${e.id}`, { token: link, id: e.id });
    },
  },
};

const bearer = (t: "none" | "valid"): RequestInit =>
  t === "valid" ? { headers: { authorization: `Bearer ${token}` } } : {};

beforeAll(async () => {
  // Signed evidence links need the app's secret, as in a real deployment.
  process.env.NEXTAUTH_SECRET ??= "rahasia-uji-matriks-rute";
  fx = await buildPlaces(db.prisma);
  token = newApiToken();
  const admin = fx.sessions.ADMIN.user;
  await db.prisma.apiToken.create({
    data: {
      instansiId: admin.instansiId,
      name: "PortalRB",
      tokenHash: hashApiToken(token),
      prefix: token.slice(0, 10),
      createdById: admin.id,
    },
  });
});

const refusal = (status: number) => status === 401 || status === 403 || status === 404;

describe("route handlers in the authorisation matrix", () => {
  test("every route handler has a row, and every row a handler", async () => {
    expect([...(await discoverRoutes()).keys()].sort()).toEqual(Object.keys(ROUTES).sort());
  });

  const sessionRows = Object.entries(ROUTES).filter(
    (e): e is [string, Extract<RouteRow, { access: "session" }>] => e[1].access === "session",
  );
  const placesOf = (row: Extract<RouteRow, { access: "session" }>): readonly PlaceName[] =>
    row.aims === false ? ["own"] : row.scope === "instansi" ? ["own", "foreign"] : PLACES;
  const cellCount = sessionRows.reduce((n, [, row]) => n + ROLES.length * placesOf(row).length, 0);

  test(`${sessionRows.length} signed-in routes × ${ROLES.length} roles × own / other unit / other instansi = ${cellCount} cells, and 401 without a session`, async () => {
    const routes = await discoverRoutes();
    const wrong: string[] = [];
    const started = performance.now();
    for (const [key, row] of sessionRows) {
      const handler = routes.get(key)!;
      signedIn.user = null;
      const anonymous = await row.request(handler, { place: fx.places.own, make: fx.make });
      if (anonymous.status !== 401) wrong.push(`${key} without a session: ${anonymous.status}`);
      for (const role of ROLES)
        for (const place of placesOf(row)) {
          signedIn.user = fx.sessions[role].user;
          const res = await row.request(handler, { place: fx.places[place], make: fx.make });
          await res.arrayBuffer();
          const allowed = expectedAllowed(fx.sessions[role], row.permission, place);
          const ok = allowed ? !refusal(res.status) && res.status < 500 : res.status === 403 || res.status === 404;
          if (!ok)
            wrong.push(`${key} as ${role} on ${place}: ${res.status}, expected ${allowed ? "an answer" : "403/404"}`);
        }
    }
    signedIn.user = null;
    console.info(`[ukur] matriks rute: ${cellCount} sel dalam ${((performance.now() - started) / 1000).toFixed(1)} s`);
    expect(wrong).toEqual([]);
  });

  test("public routes answer nobody signed in; token routes refuse without their token and answer with it", async () => {
    const routes = await discoverRoutes();
    signedIn.user = null;
    const ctx = { place: fx.places.own, make: fx.make };
    const got: Record<string, number[]> = {};
    for (const [key, row] of Object.entries(ROUTES)) {
      if (row.access === "public") got[key] = [(await row.check(routes.get(key)!, ctx)).status];
      if (row.access === "token")
        got[key] = [
          (await row.check(routes.get(key)!, ctx, "none")).status,
          (await row.check(routes.get(key)!, ctx, "valid")).status,
        ];
    }
    const signIn = Object.keys(ROUTES).filter((key) => ROUTES[key].access === "sign-in");
    expect(new Set(signIn.map((key) => routes.get(key))).size).toBe(1);
    const wrong = Object.entries(got).filter(([key, [first, second]]) =>
      ROUTES[key].access === "public" ? refusal(first) || first >= 500 : !refusal(first) || second !== 200,
    );
    expect(wrong).toEqual([]);
  });
});
