/**
 * Who may do what: one role → permission table and one check used by every page, route and action.
 * "all" = every unit of the user's instansi; "own" = the units the user is assigned to for that role.
 */
import type { RoleCode } from "@/domain/roles";
import { ForbiddenError } from "./errors";

export type Scope = "all" | "own";

export const PERMISSIONS = {
  "unit:manage": { ADMIN: "all" },
  "user:manage": { ADMIN: "all" },
  "periode:manage": { ADMIN: "all" },
  "audit:read": { ADMIN: "all" },
  "overview:read": { ADMIN: "all", PIMPINAN: "all", TPI: "all" },
  "assessment:read": { ADMIN: "all", PIMPINAN: "all", TPI: "own", KEPALA_OPD: "own", OPERATOR_OPD: "own" },
  "scorecard:read": { ADMIN: "all", PIMPINAN: "all", TPI: "all", KEPALA_OPD: "own", OPERATOR_OPD: "own" },
  "answer:write": { OPERATOR_OPD: "own" },
  /** Importing a filled LKE workbook into the unit's answers: the unit's operator, or ADMIN on its behalf. */
  "lke:import": { OPERATOR_OPD: "own", ADMIN: "all" },
  /** A sheet of hasil values for many units: the TPI into its layer, ADMIN into the units' own (on their behalf). */
  "hasil:import": { ADMIN: "all", TPI: "own" },
  "assessment:submit": { KEPALA_OPD: "own" },
  "review:write": { TPI: "own" },
  "assessment:finalize": { TPI: "own" },
  "assessment:approve": { PIMPINAN: "all" },
  "assessment:reopen": { ADMIN: "all" },
  /** Whether a unit is proposed to PortalRB by affirmation: ADMIN, or the TPI of the unit. */
  "proposal:afirmasi": { ADMIN: "all", TPI: "own" },
  "pencanangan:read": { ADMIN: "all", PIMPINAN: "all", TPI: "all", KEPALA_OPD: "own", OPERATOR_OPD: "own" },
  "pencanangan:manage": { ADMIN: "all" },
  "penetapan:read": { ADMIN: "all", PIMPINAN: "all", TPI: "all", KEPALA_OPD: "own", OPERATOR_OPD: "own" },
  "penetapan:manage": { ADMIN: "all" },
  "timeline:read": { ADMIN: "all", PIMPINAN: "all", TPI: "all", KEPALA_OPD: "own", OPERATOR_OPD: "own" },
  "monev:read": { ADMIN: "all", PIMPINAN: "all", TPI: "all", KEPALA_OPD: "own", OPERATOR_OPD: "own" },
  "monev:write": { ADMIN: "all", KEPALA_OPD: "own", OPERATOR_OPD: "own" },
  // One's own account (password): every role, on nothing but the user's own row.
  "account:self": {
    SUPERADMIN: "all",
    ADMIN: "all",
    PIMPINAN: "all",
    TPI: "all",
    KEPALA_OPD: "all",
    OPERATOR_OPD: "all",
  },
  // Everyone has an inbox; every read and write of it is limited to the user's own rows by userId.
  "notification:own": {
    SUPERADMIN: "all",
    ADMIN: "all",
    PIMPINAN: "all",
    TPI: "all",
    KEPALA_OPD: "all",
    OPERATOR_OPD: "all",
  },
  "queue:read": { ADMIN: "all" },
  // SPAK/SPKP surveys: the unit runs its own rounds (open, close, void a response); ADMIN edits the instruments.
  "survey:read": { ADMIN: "all", PIMPINAN: "all", TPI: "all", KEPALA_OPD: "own", OPERATOR_OPD: "own" },
  "survey:manage": { ADMIN: "all", KEPALA_OPD: "own", OPERATOR_OPD: "own" },
  "survey:instrument": { ADMIN: "all" },
  // The instansi's own settings: kop logo, PortalRB API tokens.
  "instansi:manage": { ADMIN: "all" },
  // Printed rapor and LHE: whoever may read the scorecard may print it; the LHE is the TPI's report.
  "lhe:read": { ADMIN: "all", PIMPINAN: "all", TPI: "own", KEPALA_OPD: "own", OPERATOR_OPD: "own" },
  // A unit's evidence as one ZIP: the same readers as the LKE itself.
  "evidence:export": { ADMIN: "all", PIMPINAN: "all", TPI: "own", KEPALA_OPD: "own", OPERATOR_OPD: "own" },
  // Pengaduan masyarakat: the unit and the Inspektorat (its TPI, ADMIN) triage; PIMPINAN reads.
  "pengaduan:read": { ADMIN: "all", PIMPINAN: "all", TPI: "own", KEPALA_OPD: "own", OPERATOR_OPD: "own" },
  "pengaduan:triage": { ADMIN: "all", TPI: "own", KEPALA_OPD: "own", OPERATOR_OPD: "own" },
  // What a unit shows on its public page (maklumat, standar pelayanan).
  "dokumen-publik:manage": { ADMIN: "all", KEPALA_OPD: "own", OPERATOR_OPD: "own" },
  // Province or ministry level, across every instansi of the deployment: the roll-up and a read-only look
  // into one instansi's overview, and creating an instansi with its first ADMIN. Nothing inside an instansi
  // is written with these; its queries name the instansi explicitly (src/server/queries/province.ts).
  "province:read": { SUPERADMIN: "all" },
  "instansi:create": { SUPERADMIN: "all" },
} as const satisfies Record<string, Partial<Record<RoleCode, Scope>>>;

export type Permission = keyof typeof PERMISSIONS;

/** The parts of a signed-in user that authorization reads. */
export interface Principal {
  id: string;
  instansiId: string;
  assignments: { role: RoleCode; unitId: string | null }[];
}

/** A unit-bound target; `instansiId` guards against ids from another instansi. */
export interface Target {
  instansiId: string;
  unitId: string | null;
}

export type UnitScope = { all: true } | { all: false; unitIds: string[] };

/** The units this user may reach with this permission, or null when the permission is not theirs at all. */
export function scopeOf(user: Principal, permission: Permission): UnitScope | null {
  const table: Partial<Record<RoleCode, Scope>> = PERMISSIONS[permission];
  const unitIds = new Set<string>();
  let granted = false;
  for (const a of user.assignments) {
    const scope = table[a.role];
    if (!scope) continue;
    if (scope === "all") return { all: true };
    granted = true;
    if (a.unitId) unitIds.add(a.unitId);
  }
  return granted ? { all: false, unitIds: [...unitIds] } : null;
}

/**
 * Without a target: does the user hold the permission for at least one unit?
 * With a target: may the user act on that unit (or on the instansi itself when unitId is null)?
 */
export function can(user: Principal, permission: Permission, target?: Target): boolean {
  const scope = scopeOf(user, permission);
  if (!scope) return false;
  if (!target) return true;
  if (target.instansiId !== user.instansiId) return false;
  if (scope.all) return true;
  return target.unitId !== null && scope.unitIds.includes(target.unitId);
}

export function assertCan(user: Principal, permission: Permission, target?: Target): void {
  if (!can(user, permission, target)) throw new ForbiddenError();
}

/** A Prisma `where` fragment limiting rows to the units in scope (unitId column). */
export function unitWhere(user: Principal, permission: Permission): { instansiId?: string; id?: { in: string[] } } {
  const scope = scopeOf(user, permission);
  if (!scope) return { id: { in: [] } };
  if (scope.all) return { instansiId: user.instansiId };
  return { instansiId: user.instansiId, id: { in: scope.unitIds } };
}
