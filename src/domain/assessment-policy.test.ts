import { describe, expect, test } from "vitest";
import {
  assessmentPolicy,
  CAPABILITIES,
  DUTY_MESSAGES,
  nextStep,
  ownRoleChangeRefusal,
  roleAssignmentConflict,
  rolesOnUnit,
  selfAnswerDecision,
  type Capability,
  type DutyFacts,
  type PolicyFacts,
  type PolicyInput,
} from "./assessment-policy";
import { ASSESSMENT_STATUSES, type AssessmentStatus } from "./review";
import { ROLES, type RoleCode } from "./roles";
import { defaultPmpziDeadline, defaultStageWindows } from "./timeline";

const windows = defaultStageWindows(2026);
const pmpziDeadline = defaultPmpziDeadline(2026);
/** Everything the chain checks is done: answered with catatan, hasil of both layers, every question reviewed. */
const complete: PolicyFacts = {
  incomplete: [],
  selfHasilMissing: [],
  tpiHasilMissing: [],
  openReturns: 0,
  unreviewed: 0,
};
const noDuties: DutyFacts = { enforced: true, editedSelf: false, finalized: false };

type Window = "open" | "closed" | "reopened";
/** Fill window open by the stages (March), closed (October), or closed by the stages but reopened to 31 December. */
const WINDOWS: Record<Window, { today: string; reopenedUntil: string | null }> = {
  open: { today: "2026-03-10", reopenedUntil: null },
  closed: { today: "2026-10-15", reopenedUntil: null },
  reopened: { today: "2026-10-15", reopenedUntil: "2026-12-31" },
};

function input(
  status: AssessmentStatus,
  roles: RoleCode[],
  window: Window,
  over: { facts?: Partial<PolicyFacts>; duties?: Partial<DutyFacts> } = {},
): PolicyInput {
  const w = WINDOWS[window];
  return {
    status,
    facts: { ...complete, ...over.facts },
    schedule: { windows, pmpziDeadline, reopenedUntil: w.reopenedUntil },
    today: w.today,
    roles,
    duties: { ...noDuties, ...over.duties },
  };
}

const allowedOf = (i: PolicyInput) => CAPABILITIES.filter((c) => assessmentPolicy(i).capabilities[c].allowed).sort();

/**
 * The whole table: what each role may do in each state, with the fill window open (by the stages or a
 * reopening) and closed, on a complete LKE. A reopened window behaves exactly like an open one.
 */
const TABLE: Record<RoleCode, Record<AssessmentStatus, { open: Capability[]; closed: Capability[] }>> = {
  // The province's roll-up role acts on no LKE.
  SUPERADMIN: {
    DRAFT: { open: [], closed: [] },
    RETURNED: { open: [], closed: [] },
    SUBMITTED: { open: [], closed: [] },
    IN_REVIEW: { open: [], closed: [] },
    FINALIZED: { open: [], closed: [] },
    APPROVED: { open: [], closed: [] },
  },
  OPERATOR_OPD: {
    DRAFT: { open: ["writeEvidence", "writeSelf", "writeSelfHasil"], closed: [] },
    RETURNED: { open: ["writeEvidence", "writeSelf"], closed: [] },
    SUBMITTED: { open: [], closed: [] },
    IN_REVIEW: { open: [], closed: [] },
    FINALIZED: { open: [], closed: [] },
    APPROVED: { open: [], closed: [] },
  },
  KEPALA_OPD: {
    DRAFT: { open: ["submit"], closed: [] },
    RETURNED: { open: ["submit"], closed: [] },
    SUBMITTED: { open: [], closed: [] },
    IN_REVIEW: { open: [], closed: [] },
    FINALIZED: { open: [], closed: [] },
    APPROVED: { open: [], closed: [] },
  },
  TPI: {
    DRAFT: { open: [], closed: [] },
    RETURNED: { open: [], closed: [] },
    SUBMITTED: { open: ["finalize", "review"], closed: ["finalize", "review"] },
    IN_REVIEW: { open: ["finalize", "review"], closed: ["finalize", "review"] },
    FINALIZED: { open: [], closed: [] },
    APPROVED: { open: [], closed: [] },
  },
  PIMPINAN: {
    DRAFT: { open: [], closed: [] },
    RETURNED: { open: [], closed: [] },
    SUBMITTED: { open: [], closed: [] },
    IN_REVIEW: { open: [], closed: [] },
    FINALIZED: { open: ["approve", "sendBack"], closed: ["approve", "sendBack"] },
    APPROVED: { open: [], closed: [] },
  },
  ADMIN: Object.fromEntries(ASSESSMENT_STATUSES.map((s) => [s, { open: ["reopen"], closed: ["reopen"] }])) as Record<
    AssessmentStatus,
    { open: Capability[]; closed: Capability[] }
  >,
};

const cases = ROLES.flatMap((role) =>
  ASSESSMENT_STATUSES.flatMap((status) =>
    (["open", "closed", "reopened"] as const).map((window) => [role, status, window] as const),
  ),
);

describe("the assessment policy: every status × role × window", () => {
  test("covers 6 roles × 6 statuses × 3 windows", () => {
    expect(cases).toHaveLength(108);
  });

  test.each(cases)("%s on a %s LKE, window %s", (role, status, window) => {
    const expected = TABLE[role][status][window === "closed" ? "closed" : "open"];
    expect(allowedOf(input(status, [role], window))).toEqual([...expected].sort());
    // Every refusal says why, in Indonesian, with a code to branch on.
    const policy = assessmentPolicy(input(status, [role], window));
    for (const c of CAPABILITIES) {
      const d = policy.capabilities[c];
      if (!d.allowed) {
        expect(["FORBIDDEN", "SEPARATION_OF_DUTIES", "LOCKED", "INCOMPLETE"]).toContain(d.code);
        expect(d.reason.length).toBeGreaterThan(15);
      }
    }
  });
});

describe("the reasons given", () => {
  test.each<[AssessmentStatus, RoleCode, Window, Capability, Partial<PolicyFacts>, string, RegExp]>([
    ["DRAFT", "TPI", "open", "submit", {}, "FORBIDDEN", /^Hanya Kepala OPD yang dapat mengajukan LKE ke TPI\.$/],
    [
      "DRAFT",
      "OPERATOR_OPD",
      "open",
      "review",
      {},
      "FORBIDDEN",
      /^Hanya Tim Penilai Internal yang dapat mereviu jawaban\.$/,
    ],
    [
      "FINALIZED",
      "TPI",
      "open",
      "approve",
      {},
      "FORBIDDEN",
      /^Hanya Pimpinan yang dapat menyetujui usulan ke PMPZI\.$/,
    ],
    ["IN_REVIEW", "KEPALA_OPD", "open", "reopen", {}, "FORBIDDEN", /Hanya Admin \(Bagian Organisasi\)/],
    ["DRAFT", "OPERATOR_OPD", "closed", "writeSelf", {}, "LOCKED", /Masa pengisian LKE unit ini sudah ditutup/],
    ["DRAFT", "KEPALA_OPD", "closed", "submit", {}, "LOCKED", /Masa pengisian LKE unit ini sudah ditutup/],
    ["RETURNED", "OPERATOR_OPD", "open", "writeSelfHasil", {}, "LOCKED", /Hanya pertanyaan yang dikembalikan TPI/],
    ["SUBMITTED", "OPERATOR_OPD", "open", "writeSelf", {}, "LOCKED", /Jawaban terkunci: status LKE "Diajukan ke TPI"/],
    [
      "DRAFT",
      "KEPALA_OPD",
      "open",
      "submit",
      { incomplete: ["PPA1A"], selfHasilMissing: ["IPAK"] },
      "INCOMPLETE",
      /setiap pertanyaan harus dijawab/,
    ],
    [
      "RETURNED",
      "KEPALA_OPD",
      "reopened",
      "submit",
      { openReturns: 2 },
      "INCOMPLETE",
      /2 pertanyaan yang dikembalikan/,
    ],
    [
      "IN_REVIEW",
      "TPI",
      "closed",
      "finalize",
      { unreviewed: 49 },
      "INCOMPLETE",
      /49 pertanyaan yang belum direviu TPI/,
    ],
    ["IN_REVIEW", "TPI", "closed", "finalize", { tpiHasilMissing: ["IPKP"] }, "INCOMPLETE", /komponen hasil TPI/],
    ["IN_REVIEW", "TPI", "closed", "return", {}, "INCOMPLETE", /minimal satu pertanyaan/],
    ["DRAFT", "TPI", "open", "review", {}, "LOCKED", /saat LKE ada di TPI \(status sekarang "Pengisian oleh unit"\)/],
    [
      "APPROVED",
      "PIMPINAN",
      "closed",
      "approve",
      {},
      "LOCKED",
      /Tidak dapat "Setujui usulan ke PMPZI" saat status "Disetujui/,
    ],
  ])("%s, %s, window %s: %s %j → %s", (status, role, window, cap, facts, code, reason) => {
    const d = assessmentPolicy(input(status, [role], window, { facts })).capabilities[cap];
    expect(d.allowed).toBe(false);
    if (!d.allowed) {
      expect(d.code).toBe(code);
      expect(d.reason).toMatch(reason);
    }
  });

  test("a blocked submission lists what is missing", () => {
    const d = assessmentPolicy(
      input("DRAFT", ["KEPALA_OPD"], "open", { facts: { incomplete: ["PPA1A"], selfHasilMissing: ["IPAK"] } }),
    ).capabilities.submit;
    expect(d).toMatchObject({ allowed: false, missing: ["PPA1A", "IPAK"] });
  });

  test("an allowed chain step names the status it leads to", () => {
    expect(
      assessmentPolicy(input("IN_REVIEW", ["TPI"], "closed", { facts: { openReturns: 1 } })).capabilities.return,
    ).toEqual({ allowed: true, next: "RETURNED" });
    expect(assessmentPolicy(input("FINALIZED", ["PIMPINAN"], "closed")).capabilities.sendBack).toEqual({
      allowed: true,
      next: "IN_REVIEW",
    });
  });
});

describe("separation of duties", () => {
  test.each<[string, AssessmentStatus, RoleCode[], Partial<DutyFacts>, Capability, string | null]>([
    [
      "the TPI who edited the unit's answers may not review",
      "IN_REVIEW",
      ["TPI"],
      { editedSelf: true },
      "review",
      DUTY_MESSAGES.editedSelf,
    ],
    ["… nor finalise", "IN_REVIEW", ["TPI"], { editedSelf: true }, "finalize", DUTY_MESSAGES.editedSelf],
    ["… nor return", "IN_REVIEW", ["TPI"], { editedSelf: true }, "return", DUTY_MESSAGES.editedSelf],
    [
      "pimpinan who edited the unit's answers may not approve",
      "FINALIZED",
      ["PIMPINAN"],
      { editedSelf: true },
      "approve",
      DUTY_MESSAGES.editedSelf,
    ],
    [
      "the one who finalised may not approve",
      "FINALIZED",
      ["PIMPINAN", "TPI"],
      { finalized: true },
      "approve",
      DUTY_MESSAGES.finalizedApprove,
    ],
    ["… but may send back", "FINALIZED", ["PIMPINAN", "TPI"], { finalized: true }, "sendBack", null],
    [
      "an OPD role and TPI on the same unit: no review",
      "IN_REVIEW",
      ["TPI", "KEPALA_OPD"],
      {},
      "review",
      DUTY_MESSAGES.opdAndTpi,
    ],
    ["… no finalise", "IN_REVIEW", ["TPI", "OPERATOR_OPD"], {}, "finalize", DUTY_MESSAGES.opdAndTpi],
    ["the operator who filled may still write", "DRAFT", ["OPERATOR_OPD"], { editedSelf: true }, "writeSelf", null],
    [
      "with the setting off, an editor may review",
      "IN_REVIEW",
      ["TPI"],
      { editedSelf: true, enforced: false },
      "review",
      null,
    ],
    [
      "with the setting off, the finaliser may approve",
      "FINALIZED",
      ["PIMPINAN", "TPI"],
      { finalized: true, enforced: false },
      "approve",
      null,
    ],
  ])("%s", (_, status, roles, duties, cap, refusal) => {
    const d = assessmentPolicy(input(status, roles, "reopened", { duties })).capabilities[cap];
    if (refusal === null) expect(d.allowed).toBe(true);
    else expect(d).toEqual({ allowed: false, code: "SEPARATION_OF_DUTIES", reason: refusal });
  });

  test("role rows that put one person on both sides of a unit are refused", () => {
    expect(
      roleAssignmentConflict(
        [
          { role: "TPI", unitId: "u1" },
          { role: "KEPALA_OPD", unitId: "u1" },
        ],
        true,
      ),
    ).toBe(DUTY_MESSAGES.roleConflict);
    expect(
      roleAssignmentConflict(
        [
          { role: "TPI", unitId: "u2" },
          { role: "OPERATOR_OPD", unitId: "u1" },
        ],
        true,
      ),
    ).toBeNull();
    expect(
      roleAssignmentConflict(
        [
          { role: "TPI", unitId: "u1" },
          { role: "OPERATOR_OPD", unitId: "u1" },
        ],
        false,
      ),
    ).toBeNull();
  });

  test("an admin may not change their own roles", () => {
    const admin = [{ role: "ADMIN" as const, unitId: null }];
    expect(ownRoleChangeRefusal("a", "a", admin, [...admin, { role: "PIMPINAN", unitId: null }], true)).toBe(
      DUTY_MESSAGES.ownRoles,
    );
    expect(ownRoleChangeRefusal("a", "a", admin, admin, true)).toBeNull();
    expect(ownRoleChangeRefusal("a", "b", admin, [], true)).toBeNull();
    expect(ownRoleChangeRefusal("a", "a", admin, [...admin, { role: "PIMPINAN", unitId: null }], false)).toBeNull();
  });
});

describe("who acts next", () => {
  test.each<[AssessmentStatus, Partial<PolicyFacts>, boolean, RoleCode | null]>([
    ["DRAFT", { incomplete: ["PPA1A"] }, true, "OPERATOR_OPD"],
    ["DRAFT", {}, true, "KEPALA_OPD"],
    ["DRAFT", {}, false, "ADMIN"],
    ["RETURNED", { openReturns: 1 }, true, "OPERATOR_OPD"],
    ["RETURNED", {}, true, "KEPALA_OPD"],
    ["SUBMITTED", { unreviewed: 110 }, false, "TPI"],
    ["IN_REVIEW", {}, false, "TPI"],
    ["FINALIZED", {}, false, "PIMPINAN"],
    ["APPROVED", {}, false, null],
  ])("%s %j, window open %s → %s", (status, facts, open, role) => {
    expect(nextStep(status, { ...complete, ...facts }, open)?.role ?? null).toBe(role);
  });
});

describe("one question of the unit's layer", () => {
  test("after a return only returned (or revised) questions open", () => {
    const policy = assessmentPolicy(input("RETURNED", ["OPERATOR_OPD"], "reopened"));
    expect(selfAnswerDecision(policy, "RETURNED").allowed).toBe(true);
    expect(selfAnswerDecision(policy, "REVISED").allowed).toBe(true);
    expect(selfAnswerDecision(policy, "ACCEPTED")).toMatchObject({ allowed: false, code: "LOCKED" });
    expect(selfAnswerDecision(assessmentPolicy(input("DRAFT", ["OPERATOR_OPD"], "open")), "PENDING").allowed).toBe(
      true,
    );
    expect(
      selfAnswerDecision(assessmentPolicy(input("RETURNED", ["OPERATOR_OPD"], "closed")), "RETURNED"),
    ).toMatchObject({ allowed: false, code: "LOCKED" });
  });

  test("the roles that reach a unit: instansi-wide ones, and unit ones only on their unit", () => {
    const rows = [
      { role: "PIMPINAN" as const, unitId: null },
      { role: "TPI" as const, unitId: "u1" },
      { role: "OPERATOR_OPD" as const, unitId: "u2" },
    ];
    expect(rolesOnUnit(rows, "u1").sort()).toEqual(["PIMPINAN", "TPI"]);
    expect(rolesOnUnit(rows, "u2").sort()).toEqual(["OPERATOR_OPD", "PIMPINAN"]);
  });

  test("a reopened unit is not late; a closed one past its deadline is", () => {
    expect(assessmentPolicy(input("DRAFT", ["OPERATOR_OPD"], "reopened")).late).toMatchObject({
      late: false,
      due: { date: "2026-12-31" },
    });
    expect(assessmentPolicy(input("DRAFT", ["OPERATOR_OPD"], "closed")).late).toMatchObject({
      late: true,
      due: { date: "2026-04-30" },
    });
  });
});
