/**
 * The authorisation matrix, generated from the permission table: every action (every module's
 * `defineAction` export, found by scanning, so a new action without a row fails here) × every role (from
 * the role list) × where its target lies — the caller's own unit, another unit of the same instansi, a unit
 * of another instansi — run through the real action chain.
 *
 * Each row names the permission the action must require, the kind of scope its target has, and how to
 * build an input aimed at a record of a given place. Expected outcomes come from `scopeOf` on the table:
 * a role without the permission is refused before its input is read; with it, a target in its own unit
 * gets past every scope check, another unit only with instansi-wide scope, another instansi never.
 * A refused cell writes nothing (no row in any table changes) but its `access.denied` entry when the
 * refusal was FORBIDDEN.
 */
import { beforeAll, describe, expect, test } from "vitest";
import { ROLES } from "@/domain/roles";
import type { Permission } from "@/server/authz";
import {
  buildPlaces,
  expectedAllowed,
  MATRIX_PASSWORD,
  PLACES,
  type Fixtures,
  type Place,
  type PlaceName,
} from "./authz-places";
import { pinToday, useTestDatabase } from "./db";

const db = useTestDatabase();
pinToday();
const year = new Date().getFullYear();

/** Where an action's target lies. */
type ScopeKind =
  /** A unit's record (its LKE, its plans, its complaints…): own / other unit / other instansi. */
  | "unit"
  /** The instansi's own settings or directory, aimed at by an id (a unit, a user, a periode, a token). */
  | "instansi"
  /** The caller's own rows (inbox, password): "other" is a colleague's row, refused to everyone. */
  | "self"
  /** A new instansi of the deployment: nothing existing is aimed at. */
  | "deployment";

interface Cell {
  place: Place;
  role: (typeof ROLES)[number];
  make: Fixtures["make"];
  /** The caller's own user id. */
  me: string;
}

interface Row {
  permission: Permission;
  scope: ScopeKind;
  /**
   * An input aimed at a record of the cell's place (built fresh for a cell that may consume it). `aims:
   * false` marks an action that names no target at all — it can only act on the caller's own instansi or
   * account — so its other-unit and other-instansi cells do not exist.
   */
  input: (cell: Cell) => Promise<unknown> | unknown;
  aims?: false;
}

const hasil = { ipak: null, ipkp: null, capaianKinerja: null, version: 0 };
const pencananganForm = (c: Cell) => ({
  title: "Pencanangan uji matriks",
  date: `${year}-02-02`,
  place: "Aula kantor",
  unitIds: [c.place.unitId],
  signatoriesCount: 5,
  witnesses: [],
  notes: "",
});
const planFields = async (c: Cell) => ({
  areaCode: (await c.make.rencanaAksi(c.place)).areaCode,
  activity: "Kegiatan uji matriks",
  targetDate: `${year}-11-30`,
  personInCharge: "Penanggung jawab",
  status: "PROSES",
  notes: "",
});
const unitForm = { type: "DINAS", headName: "", headNip: "", proposedForZi: false, selectionCriteria: [] };
async function userForm(c: Cell) {
  const u = await c.make.user(c.place);
  return {
    id: u.id,
    name: u.name,
    email: u.email,
    nip: "",
    unitId: c.place.unitId,
    roles: ["OPERATOR_OPD"],
    tpiUnitIds: [],
    opdUnitId: c.place.unitId,
    active: true,
  };
}
const storedFile = {
  storageKey: "matriks/tidak-ada",
  originalName: "bukti.pdf",
  size: 10,
  sha256: "a".repeat(64),
  mimeType: "application/pdf",
};
const emptyXlsx = () => new File([new Uint8Array([80, 75, 3, 4])], "direktori.xlsx");
let nextYear = 2090;

const MATRIX: Record<string, Row> = {
  saveSelfAnswerAction: {
    permission: "answer:write",
    scope: "unit",
    input: async (c) => ({
      assessmentId: c.place.assessmentId,
      questionCode: (await c.make.firstQuestion(c.place)).code,
      value: null,
      catatan: "",
      version: (await c.make.answer(c.place)).version,
    }),
  },
  saveSelfHasilAction: {
    permission: "answer:write",
    scope: "unit",
    input: (c) => ({ assessmentId: c.place.assessmentId, ...hasil, catatan: "" }),
  },
  saveTpiHasilAction: {
    permission: "review:write",
    scope: "unit",
    input: (c) => ({ assessmentId: c.place.assessmentId, ...hasil, catatan: "Catatan TPI uji" }),
  },
  submitAssessmentAction: {
    permission: "assessment:submit",
    scope: "unit",
    input: (c) => ({ assessmentId: c.place.assessmentId }),
  },
  returnAssessmentAction: {
    permission: "review:write",
    scope: "unit",
    input: (c) => ({ assessmentId: c.place.assessmentId }),
  },
  finalizeAssessmentAction: {
    permission: "assessment:finalize",
    scope: "unit",
    input: (c) => ({ assessmentId: c.place.assessmentId }),
  },
  approveAssessmentAction: {
    permission: "assessment:approve",
    scope: "unit",
    input: (c) => ({ assessmentId: c.place.assessmentId }),
  },
  sendBackAssessmentAction: {
    permission: "assessment:approve",
    scope: "unit",
    input: (c) => ({ assessmentId: c.place.assessmentId, reason: "Alasan pengembalian uji" }),
  },
  reopenAssessmentAction: {
    permission: "assessment:reopen",
    scope: "unit",
    input: (c) => ({ assessmentId: c.place.assessmentId, until: null, reason: "" }),
  },
  reviewQuestionAction: {
    permission: "review:write",
    scope: "unit",
    input: async (c) => ({
      assessmentId: c.place.assessmentId,
      questionCode: (await c.make.firstQuestion(c.place)).code,
      tpiVersion: 0,
      seenReviewStatus: "PENDING",
      decision: "ACCEPT",
    }),
  },
  acceptRemainingAction: {
    permission: "review:write",
    scope: "unit",
    input: (c) => ({ assessmentId: c.place.assessmentId, areaId: null }),
  },
  createPencananganAction: { permission: "pencanangan:manage", scope: "instansi", input: pencananganForm },
  updatePencananganAction: {
    permission: "pencanangan:manage",
    scope: "instansi",
    input: async (c) => ({ id: (await c.make.pencanangan(c.place)).id, ...pencananganForm(c) }),
  },
  recordPenetapanAction: {
    permission: "penetapan:manage",
    scope: "unit",
    input: (c) => ({
      unitId: c.place.unitId,
      year: year - 1,
      result: "TIDAK",
      decreeNumber: "",
      decreeDate: "",
      notes: "",
    }),
  },
  createPeriodeAction: {
    permission: "periode:manage",
    scope: "instansi",
    aims: false,
    input: async (c) => ({
      year: nextYear++,
      catalogueId: (await db.prisma.periode.findUniqueOrThrow({ where: { id: c.place.periodeId } })).catalogueId,
    }),
  },
  updateScheduleAction: {
    permission: "periode:manage",
    scope: "instansi",
    input: async (c) => {
      const p = await db.prisma.periode.findUniqueOrThrow({
        where: { id: c.place.periodeId },
        include: { stages: true },
      });
      const iso = (d: Date) => d.toISOString().slice(0, 10);
      return {
        id: p.id,
        status: p.status,
        pmpziDeadline: iso(p.pmpziDeadline),
        stages: p.stages.map((s) => ({ stage: s.stage, start: iso(s.startDate), end: iso(s.endDate) })),
      };
    },
  },
  updateZeroBaseAction: {
    permission: "periode:manage",
    scope: "instansi",
    input: (c) => ({ id: c.place.periodeId, zeroBase: "ZERO" }),
  },
  setSeparationOfDutiesAction: {
    permission: "user:manage",
    scope: "instansi",
    aims: false,
    input: () => ({ enabled: true }),
  },
  markNotificationReadAction: {
    permission: "notification:own",
    scope: "self",
    input: async (c) => ({
      id: (await c.make.notification(c.place.name === "own" ? c.me : (await c.make.user(c.place)).id)).id,
    }),
  },
  markAllNotificationsReadAction: { permission: "notification:own", scope: "self", aims: false, input: () => ({}) },
  saveNotificationPreferencesAction: {
    permission: "notification:own",
    scope: "self",
    aims: false,
    input: () => ({ emailKinds: [], digestKinds: [] }),
  },
  createRencanaAksiAction: {
    permission: "monev:write",
    scope: "unit",
    input: async (c) => ({ unitId: c.place.unitId, periodeId: c.place.periodeId, ...(await planFields(c)) }),
  },
  updateRencanaAksiAction: {
    permission: "monev:write",
    scope: "unit",
    input: async (c) => ({ id: (await c.make.rencanaAksi(c.place)).id, ...(await planFields(c)) }),
  },
  setRencanaAksiStatusAction: {
    permission: "monev:write",
    scope: "unit",
    input: async (c) => ({ id: (await c.make.rencanaAksi(c.place)).id, status: "SELESAI" }),
  },
  // A new unit under a parent of the place: the parent must be of the caller's instansi.
  createUnitAction: {
    permission: "unit:manage",
    scope: "instansi",
    input: (c) => ({ name: "Unit Uji Matriks", shortName: `U${nextYear++}`, parentId: c.place.unitId, ...unitForm }),
  },
  updateUnitAction: {
    permission: "unit:manage",
    scope: "instansi",
    input: async (c) => {
      const u = await db.prisma.unit.findUniqueOrThrow({ where: { id: c.place.unitId } });
      return {
        id: u.id,
        name: u.name,
        shortName: u.shortName,
        ...unitForm,
        type: u.type,
        proposedForZi: u.proposedForZi,
        selectionCriteria: u.selectionCriteria,
      };
    },
  },
  setUnitActiveAction: {
    permission: "unit:manage",
    scope: "instansi",
    input: (c) => ({ id: c.place.unitId, active: true }),
  },
  createUserAction: {
    permission: "user:manage",
    scope: "instansi",
    input: (c) => ({
      name: "Pegawai Baru Uji",
      email: `baru.${nextYear++}@contoh.go.id`,
      nip: "",
      unitId: c.place.unitId,
      roles: ["OPERATOR_OPD"],
      tpiUnitIds: [],
      opdUnitId: c.place.unitId,
      active: true,
      password: "rahasia-uji-123",
    }),
  },
  updateUserAction: { permission: "user:manage", scope: "instansi", input: userForm },
  resetPasswordAction: {
    permission: "user:manage",
    scope: "instansi",
    input: async (c) => ({ id: (await c.make.user(c.place)).id, password: "setel-ulang-123" }),
  },
  setUserActiveAction: {
    permission: "user:manage",
    scope: "instansi",
    input: async (c) => ({ id: (await c.make.user(c.place)).id, active: true }),
  },
  changeOwnPasswordAction: {
    permission: "account:self",
    scope: "self",
    aims: false,
    // A wrong current password: the chain reaches the check on the caller's own row and changes nothing.
    input: () => ({
      currentPassword: `${MATRIX_PASSWORD}-salah`,
      newPassword: "kata-sandi-baru-2026",
      confirmPassword: "kata-sandi-baru-2026",
    }),
  },
  previewDirectoryImportAction: {
    permission: "user:manage",
    scope: "instansi",
    aims: false,
    input: () => ({ file: emptyXlsx() }),
  },
  importDirectoryAction: {
    permission: "user:manage",
    scope: "instansi",
    aims: false,
    input: () => ({ file: emptyXlsx() }),
  },
  deleteEvidenceAction: {
    permission: "answer:write",
    scope: "unit",
    input: async (c) => ({ evidenceId: (await c.make.answerEvidence(c.place)).id }),
  },
  deletePencananganDocumentAction: {
    permission: "pencanangan:manage",
    scope: "unit",
    input: async (c) => ({ evidenceId: (await c.make.pencananganDocument(c.place)).id }),
  },
  deleteRencanaAksiEvidenceAction: {
    permission: "monev:write",
    scope: "unit",
    input: async (c) => ({ evidenceId: (await c.make.rencanaAksiEvidence(c.place)).id }),
  },
  attachEvidence: {
    permission: "answer:write",
    scope: "unit",
    input: async (c) => ({
      target: { assessmentId: c.place.assessmentId, question: (await c.make.firstQuestion(c.place)).code },
      file: { ...storedFile, sha256: `${nextYear++}`.padEnd(64, "b") },
    }),
  },
  attachPencananganDocument: {
    permission: "pencanangan:manage",
    scope: "unit",
    input: async (c) => ({ target: { pencanangan: (await c.make.pencanangan(c.place)).id }, file: storedFile }),
  },
  attachRencanaAksiEvidence: {
    permission: "monev:write",
    scope: "unit",
    input: async (c) => ({ target: { rencanaAksi: (await c.make.rencanaAksi(c.place)).id }, file: storedFile }),
  },
  openSurveyRoundAction: {
    permission: "survey:manage",
    scope: "unit",
    input: (c) => ({ unitId: c.place.unitId, title: "Putaran uji", closesOn: null, minRespondents: 30 }),
  },
  closeSurveyRoundAction: {
    permission: "survey:manage",
    scope: "unit",
    input: async (c) => ({ roundId: (await c.make.round(c.place)).id }),
  },
  voidSurveyResponseAction: {
    permission: "survey:manage",
    scope: "unit",
    input: async (c) => ({ responseId: (await c.make.surveyResponse(c.place)).id, reason: "Jawaban ganda dari uji" }),
  },
  saveSurveyInstrumentAction: {
    permission: "survey:instrument",
    scope: "instansi",
    aims: false,
    input: () => ({
      kind: "SPAK",
      scale: [1, 4],
      elements: [{ code: "S1", label: "Unsur pertama uji" }],
      respondentFields: [],
    }),
  },
  saveSurveySettingsAction: {
    permission: "survey:instrument",
    scope: "instansi",
    aims: false,
    input: () => ({ surveyMinRespondents: 30 }),
  },
  takeSurveyIntoSelfHasilAction: {
    permission: "answer:write",
    scope: "unit",
    input: (c) => ({ assessmentId: c.place.assessmentId, version: 0 }),
  },
  takeSurveyIntoTpiHasilAction: {
    permission: "review:write",
    scope: "unit",
    input: (c) => ({ assessmentId: c.place.assessmentId, version: 0 }),
  },
  createApiTokenAction: {
    permission: "instansi:manage",
    scope: "instansi",
    aims: false,
    input: () => ({ name: "Token uji matriks" }),
  },
  revokeApiTokenAction: {
    permission: "instansi:manage",
    scope: "instansi",
    input: async (c) => ({ id: (await c.make.apiToken(c.place)).id }),
  },
  setInstansiLogoAction: {
    permission: "instansi:manage",
    scope: "instansi",
    aims: false,
    input: () => ({ logo: null }),
  },
  takePengaduanCountsAction: {
    permission: "answer:write",
    scope: "unit",
    input: (c) => ({ assessmentId: c.place.assessmentId, version: 0 }),
  },
  triagePengaduanAction: {
    permission: "pengaduan:triage",
    scope: "unit",
    input: async (c) => ({
      pengaduanId: (await c.make.pengaduan(c.place)).id,
      toStatus: "DIPROSES",
      body: "Sedang kami proses.",
      version: 1,
    }),
  },
  replyPengaduanAction: {
    permission: "pengaduan:triage",
    scope: "unit",
    input: async (c) => ({
      pengaduanId: (await c.make.pengaduan(c.place)).id,
      body: "Terima kasih atas laporannya.",
      public: true,
    }),
  },
  savePengaduanSettingsAction: {
    permission: "instansi:manage",
    scope: "instansi",
    aims: false,
    input: () => ({ laporUrl: "", wbsUrl: "", pengaduanDueDays: 14 }),
  },
  createDokumenPublikAction: {
    permission: "dokumen-publik:manage",
    scope: "unit",
    input: (c) => ({
      unitId: c.place.unitId,
      kind: "MAKLUMAT",
      title: "Maklumat uji",
      url: "https://contoh.go.id/m",
      description: "",
    }),
  },
  deleteDokumenPublikAction: {
    permission: "dokumen-publik:manage",
    scope: "unit",
    input: async (c) => ({ id: (await c.make.dokumenPublik(c.place)).id }),
  },
  importLkeAnswersAction: {
    permission: "lke:import",
    scope: "unit",
    input: (c) => ({ assessmentId: c.place.assessmentId, fileName: "lke.xlsx", changes: [], hasil: null }),
  },
  createInstansiAction: {
    permission: "instansi:create",
    scope: "deployment",
    aims: false,
    input: () => ({ instansi: `Pemerintah Kabupaten Uji ${nextYear}`, adminEmail: `admin.${nextYear++}@uji.go.id` }),
  },
  setAfirmasiAction: {
    permission: "proposal:afirmasi",
    scope: "unit",
    input: (c) => ({ assessmentId: c.place.assessmentId, afirmasi: false, reason: "" }),
  },
  importHasilAction: {
    permission: "hasil:import",
    scope: "unit",
    input: (c) => ({
      layer: c.role === "TPI" ? "TPI" : "SELF",
      fileName: "hasil.xlsx",
      rows: [
        { assessmentId: c.place.assessmentId, ...hasil, fromFile: { ipak: false, ipkp: false, capaianKinerja: false } },
      ],
    }),
  },
};

type Runnable = { run: (input: unknown, session: unknown) => Promise<{ ok: boolean; code?: string; error?: string }> };
const modules = import.meta.glob([
  "../../src/server/actions/*.ts",
  "../../src/server/evidence/*.ts",
  "!**/*.validation.ts",
  "!**/*.test.ts",
]);

async function discoverActions(): Promise<Map<string, Runnable>> {
  const found = new Map<string, Runnable>();
  for (const load of Object.values(modules)) {
    for (const [name, value] of Object.entries((await load()) as Record<string, unknown>)) {
      if (typeof value === "function" && typeof (value as Partial<Runnable>).run === "function")
        found.set(name, value as unknown as Runnable);
    }
  }
  return found;
}

const SCHEMA_REFUSAL = "Periksa kembali isian yang ditandai.";
/** A refusal because of who asks or where the target lies; anything else means the scope checks were passed. */
const REFUSALS = ["FORBIDDEN", "NOT_FOUND"];

/** Every table's row count and latest updatedAt except the audit log (checked entry by entry). */
let fingerprintSql = "";
async function fingerprint(): Promise<string> {
  if (!fingerprintSql) {
    const tables = await db.prisma.$queryRawUnsafe<{ table_name: string; has_updated: boolean }[]>(
      `SELECT t.table_name, EXISTS (SELECT 1 FROM information_schema.columns c WHERE c.table_schema = 'public'
         AND c.table_name = t.table_name AND c.column_name = 'updatedAt') AS has_updated
       FROM information_schema.tables t WHERE t.table_schema = 'public' AND t.table_type = 'BASE TABLE'
         AND t.table_name NOT IN ('AuditLog', '_migrations', 'Job') ORDER BY 1`,
    );
    fingerprintSql = `SELECT concat_ws('|', ${tables
      .map(
        ({ table_name: t, has_updated }) =>
          `(SELECT '${t}:' || count(*) || ${has_updated ? `':' || coalesce(max("updatedAt")::text, '')` : "''"} FROM "${t}")`,
      )
      .join(", ")}) AS f`;
  }
  return (await db.prisma.$queryRawUnsafe<{ f: string }[]>(fingerprintSql))[0].f;
}

let fx: Fixtures;
beforeAll(async () => {
  fx = await buildPlaces(db.prisma);
});

const placesOf = (row: Row): readonly PlaceName[] => (row.aims === false ? ["own"] : PLACES);
/** For "self" rows a colleague's row is as out of reach as another instansi's. */
const allowed = (row: Row, role: (typeof ROLES)[number], place: PlaceName) =>
  expectedAllowed(fx.sessions[role], row.permission, row.scope === "self" && place === "other" ? "foreign" : place);

const cellCount = Object.values(MATRIX).reduce((n, row) => n + placesOf(row).length * ROLES.length, 0);

describe("authorisation matrix", () => {
  test("every action has a row, and every row an action", async () => {
    const actions = await discoverActions();
    expect([...actions.keys()].sort()).toEqual(Object.keys(MATRIX).sort());
  });

  test(`${Object.keys(MATRIX).length} actions × ${ROLES.length} roles × own unit / other unit / other instansi = ${cellCount} cells, refused exactly where the table says`, async () => {
    const actions = await discoverActions();
    const wrong: string[] = [];
    const started = performance.now();
    for (const [name, row] of Object.entries(MATRIX)) {
      const action = actions.get(name)!;
      const cells = ROLES.flatMap((role) =>
        placesOf(row).map((place) => ({ role, place, allowed: allowed(row, role, place) })),
      );
      const say = (c: { role: string; place: string }, what: string) =>
        wrong.push(`${name} (${row.permission}) as ${c.role} on ${c.place}: ${what}`);

      // Refused cells share one input per place: nothing they do may change it.
      const refused = cells.filter((c) => !c.allowed);
      const inputs = new Map<PlaceName, unknown>();
      for (const place of new Set(refused.map((c) => c.place)))
        inputs.set(
          place,
          await row.input({ place: fx.places[place], role: "ADMIN", make: fx.make, me: fx.sessions.ADMIN.user.id }),
        );
      const before = await fingerprint();
      const lastAudit = (await db.prisma.auditLog.aggregate({ _max: { id: true } }))._max.id ?? BigInt(0);
      let forbidden = 0;
      const refusedBy: string[] = [];
      for (const c of refused) {
        const result = await action.run(inputs.get(c.place), fx.sessions[c.role]);
        if (result.ok || !REFUSALS.includes(result.code!))
          say(c, `not refused — ${result.ok ? "ok" : `${result.code} ${result.error}`}`);
        if (result.code === "FORBIDDEN") {
          forbidden++;
          refusedBy.push(fx.sessions[c.role].user.id);
        }
      }
      if ((await fingerprint()) !== before) wrong.push(`${name}: a refused cell changed the database`);
      const trail = await db.prisma.auditLog.findMany({
        where: { id: { gt: lastAudit } },
        select: { action: true, actorId: true },
      });
      if (trail.some((e) => e.action !== "access.denied") || trail.length !== forbidden)
        wrong.push(
          `${name}: refusals left ${trail.length} entries (${trail.map((e) => e.action).join(", ")}) for ${forbidden} FORBIDDEN`,
        );
      expect(trail.map((e) => e.actorId).sort(), name).toEqual(refusedBy.sort());

      // Allowed cells get an input of their own: they may well consume their target.
      for (const c of cells.filter((c) => c.allowed)) {
        const session = fx.sessions[c.role];
        const input = await row.input({ place: fx.places[c.place], role: c.role, make: fx.make, me: session.user.id });
        const mark = (await db.prisma.auditLog.aggregate({ _max: { id: true } }))._max.id ?? BigInt(0);
        const result = await action.run(input, session);
        const denied = await db.prisma.auditLog.count({ where: { id: { gt: mark }, action: "access.denied" } });
        if (
          !result.ok &&
          (REFUSALS.includes(result.code!) || result.error === SCHEMA_REFUSAL || result.code === "SERVER_ERROR")
        )
          say(c, `did not get past the scope checks — ${result.code} ${result.error}`);
        if (denied) say(c, "left an access.denied entry");
      }
    }
    console.info(
      `[ukur] matriks tindakan: ${cellCount} sel dalam ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    expect(wrong).toEqual([]);
  });
});
