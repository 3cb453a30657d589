/**
 * Bulk hasil import: a sheet with a row per unit (name or short name, IPAK, IPKP, capaian kinerja) into the
 * TPI or the SELF hasil of each unit's LKE in the active periode. The preview matches units and checks every
 * row (values, the LKE's state, who may write that layer); applying saves through the same hasil save as the
 * form, with the provenance "impor <file>, <user>, <time>" on the survey indices.
 */
import type { Principal } from "@/server/authz";
import { can } from "@/server/authz";
import { getDb } from "@/server/db/client";
import { validateHasil } from "@/domain/scoring/validate";
import { getCatalogue } from "@/domain/catalogue/registry";
import { loadAssessment, targetOf, type Db, type LoadedAssessment } from "@/server/lke/context";
import { loadPolicy } from "@/server/lke/policy";
import { checkUpload, onBehalfOf } from "./app";
import { readHasilSheet } from "./hasil-sheet";
import { LkeImportError } from "./import";
import { normalizeText, similarity } from "./layout";

export type HasilLayer = "SELF" | "TPI";

export interface HasilPreviewRow {
  row: number;
  unitText: string;
  unitName: string | null;
  assessmentId: string | null;
  current: { ipak: number | null; ipkp: number | null; capaianKinerja: string | null; version: number } | null;
  incoming: { ipak: number | null; ipkp: number | null; capaianKinerja: string | null };
  /** Which values the file gave (the others are kept as stored). */
  fromFile: { ipak: boolean; ipkp: boolean; capaianKinerja: boolean };
  problems: string[];
}

/**
 * Who may write a layer's hasil of one LKE in a bulk import: the TPI of the unit for the TPI layer (the
 * policy's review rule); for the SELF layer the unit's operator, or an ADMIN on the unit's behalf.
 */
export async function hasilWriter(
  db: Db,
  user: Principal,
  a: LoadedAssessment,
  layer: HasilLayer,
): Promise<{ principal: Principal; reason: string | null }> {
  const target = targetOf(a);
  if (!can(user, "hasil:import", target))
    return { principal: user, reason: "Anda tidak berwenang mengisi nilai hasil unit ini." };
  const principal = layer === "SELF" && !can(user, "answer:write", target) ? onBehalfOf(user, a.unit.id) : user;
  const policy = await loadPolicy(db, principal, a);
  const d = policy.capabilities[layer === "SELF" ? "writeSelfHasil" : "review"];
  return { principal, reason: d.allowed ? null : d.reason };
}

export type HasilPreviewOutcome =
  | { outcome: "forbidden"; message: string }
  | { outcome: "invalid"; message: string }
  | { outcome: "missing" }
  | { outcome: "ok"; rows: HasilPreviewRow[]; fileName: string; layer: HasilLayer };

export async function previewHasilImport(
  user: Principal,
  periodeId: string,
  layer: HasilLayer,
  bytes: Uint8Array,
  fileName: string,
): Promise<HasilPreviewOutcome> {
  if (!can(user, "hasil:import"))
    return { outcome: "forbidden", message: "Anda tidak berwenang mengimpor nilai hasil." };
  // Another instansi's periode (or none) is not found, before its sheet is even read.
  if (
    !(await getDb().periode.findFirst({ where: { id: periodeId, instansiId: user.instansiId }, select: { id: true } }))
  )
    return { outcome: "missing" };
  const bad = checkUpload(bytes);
  if (bad) return { outcome: "invalid", message: bad };
  let sheet;
  try {
    sheet = await readHasilSheet(bytes);
  } catch (e) {
    if (e instanceof LkeImportError) return { outcome: "invalid", message: e.message };
    throw e;
  }
  const db = getDb();
  const assessments = await db.assessment.findMany({
    where: { periodeId, unit: { instansiId: user.instansiId } },
    select: {
      id: true,
      unit: { select: { id: true, instansiId: true, name: true, shortName: true } },
      hasil: { where: { layer } },
    },
  });
  const seen = new Map<string, number>();
  const rows: HasilPreviewRow[] = [];
  for (const r of sheet.rows) {
    const problems = [...r.problems];
    const key = normalizeText(r.unit);
    let match = assessments.find((a) => normalizeText(a.unit.shortName) === key || normalizeText(a.unit.name) === key);
    if (!match && key) {
      const best = assessments
        .map((a) => ({ a, s: Math.max(similarity(a.unit.name, r.unit), similarity(a.unit.shortName, r.unit)) }))
        .sort((x, y) => y.s - x.s)[0];
      if (best && best.s >= 0.8) match = best.a;
    }
    if (!match && r.unit) problems.push(`unit "${r.unit}" tidak dikenal pada periode ini`);
    if (match) {
      if (seen.has(match.id)) problems.push(`unit yang sama sudah ada di baris ${seen.get(match.id)}`);
      else seen.set(match.id, r.row);
    }
    const incoming = { ipak: r.ipak, ipkp: r.ipkp, capaianKinerja: r.capaianKinerja };
    const stored = match?.hasil[0];
    // A cell left empty keeps what is stored.
    const merged = {
      ipak: incoming.ipak ?? stored?.ipak ?? null,
      ipkp: incoming.ipkp ?? stored?.ipkp ?? null,
      capaianKinerja: incoming.capaianKinerja ?? stored?.capaianKinerja ?? null,
    };
    if (match) {
      const a = await loadAssessment(db, match.id);
      const checked = validateHasil(getCatalogue(a.periode.catalogueId), merged);
      if (!checked.ok) problems.push(checked.message);
      for (const k of ["ipak", "ipkp"] as const) {
        const n = merged[k];
        if (typeof n === "number" && Math.abs(n * 100 - Math.round(n * 100)) > 1e-9)
          problems.push(`${k.toUpperCase()} paling banyak dua angka desimal`);
      }
      const { reason } = await hasilWriter(db, user, a, layer);
      if (reason) problems.push(reason);
    }
    rows.push({
      row: r.row,
      unitText: r.unit,
      unitName: match?.unit.name ?? null,
      assessmentId: match?.id ?? null,
      current: match
        ? {
            ipak: stored?.ipak ?? null,
            ipkp: stored?.ipkp ?? null,
            capaianKinerja: stored?.capaianKinerja ?? null,
            version: stored?.version ?? 0,
          }
        : null,
      incoming: merged,
      fromFile: { ipak: r.ipak !== null, ipkp: r.ipkp !== null, capaianKinerja: r.capaianKinerja !== null },
      problems,
    });
  }
  return { outcome: "ok", rows, fileName, layer };
}
