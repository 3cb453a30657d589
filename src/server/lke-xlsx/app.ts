/**
 * The LKE workbook in the app: a unit's LKE (either layer or both) as .xlsx, the LKEs of a periode as one
 * ZIP (fflate), and the preview of a filled workbook against the unit's current SELF answers. Reads only;
 * applying an import is the action in src/server/actions/lke-import.ts.
 */
import { zipSync } from "fflate";
import type { AssessmentPolicy } from "@/domain/assessment-policy";
import { selfAnswerDecision } from "@/domain/assessment-policy";
import { getCatalogue } from "@/domain/catalogue/registry";
import type { CatalogueQuestion } from "@/domain/catalogue/types";
import { countWarningCatatanProblem } from "@/domain/scoring/answers";
import { formatPercent } from "@/domain/scoring/format";
import type { AnswerValue, HasilInput } from "@/domain/scoring/types";
import { validateAnswer, validateHasil } from "@/domain/scoring/validate";
import { MIN_CATATAN } from "@/server/actions/lke.validation";
import { can, unitWhere, type Principal } from "@/server/authz";
import { getDb } from "@/server/db/client";
import { loadAssessment, targetOf, type Db, type LoadedAssessment } from "@/server/lke/context";
import { loadPolicy } from "@/server/lke/policy";
import { answerValue, hasilValue } from "@/server/scoring/inputs";
import { writeLkeXlsx, type EvidenceItem, type ExportInput, type LayerData } from "./export";
import { LkeImportError, readLkeXlsx, type ImportedLke } from "./import";

export type ExportLayer = "SELF" | "TPI" | "BOTH";

/** Largest workbook accepted for import: a filled LKE is well under 1 MB. */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;

export function exportLayerOf(param: string | null): ExportLayer {
  return param === "TPI" ? "TPI" : param === "BOTH" ? "BOTH" : "SELF";
}

const slug = (s: string) =>
  s
    .normalize("NFKD")
    .replace(/[^\w\s-]/g, "")
    .trim()
    .replace(/\s+/g, "-")
    .toLowerCase()
    .slice(0, 60) || "unit";

/** The export input of one stored assessment. */
async function exportInputOf(
  db: Db,
  assessmentId: string,
  layer: ExportLayer,
): Promise<{ input: ExportInput; fileName: string }> {
  const a = await db.assessment.findUniqueOrThrow({
    where: { id: assessmentId },
    include: {
      unit: { select: { name: true, shortName: true, instansi: { select: { name: true } } } },
      periode: { select: { year: true, catalogueId: true, zeroBase: true } },
      answers: {
        select: {
          layer: true,
          optionLabel: true,
          counts: true,
          catatan: true,
          evidenceNote: true,
          evidenceLinks: true,
          question: { select: { code: true } },
          evidence: {
            where: { deletedAt: null },
            select: { id: true, originalName: true },
            orderBy: { uploadedAt: "asc" },
          },
        },
      },
      hasil: true,
    },
  });
  const catalogue = getCatalogue(a.periode.catalogueId);
  const layerData = (l: "SELF" | "TPI"): LayerData => {
    const answers: Record<string, AnswerValue> = {};
    const catatan: Record<string, string> = {};
    const evidence: Record<string, EvidenceItem[]> = {};
    const evidenceNote: Record<string, { text: string; links: string[] }> = {};
    for (const row of a.answers) {
      if (row.layer !== l) continue;
      const value = answerValue(row);
      if (value !== null) answers[row.question.code] = value;
      if (row.catatan) catatan[row.question.code] = row.catatan;
      if (row.evidenceNote || row.evidenceLinks.length > 0)
        evidenceNote[row.question.code] = { text: row.evidenceNote ?? "", links: row.evidenceLinks };
      if (row.evidence.length > 0)
        evidence[row.question.code] = row.evidence.map((e) => ({ name: e.originalName, url: `/api/evidence/${e.id}` }));
    }
    return { answers, catatan, evidence, evidenceNote, hasil: hasilValue(a.hasil.find((h) => h.layer === l)) };
  };
  const self = layer === "TPI" ? null : layerData("SELF");
  const tpi = layer === "SELF" ? null : layerData("TPI");
  // The TPI's evidence is the unit's: the TPI-only export lists the unit's files.
  if (tpi && !self) {
    const unit = layerData("SELF");
    tpi.evidence = unit.evidence;
    tpi.evidenceNote = unit.evidenceNote;
  }
  return {
    input: {
      catalogue,
      zeroBase: a.periode.zeroBase,
      meta: { unit: a.unit.name, instansi: a.unit.instansi.name, periode: String(a.periode.year) },
      self,
      tpi,
    },
    fileName: `lke-${a.periode.year}-${slug(a.unit.shortName || a.unit.name)}-${layer === "BOTH" ? "unit-tpi" : layer === "SELF" ? "unit" : "tpi"}.xlsx`,
  };
}

/** One unit's LKE workbook, for whoever may read the LKE. */
export async function assessmentWorkbook(user: Principal, assessmentId: string, layer: ExportLayer) {
  const db = getDb();
  const a = await db.assessment.findUnique({
    where: { id: assessmentId },
    select: { unit: { select: { id: true, instansiId: true } } },
  });
  if (!a) return { outcome: "missing" as const };
  if (!can(user, "assessment:read", targetOf(a))) return { outcome: "forbidden" as const };
  const { input, fileName } = await exportInputOf(db, assessmentId, layer);
  return { outcome: "ok" as const, bytes: await writeLkeXlsx(input), fileName };
}

/** The LKEs of every unit of a periode the user oversees, one workbook each, as one ZIP. */
export async function periodeZip(user: Principal, periodeId: string, layer: ExportLayer) {
  if (!can(user, "overview:read")) return { outcome: "forbidden" as const };
  const db = getDb();
  const periode = await db.periode.findFirst({
    where: { id: periodeId, instansiId: user.instansiId },
    select: { year: true },
  });
  if (!periode) return { outcome: "missing" as const };
  const assessments = await db.assessment.findMany({
    where: { periodeId, unit: unitWhere(user, "overview:read") },
    select: { id: true, unit: { select: { name: true } } },
    orderBy: { unit: { name: "asc" } },
  });
  const files: Record<string, Uint8Array> = {};
  for (const a of assessments) {
    const { input, fileName } = await exportInputOf(db, a.id, layer);
    let name = fileName;
    for (let i = 2; name in files; i++) name = fileName.replace(/\.xlsx$/, `-${i}.xlsx`);
    files[name] = new Uint8Array(await writeLkeXlsx(input));
  }
  // .xlsx files are already deflated: stored as they are, the ZIP is built fast.
  const bytes = zipSync(files, { level: 0 });
  return {
    outcome: "ok" as const,
    bytes,
    count: assessments.length,
    fileName: `lke-${periode.year}-${layer === "BOTH" ? "unit-tpi" : layer === "SELF" ? "unit" : "tpi"}.zip`,
  };
}

/* ── Import ── */

/**
 * The policy an import runs under. The unit's operator imports as themselves; an ADMIN imports on the
 * unit's behalf under the same rules as the operator (fill window, LKE state), and the audit says so.
 */
export async function importPolicy(
  db: Db,
  user: Principal,
  a: LoadedAssessment,
): Promise<{ policy: AssessmentPolicy; onBehalf: boolean } | null> {
  const target = targetOf(a);
  if (can(user, "answer:write", target)) return { policy: await loadPolicy(db, user, a), onBehalf: false };
  if (!can(user, "lke:import", target)) return null;
  return { policy: await loadPolicy(db, onBehalfOf(user, a.unit.id), a), onBehalf: true };
}

/** The user with the unit's operator role added: the policy then applies the operator's rules to them. */
export function onBehalfOf(user: Principal, unitId: string): Principal {
  return { ...user, assignments: [...user.assignments, { role: "OPERATOR_OPD", unitId }] };
}

export type PreviewChange = "baru" | "ubah" | "sama" | "kosong" | "masalah";

export interface PreviewRow {
  code: string;
  text: string;
  current: { text: string; catatan: string; version: number } | null;
  incoming: { text: string; catatan: string; evidence: string } | null;
  /** What applying writes (only for "baru" / "ubah"). */
  value: AnswerValue | null;
  catatan: string;
  /** The evidence text and links the workbook names, kept with the answer on apply. */
  evidenceText: string;
  evidenceLinks: string[];
  version: number;
  change: PreviewChange;
  problems: string[];
}

export interface ImportPreview {
  fileName: string;
  catalogueId: string;
  onBehalf: boolean;
  rows: PreviewRow[];
  /** Rows of the sheet that are not a catalogue question, and other problems of the whole file. */
  fileProblems: string[];
  hasil: {
    current: HasilInput & { version: number };
    incoming: HasilInput;
    change: PreviewChange;
    problems: string[];
  };
  counts: Record<PreviewChange, number>;
}

function valueText(q: CatalogueQuestion, value: AnswerValue | null): string {
  if (value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return formatPercent(value);
  return q.inputs
    .map((i) => `${i.label.replace(/^Jumlah\s+/i, "")}: ${(value as Record<string, number>)[i.key] ?? "–"}`)
    .join("; ");
}

const sameValue = (a: AnswerValue | null, b: AnswerValue | null) => JSON.stringify(a) === JSON.stringify(b);

/** Checks the upload before it is parsed: size and the ZIP signature every .xlsx starts with. */
export function checkUpload(bytes: Uint8Array): string | null {
  if (bytes.byteLength === 0) return "Berkas kosong. Pilih berkas LKE (.xlsx).";
  if (bytes.byteLength > IMPORT_MAX_BYTES)
    return `Berkas terlalu besar (maksimal ${IMPORT_MAX_BYTES / 1024 / 1024} MB).`;
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04))
    return "Berkas bukan workbook Excel (.xlsx). Simpan LKE sebagai .xlsx lalu unggah lagi.";
  return null;
}

export type PreviewOutcome =
  | { outcome: "missing" }
  | { outcome: "forbidden"; message: string }
  | { outcome: "invalid"; message: string }
  | { outcome: "ok"; preview: ImportPreview };

/** Reads an uploaded workbook against a unit's SELF layer. Writes nothing. */
export async function previewImport(
  user: Principal,
  assessmentId: string,
  bytes: Uint8Array,
  fileName: string,
): Promise<PreviewOutcome> {
  const db = getDb();
  let a: LoadedAssessment;
  try {
    a = await loadAssessment(db, assessmentId);
  } catch {
    return { outcome: "missing" };
  }
  const access = await importPolicy(db, user, a);
  if (!access) return { outcome: "forbidden", message: "Anda tidak berwenang mengimpor jawaban untuk unit ini." };
  const writable = access.policy.capabilities.writeSelf;
  if (!writable.allowed) return { outcome: "forbidden", message: writable.reason };
  const bad = checkUpload(bytes);
  if (bad) return { outcome: "invalid", message: bad };
  let imported: ImportedLke;
  try {
    imported = await readLkeXlsx(bytes, { catalogueId: a.catalogue.id });
  } catch (e) {
    if (e instanceof LkeImportError) return { outcome: "invalid", message: e.message };
    return { outcome: "invalid", message: "Berkas tidak dapat dibaca sebagai LKE (.xlsx)." };
  }
  const [answers, hasilRow] = await Promise.all([
    db.answer.findMany({
      where: { assessmentId: a.id, layer: "SELF" },
      select: {
        optionLabel: true,
        counts: true,
        catatan: true,
        evidenceNote: true,
        evidenceLinks: true,
        version: true,
        reviewStatus: true,
        question: { select: { code: true } },
      },
    }),
    db.hasilInput.findUnique({ where: { assessmentId_layer: { assessmentId: a.id, layer: "SELF" } } }),
  ]);
  const stored = new Map(answers.map((r) => [r.question.code, r]));
  const read = new Map(imported.questions.map((q) => [q.questionId, q]));
  const problemsOf = new Map<string, string[]>();
  const fileProblems: string[] = [];
  for (const p of imported.problems) {
    if (p.questionId && read.has(p.questionId))
      problemsOf.set(p.questionId, [...(problemsOf.get(p.questionId) ?? []), p.message]);
    else if (p.row !== null) fileProblems.push(p.message);
  }
  const rows: PreviewRow[] = a.catalogue.questions.map((q) => {
    const cur = stored.get(q.id);
    const curValue = cur ? answerValue(cur) : null;
    const inc = read.get(q.id);
    const problems = [...(problemsOf.get(q.id) ?? [])];
    let value = inc?.value ?? null;
    // The app keeps a percentage question's counts, not the percentage: a bare % cannot be stored.
    if (typeof value === "number") {
      problems.push(
        `Jumlah belum diisi: hanya persentase ${formatPercent(value)} yang terbaca; isi baris "Jumlah" di bawah pertanyaan.`,
      );
      value = null;
    }
    const catatan = inc?.catatan || cur?.catatan || "";
    // A workbook without evidence for a question keeps what the answer already names.
    const incomingEvidence = !!inc && (inc.evidenceText !== "" || inc.evidenceLinks.length > 0);
    const evidenceText = incomingEvidence ? inc.evidenceText : (cur?.evidenceNote ?? "");
    const evidenceLinks = incomingEvidence ? inc.evidenceLinks : (cur?.evidenceLinks ?? []);
    const sameEvidence =
      evidenceText === (cur?.evidenceNote ?? "") && evidenceLinks.join("\n") === (cur?.evidenceLinks ?? []).join("\n");
    if (value !== null) {
      const checked = validateAnswer(a.catalogue, q.id, value);
      if (!checked.ok) problems.push(checked.message);
      const unexplained = countWarningCatatanProblem(q, value, catatan);
      if (unexplained) problems.push(unexplained);
      if (catatan.trim().length < MIN_CATATAN)
        problems.push(
          `Catatan wajib diisi (minimal ${MIN_CATATAN} karakter): isi kolom Catatan pada baris pertanyaan.`,
        );
    }
    let change: PreviewChange;
    if (value === null) change = problems.length > 0 ? "masalah" : "kosong";
    else if (sameValue(value, curValue) && catatan === (cur?.catatan ?? "") && sameEvidence) change = "sama";
    else {
      const decision = selfAnswerDecision(access.policy, cur?.reviewStatus ?? "PENDING");
      if (!decision.allowed) problems.push(decision.reason);
      change = problems.length > 0 ? "masalah" : curValue === null ? "baru" : "ubah";
    }
    return {
      code: q.id,
      text: q.text,
      current: cur ? { text: valueText(q, curValue), catatan: cur.catatan ?? "", version: cur.version } : null,
      incoming: inc
        ? {
            text: valueText(q, inc.value),
            catatan: inc.catatan,
            evidence: [inc.evidenceText, ...inc.evidenceLinks].filter(Boolean).join(" "),
          }
        : null,
      value: change === "baru" || change === "ubah" ? value : null,
      catatan,
      evidenceText,
      evidenceLinks,
      version: cur?.version ?? 0,
      change,
      problems,
    };
  });
  const currentHasil = hasilValue(hasilRow ?? undefined);
  const incomingHasil: HasilInput = {
    ipak: imported.hasil.ipak ?? currentHasil.ipak,
    ipkp: imported.hasil.ipkp ?? currentHasil.ipkp,
    capaianKinerja: imported.hasil.capaianKinerja ?? currentHasil.capaianKinerja,
  };
  const hasilProblems: string[] = [];
  const hasilChanged = (["ipak", "ipkp", "capaianKinerja"] as const).some((k) => incomingHasil[k] !== currentHasil[k]);
  if (hasilChanged) {
    const checked = validateHasil(a.catalogue, incomingHasil);
    if (!checked.ok) hasilProblems.push(checked.message);
    for (const k of ["ipak", "ipkp"] as const) {
      const n = incomingHasil[k];
      if (typeof n === "number" && Math.abs(n * 100 - Math.round(n * 100)) > 1e-9)
        hasilProblems.push(`Indeks ${k.toUpperCase()} ${n} paling banyak dua angka desimal.`);
    }
    const d = access.policy.capabilities.writeSelfHasil;
    if (!d.allowed) hasilProblems.push(d.reason);
  }
  const counts: Record<PreviewChange, number> = { baru: 0, ubah: 0, sama: 0, kosong: 0, masalah: 0 };
  for (const r of rows) counts[r.change]++;
  return {
    outcome: "ok",
    preview: {
      fileName,
      catalogueId: a.catalogue.id,
      onBehalf: access.onBehalf,
      rows,
      fileProblems,
      hasil: {
        current: { ...currentHasil, version: hasilRow?.version ?? 0 },
        incoming: incomingHasil,
        change: !hasilChanged ? "sama" : hasilProblems.length > 0 ? "masalah" : "ubah",
        problems: hasilProblems,
      },
      counts,
    },
  };
}
