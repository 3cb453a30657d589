/**
 * What a directory workbook would create, row by row, checked against the instansi as it is: each row
 * with its problems (in Bahasa Indonesia). The import applies only a plan without any problem.
 */
import { roleAssignmentConflict } from "@/domain/assessment-policy";
import { INSTANSI_ROLES, ROLE_LABELS, roleAssignmentsOf, SINGLE_UNIT_ROLES, type RoleCode } from "@/domain/roles";
import type { Tx } from "@/server/db/client";
import { createUserSchema } from "@/server/actions/users.validation";
import {
  SELECTION_CRITERIA,
  SELECTION_CRITERIA_LABELS,
  UNIT_TYPES,
  UNIT_TYPE_LABELS,
  unitFormSchema,
} from "@/server/actions/units.validation";
import type { UnitRow, UserRow } from "./workbook";

/** A unit named by the file: one that exists (its id) or one the same file creates (its short name). */
export type UnitRef = { existing: string } | { created: string };

export interface PlannedUnit {
  name: string;
  shortName: string;
  type: (typeof UNIT_TYPES)[number];
  parent: UnitRef | null;
  headName: string | null;
  headNip: string | null;
  proposedForZi: boolean;
  selectionCriteria: (typeof SELECTION_CRITERIA)[number][];
}

export interface PlannedUser {
  name: string;
  nip: string | null;
  email: string;
  roles: RoleCode[];
  unit: UnitRef | null;
  tpiUnits: UnitRef[];
}

export interface PlanRow<T> {
  row: number;
  label: string;
  errors: string[];
  data: T | null;
}

export interface DirectoryPlan {
  units: PlanRow<PlannedUnit>[];
  users: PlanRow<PlannedUser>[];
  problems: number;
}

const key = (s: string) => s.trim().toLowerCase().replace(/\s+/g, " ");
const list = (s: string) =>
  s
    .split(/[,;\n]/)
    .map((x) => x.trim())
    .filter(Boolean);

const TYPE_BY_TEXT = new Map<string, (typeof UNIT_TYPES)[number]>(
  UNIT_TYPES.flatMap((t) => [[key(t), t] as const, [key(UNIT_TYPE_LABELS[t]), t] as const]),
);

const ROLE_BY_TEXT = new Map<string, RoleCode>(
  INSTANSI_ROLES.flatMap((r) => [
    [key(r), r] as const,
    [key(r.replace("_", " ")), r] as const,
    [key(ROLE_LABELS[r]), r] as const,
  ]).concat([
    [key("Admin"), "ADMIN"],
    [key("Tim Penilai Internal"), "TPI"],
  ]),
);

/** "Pelayanan strategis", "sumber daya besar", "keberhasilan RB tinggi", their full labels or codes. */
function criterion(text: string): (typeof SELECTION_CRITERIA)[number] | null {
  const k = key(text);
  for (const c of SELECTION_CRITERIA) {
    if (k === key(c) || k === key(c.replace(/_/g, " ")) || k === key(SELECTION_CRITERIA_LABELS[c])) return c;
  }
  if (k.includes("pelayanan")) return "PELAYANAN_STRATEGIS";
  if (k.includes("sumber daya")) return "SUMBER_DAYA_BESAR";
  if (k.includes("keberhasilan") || k.includes("rb")) return "KEBERHASILAN_RB_TINGGI";
  return null;
}

function yesNo(text: string): boolean | null {
  const k = key(text);
  if (["ya", "y", "yes", "true", "1", "diusulkan"].includes(k)) return true;
  if (["", "tidak", "t", "no", "false", "0", "belum"].includes(k)) return false;
  return null;
}

function zodMessages(error: { issues: { message: string }[] }): string[] {
  return [...new Set(error.issues.map((i) => i.message))];
}

export async function planDirectoryImport(
  tx: Tx,
  instansiId: string,
  input: { units: UnitRow[]; users: UserRow[] },
): Promise<DirectoryPlan> {
  const emails = input.users.map((u) => u.email.trim().toLowerCase()).filter(Boolean);
  const nips = input.users.map((u) => u.nip.trim()).filter(Boolean);
  const [existingUnits, takenUsers, instansi] = await Promise.all([
    tx.unit.findMany({ where: { instansiId }, select: { id: true, shortName: true } }),
    tx.user.findMany({
      where: { OR: [{ email: { in: emails } }, ...(nips.length ? [{ nip: { in: nips } }] : [])] },
      select: { email: true, nip: true },
    }),
    tx.instansi.findUnique({ where: { id: instansiId }, select: { separationOfDuties: true } }),
  ]);
  const existingByShort = new Map(existingUnits.map((u) => [key(u.shortName), u.id]));
  const newShorts = new Map<string, number>();
  for (const u of input.units)
    if (u.shortName && !newShorts.has(key(u.shortName))) newShorts.set(key(u.shortName), u.row);

  const resolve = (short: string): UnitRef | null => {
    const k = key(short);
    if (existingByShort.has(k)) return { existing: existingByShort.get(k)! };
    if (newShorts.has(k)) return { created: k };
    return null;
  };

  const units: PlanRow<PlannedUnit>[] = input.units.map((u) => {
    const errors: string[] = [];
    const type = u.type ? TYPE_BY_TEXT.get(key(u.type)) : "LAINNYA";
    if (!type)
      errors.push(`Jenis "${u.type}" tidak dikenal (Dinas, Badan, RSUD, Puskesmas, Kecamatan, Bagian, UPT, Lainnya)`);
    const proposed = yesNo(u.proposed);
    if (proposed === null) errors.push(`Diusulkan ZI harus "Ya" atau "Tidak", bukan "${u.proposed}"`);
    const criteria = list(u.criteria).map((c) => [c, criterion(c)] as const);
    for (const [text, c] of criteria) if (!c) errors.push(`Kriteria "${text}" tidak dikenal`);
    if (existingByShort.has(key(u.shortName))) errors.push(`Singkatan "${u.shortName}" sudah dipakai unit yang ada`);
    else if (u.shortName && newShorts.get(key(u.shortName)) !== u.row)
      errors.push(`Singkatan "${u.shortName}" dipakai dua kali di berkas`);
    let parent: UnitRef | null = null;
    if (u.parent) {
      parent = resolve(u.parent);
      if (!parent) errors.push(`Unit induk "${u.parent}" tidak ditemukan`);
      else if ("created" in parent && parent.created === key(u.shortName))
        errors.push("Unit induk tidak boleh unit itu sendiri");
    }
    const parsed = unitFormSchema.safeParse({
      name: u.name,
      shortName: u.shortName,
      type: type ?? "LAINNYA",
      parentId: null,
      headName: u.headName,
      headNip: u.headNip,
      proposedForZi: proposed ?? false,
      selectionCriteria: criteria.map(([, c]) => c).filter((c): c is NonNullable<typeof c> => !!c),
    });
    if (!parsed.success) errors.push(...zodMessages(parsed.error));
    const data =
      errors.length === 0 && parsed.success
        ? {
            ...parsed.data,
            type: parsed.data.type,
            parent,
            headName: parsed.data.headName ?? null,
            headNip: parsed.data.headNip ?? null,
          }
        : null;
    return { row: u.row, label: u.shortName || u.name || "(kosong)", errors, data: data as PlannedUnit | null };
  });

  // Parents created by the same file must not form a cycle (A under B under A).
  const parentOf = new Map(
    units
      .filter((u) => u.data?.parent && "created" in u.data.parent)
      .map((u) => [key(u.data!.shortName), (u.data!.parent as { created: string }).created]),
  );
  for (const u of units) {
    if (!u.data) continue;
    let cursor = parentOf.get(key(u.data.shortName));
    for (let depth = 0; cursor && depth <= parentOf.size; depth++) {
      if (cursor === key(u.data.shortName)) {
        u.errors.push("Unit induk membentuk lingkaran");
        u.data = null;
        break;
      }
      cursor = parentOf.get(cursor);
    }
  }
  // A unit named as someone's unit must be created too.
  const failedShorts = new Set(units.filter((u) => !u.data).map((u) => key(u.label)));

  const seenEmails = new Map<string, number>();
  const seenNips = new Map<string, number>();
  const users: PlanRow<PlannedUser>[] = input.users.map((u) => {
    const errors: string[] = [];
    const roles: RoleCode[] = [];
    for (const text of list(u.roles)) {
      const r = ROLE_BY_TEXT.get(key(text));
      if (r) roles.push(r);
      else errors.push(`Peran "${text}" tidak dikenal (Admin, Pimpinan, TPI, Kepala OPD, Operator OPD)`);
    }
    const unitRef = (short: string, what: string) => {
      const ref = resolve(short);
      if (!ref) errors.push(`${what} "${short}" tidak ditemukan`);
      else if ("created" in ref && failedShorts.has(ref.created))
        errors.push(`${what} "${short}" bermasalah di lembar Unit`);
      return ref;
    };
    const unit = u.unit ? unitRef(u.unit, "Unit") : null;
    const tpiUnits = list(u.tpiUnits)
      .map((s) => unitRef(s, "Unit TPI"))
      .filter((r): r is UnitRef => !!r);
    const opd = roles.some((r) => SINGLE_UNIT_ROLES.includes(r));
    const refKey = (r: UnitRef) => ("existing" in r ? `db:${r.existing}` : `new:${r.created}`);
    const parsed = createUserSchema.safeParse({
      name: u.name,
      nip: u.nip,
      email: u.email,
      unitId: unit && !opd ? refKey(unit) : null,
      opdUnitId: unit && opd ? refKey(unit) : null,
      roles: [...new Set(roles)],
      tpiUnitIds: tpiUnits.map(refKey),
      active: true,
      // The real one-time password is made at import; this only satisfies the shared schema.
      password: "Sementara12345",
    });
    if (!parsed.success) errors.push(...zodMessages(parsed.error));
    const email = u.email.trim().toLowerCase();
    if (takenUsers.some((t) => t.email === email)) errors.push(`Email ${email} sudah terdaftar`);
    else if (email && seenEmails.has(email)) errors.push(`Email ${email} sudah ada di baris ${seenEmails.get(email)}`);
    if (email) seenEmails.set(email, seenEmails.get(email) ?? u.row);
    const nip = u.nip.trim();
    if (nip && takenUsers.some((t) => t.nip === nip)) errors.push(`NIP ${nip} sudah terdaftar`);
    else if (nip && seenNips.has(nip)) errors.push(`NIP ${nip} sudah ada di baris ${seenNips.get(nip)}`);
    if (nip) seenNips.set(nip, seenNips.get(nip) ?? u.row);
    if (parsed.success) {
      const assignments = roleAssignmentsOf(parsed.data.roles, parsed.data.tpiUnitIds, parsed.data.opdUnitId ?? null);
      const conflict = roleAssignmentConflict(assignments, instansi?.separationOfDuties ?? true);
      if (conflict) errors.push(conflict);
    }
    const data =
      errors.length === 0 && parsed.success
        ? {
            name: parsed.data.name,
            nip: parsed.data.nip ?? null,
            email: parsed.data.email,
            roles: parsed.data.roles,
            unit,
            tpiUnits,
          }
        : null;
    return { row: u.row, label: u.email || u.name || "(kosong)", errors, data };
  });

  const problems = [...units, ...users].filter((r) => r.errors.length > 0).length;
  return { units, users, problems };
}
