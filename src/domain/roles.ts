export const ROLES = ["ADMIN", "PIMPINAN", "TPI", "KEPALA_OPD", "OPERATOR_OPD"] as const;
export type RoleCode = (typeof ROLES)[number];

export const ROLE_LABELS: Record<RoleCode, string> = {
  ADMIN: "Admin (Bagian Organisasi)",
  PIMPINAN: "Pimpinan",
  TPI: "Tim Penilai Internal",
  KEPALA_OPD: "Kepala OPD",
  OPERATOR_OPD: "Operator OPD",
};

/** Roles bound to units: KEPALA_OPD and OPERATOR_OPD have exactly one; TPI has one or more. */
export const UNIT_ROLES: readonly RoleCode[] = ["TPI", "KEPALA_OPD", "OPERATOR_OPD"];
export const SINGLE_UNIT_ROLES: readonly RoleCode[] = ["KEPALA_OPD", "OPERATOR_OPD"];
