/**
 * The authorisation matrix, generated from the permission table: every action (every module's
 * `defineAction` export, found by scanning, so a new action without a row fails here) × every role,
 * run through the real action chain. A role without the action's permission is refused before its
 * input is even read; a role with it gets past the permission check (here to a validation error,
 * since the input is empty, so nothing is written).
 */
import { describe, expect, test } from "vitest";
import type { RoleCode } from "@/domain/roles";
import { PERMISSIONS, type Permission } from "@/server/authz";
import { sessionAs, useTestDatabase } from "./db";

const db = useTestDatabase();

/** The matrix's rows: each action and the permission it must require. */
const MATRIX: Record<string, Permission> = {
  saveSelfAnswerAction: "answer:write",
  saveSelfHasilAction: "answer:write",
  saveTpiHasilAction: "review:write",
  submitAssessmentAction: "assessment:submit",
  returnAssessmentAction: "review:write",
  finalizeAssessmentAction: "assessment:finalize",
  approveAssessmentAction: "assessment:approve",
  sendBackAssessmentAction: "assessment:approve",
  reopenAssessmentAction: "assessment:reopen",
  reviewQuestionAction: "review:write",
  acceptRemainingAction: "review:write",
  createPencananganAction: "pencanangan:manage",
  updatePencananganAction: "pencanangan:manage",
  recordPenetapanAction: "penetapan:manage",
  createPeriodeAction: "periode:manage",
  updateScheduleAction: "periode:manage",
  updateZeroBaseAction: "periode:manage",
  setSeparationOfDutiesAction: "user:manage",
  markNotificationReadAction: "notification:own",
  markAllNotificationsReadAction: "notification:own",
  saveNotificationPreferencesAction: "notification:own",
  createRencanaAksiAction: "monev:write",
  updateRencanaAksiAction: "monev:write",
  setRencanaAksiStatusAction: "monev:write",
  createUnitAction: "unit:manage",
  updateUnitAction: "unit:manage",
  setUnitActiveAction: "unit:manage",
  createUserAction: "user:manage",
  updateUserAction: "user:manage",
  resetPasswordAction: "user:manage",
  setUserActiveAction: "user:manage",
  changeOwnPasswordAction: "account:self",
  previewDirectoryImportAction: "user:manage",
  importDirectoryAction: "user:manage",
  deleteEvidenceAction: "answer:write",
  deletePencananganDocumentAction: "pencanangan:manage",
  deleteRencanaAksiEvidenceAction: "monev:write",
  attachEvidence: "answer:write",
  attachPencananganDocument: "pencanangan:manage",
  attachRencanaAksiEvidence: "monev:write",
  openSurveyRoundAction: "survey:manage",
  closeSurveyRoundAction: "survey:manage",
  voidSurveyResponseAction: "survey:manage",
  saveSurveyInstrumentAction: "survey:instrument",
  takeSurveyIntoSelfHasilAction: "answer:write",
  takeSurveyIntoTpiHasilAction: "review:write",
  createApiTokenAction: "instansi:manage",
  revokeApiTokenAction: "instansi:manage",
  setInstansiLogoAction: "instansi:manage",
  takePengaduanCountsAction: "answer:write",
  triagePengaduanAction: "pengaduan:triage",
  replyPengaduanAction: "pengaduan:triage",
  savePengaduanSettingsAction: "instansi:manage",
  createDokumenPublikAction: "dokumen-publik:manage",
  deleteDokumenPublikAction: "dokumen-publik:manage",
  importLkeAnswersAction: "lke:import",
  importHasilAction: "hasil:import",
  createInstansiAction: "instansi:create",
  setAfirmasiAction: "proposal:afirmasi",
};

const ROLE_USERS: Record<RoleCode, string> = {
  SUPERADMIN: "provinsi@contoh.go.id",
  ADMIN: "admin@contoh.go.id",
  PIMPINAN: "pimpinan@contoh.go.id",
  TPI: "tpi@contoh.go.id",
  KEPALA_OPD: "kepala.dinkes@contoh.go.id",
  OPERATOR_OPD: "operator.dinkes@contoh.go.id",
};

type Runnable = { run: (input: unknown, session: unknown) => Promise<{ ok: boolean; error?: string }> };
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

const FORBIDDEN = "Anda tidak berwenang melakukan tindakan ini.";

describe("authorisation matrix", () => {
  test("every action has a row, and every row an action", async () => {
    const actions = await discoverActions();
    expect([...actions.keys()].sort()).toEqual(Object.keys(MATRIX).sort());
  });

  const cells = Object.entries(MATRIX).flatMap(([action, permission]) =>
    (Object.keys(ROLE_USERS) as RoleCode[]).map((role) => {
      const allowed = role in (PERMISSIONS[permission] as object);
      return [action, role, permission, allowed] as const;
    }),
  );

  test(`${Object.keys(MATRIX).length} actions × ${Object.keys(ROLE_USERS).length} roles = ${cells.length} cells, refused exactly where the table says`, async () => {
    const actions = await discoverActions();
    const sessions = Object.fromEntries(
      await Promise.all(
        Object.entries(ROLE_USERS).map(async ([role, email]) => [role, await sessionAs(db.prisma, email)]),
      ),
    );
    const before = (await db.prisma.auditLog.aggregate({ _max: { id: true } }))._max.id ?? BigInt(0);
    const wrong: string[] = [];
    const succeeded = new Set<string>();
    for (const [action, role, permission, allowed] of cells) {
      const result = await actions.get(action)!.run({}, sessions[role]);
      // An empty input is refused by the schema, except for actions that take none ("mark all read").
      if (result.ok) succeeded.add(action);
      const refused = !result.ok && result.error === FORBIDDEN;
      if (refused === allowed)
        wrong.push(
          `${action} (${permission}) as ${role}: ${allowed ? "refused" : "not refused"} — ${result.ok ? "ok" : result.error}`,
        );
    }
    expect(wrong).toEqual([]);
    expect([...succeeded]).toEqual(["markAllNotificationsReadAction"]);
    // A refusal writes nothing but its own trail (who, which action); only what succeeded wrote more.
    const written = await db.prisma.auditLog.findMany({
      where: { id: { gt: before } },
      select: { action: true, entityId: true, actorId: true },
    });
    const refusals = written.filter((e) => e.action === "access.denied");
    expect(refusals.length).toBe(cells.filter(([, , , allowed]) => !allowed).length);
    expect(refusals.map((e) => e.actorId).sort()).toEqual(
      cells
        .filter(([, , , allowed]) => !allowed)
        .map(([, role]) => sessions[role].user.id)
        .sort(),
    );
    expect(written.filter((e) => e.action !== "access.denied").every((e) => e.action === "notification.readAll")).toBe(
      true,
    );
  });
});
