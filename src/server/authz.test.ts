import { describe, expect, test } from "vitest";
import { CAPABILITIES, CAPABILITY_ROLE, type Capability } from "@/domain/assessment-policy";
import type { RoleCode } from "@/domain/roles";
import { can, PERMISSIONS, scopeOf, type Permission, type Principal } from "./authz";

const principal = (role: RoleCode, unitIds: (string | null)[] = [null], instansiId = "i1"): Principal => ({
  id: `u-${role}`,
  instansiId,
  assignments: unitIds.map((unitId) => ({ role, unitId })),
});

const admin = principal("ADMIN");
const pimpinan = principal("PIMPINAN");
const tpi = principal("TPI", ["dinkes", "rsud"]);
const kepala = principal("KEPALA_OPD", ["dinkes"]);
const operator = principal("OPERATOR_OPD", ["dinkes"]);

describe("authorization table", () => {
  test.each<[string, Principal, Permission, string | null, boolean]>([
    ["admin manages units", admin, "unit:manage", null, true],
    ["admin cannot approve proposals", admin, "assessment:approve", "dinkes", false],
    ["admin cannot fill a unit's LKE", admin, "answer:write", "dinkes", false],
    ["pimpinan approves any unit", pimpinan, "assessment:approve", "rsud", true],
    ["pimpinan cannot manage users", pimpinan, "user:manage", null, false],
    ["TPI reviews an assigned unit", tpi, "review:write", "rsud", true],
    ["TPI cannot review an unassigned unit", tpi, "review:write", "dishub", false],
    ["TPI reads the overview of all units", tpi, "overview:read", null, true],
    ["TPI cannot edit the schedule", tpi, "periode:manage", null, false],
    ["kepala submits own unit", kepala, "assessment:submit", "dinkes", true],
    ["kepala cannot submit another unit", kepala, "assessment:submit", "rsud", false],
    ["kepala cannot fill answers", kepala, "answer:write", "dinkes", false],
    ["operator fills own unit", operator, "answer:write", "dinkes", true],
    ["operator cannot fill another unit", operator, "answer:write", "rsud", false],
    ["operator cannot read the overview", operator, "overview:read", null, false],
    ["operator cannot manage units", operator, "unit:manage", null, false],
  ])("%s", (_, user, permission, unitId, expected) => {
    expect(can(user, permission, { instansiId: "i1", unitId })).toBe(expected);
  });

  test("no permission reaches another instansi, whatever the scope", () => {
    for (const permission of Object.keys(PERMISSIONS) as Permission[]) {
      for (const user of [admin, pimpinan, tpi, kepala, operator]) {
        expect(can(user, permission, { instansiId: "i2", unitId: "dinkes" })).toBe(false);
      }
    }
  });

  test("an own-scoped permission never covers the instansi as a whole", () => {
    expect(can(operator, "monev:write", { instansiId: "i1", unitId: null })).toBe(false);
    expect(can(admin, "monev:write", { instansiId: "i1", unitId: null })).toBe(true);
  });

  test("scope lists the assigned units, or all", () => {
    expect(scopeOf(tpi, "assessment:read")).toEqual({ all: false, unitIds: ["dinkes", "rsud"] });
    expect(scopeOf(admin, "assessment:read")).toEqual({ all: true });
    expect(scopeOf(operator, "assessment:approve")).toBeNull();
  });

  test("a user with two roles gets the union", () => {
    const both: Principal = {
      id: "x",
      instansiId: "i1",
      assignments: [...kepala.assignments, ...principal("TPI", ["rsud"]).assignments],
    };
    expect(can(both, "assessment:submit", { instansiId: "i1", unitId: "dinkes" })).toBe(true);
    expect(can(both, "review:write", { instansiId: "i1", unitId: "rsud" })).toBe(true);
    expect(can(both, "review:write", { instansiId: "i1", unitId: "dinkes" })).toBe(false);
  });
});

describe("the permission table and the assessment policy agree on who does each LKE step", () => {
  const STEP_PERMISSION: Record<Capability, Permission> = {
    writeSelf: "answer:write",
    writeSelfHasil: "answer:write",
    writeEvidence: "answer:write",
    submit: "assessment:submit",
    review: "review:write",
    return: "review:write",
    finalize: "assessment:finalize",
    approve: "assessment:approve",
    sendBack: "assessment:approve",
    reopen: "assessment:reopen",
  };
  test.each(CAPABILITIES.map((c) => [c, STEP_PERMISSION[c], CAPABILITY_ROLE[c]] as const))(
    "%s: permission %s is held by exactly %s",
    (_, permission, role) => {
      expect(Object.keys(PERMISSIONS[permission])).toEqual([role]);
    },
  );
});
