export const ROLES = ["SUPERADMIN", "ADMIN", "PIMPINAN", "TPI", "KEPALA_OPD", "OPERATOR_OPD"] as const;
export type RoleCode = (typeof ROLES)[number];

/**
 * The roles an instansi's ADMIN may give (user form, directory import). SUPERADMIN spans every instansi
 * of the deployment, so only `npm run setup -- --superadmin` grants it.
 */
export const INSTANSI_ROLES = ROLES.filter((r): r is Exclude<RoleCode, "SUPERADMIN"> => r !== "SUPERADMIN");
export type InstansiRoleCode = (typeof INSTANSI_ROLES)[number];

export const isInstansiRole = (r: RoleCode): r is InstansiRoleCode =>
  (INSTANSI_ROLES as readonly RoleCode[]).includes(r);

/** Whether these roles reach beyond one instansi (so no instansi ADMIN may manage the account). */
export function holdsDeploymentRole(roles: readonly RoleCode[]): boolean {
  return roles.some((r) => !isInstansiRole(r));
}

export const ROLE_LABELS: Record<RoleCode, string> = {
  SUPERADMIN: "Superadmin (Provinsi/Kementerian)",
  ADMIN: "Admin (Bagian Organisasi)",
  PIMPINAN: "Pimpinan",
  TPI: "Tim Penilai Internal",
  KEPALA_OPD: "Kepala OPD",
  OPERATOR_OPD: "Operator OPD",
};

/** Roles bound to units: KEPALA_OPD and OPERATOR_OPD have exactly one; TPI has one or more. */
export const UNIT_ROLES: readonly RoleCode[] = ["TPI", "KEPALA_OPD", "OPERATOR_OPD"];
export const SINGLE_UNIT_ROLES: readonly RoleCode[] = ["KEPALA_OPD", "OPERATOR_OPD"];

/** The role rows a person's roles make: TPI once per assigned unit, OPD roles on their one unit, others instansi-wide. */
export function roleAssignmentsOf(
  roles: readonly RoleCode[],
  tpiUnitIds: readonly string[],
  opdUnitId: string | null,
): { role: RoleCode; unitId: string | null }[] {
  return roles.flatMap((role): { role: RoleCode; unitId: string | null }[] =>
    role === "TPI"
      ? [...new Set(tpiUnitIds)].map((unitId) => ({ role, unitId }))
      : [{ role, unitId: SINGLE_UNIT_ROLES.includes(role) ? opdUnitId : null }],
  );
}
