/**
 * A unit's evidence (bukti dukung of its own answers and of its komponen hasil) for one LKE, each file
 * with its place in the folder layout of src/domain/evidence-folders.ts. Read by the ZIP download and
 * by the evidence list behind PortalRB's signed link; callers check who may see it.
 */
import "server-only";
import { getCatalogue } from "@/domain/catalogue/registry";
import type { Catalogue } from "@/domain/catalogue/types";
import { areaFolder, HASIL_FOLDERS, questionFolder, questionNumbers, uniquePaths } from "@/domain/evidence-folders";
import { getDb } from "@/server/db/client";
import { safeFileName } from "@/server/storage/filename";

export interface FolderFile {
  id: string;
  path: string;
  originalName: string;
  size: number;
  mimeType: string;
  storageKey: string;
  uploadedAt: Date;
}

export interface FolderGroup {
  /** Question id, or the hasil key (ipak, ipkp, capaianKinerja): the page anchor PortalRB links point to. */
  key: string;
  area: string;
  title: string;
  files: FolderFile[];
}

export interface AssessmentEvidence {
  assessment: { id: string; unitId: string; instansiId: string; unitName: string; unitCode: string; year: number };
  catalogue: Catalogue;
  groups: FolderGroup[];
  files: FolderFile[];
}

/** Anchors as the PortalRB links name them (the scoring engine's hasil keys). */
const HASIL_KEYS = { IPAK: "ipak", IPKP: "ipkp", CAPAIAN_KINERJA: "capaianKinerja" } as const;

export async function assessmentEvidence(assessmentId: string): Promise<AssessmentEvidence | null> {
  const db = getDb();
  const a = await db.assessment.findUnique({
    where: { id: assessmentId },
    select: {
      id: true,
      unit: { select: { id: true, instansiId: true, name: true, shortName: true } },
      periode: { select: { year: true, catalogueId: true } },
    },
  });
  if (!a) return null;
  const catalogue = getCatalogue(a.periode.catalogueId);
  const numbers = questionNumbers(catalogue);
  const fileSelect = {
    id: true,
    originalName: true,
    size: true,
    mimeType: true,
    storageKey: true,
    uploadedAt: true,
  } as const;
  const [answers, hasil] = await Promise.all([
    db.answer.findMany({
      where: { assessmentId, layer: "SELF", evidence: { some: { deletedAt: null } } },
      select: {
        question: { select: { code: true } },
        evidence: { where: { deletedAt: null }, select: fileSelect, orderBy: { uploadedAt: "asc" } },
      },
    }),
    db.hasilInput.findMany({
      where: { assessmentId, layer: "SELF" },
      select: {
        evidence: {
          where: { deletedAt: null },
          select: { ...fileSelect, hasilField: true },
          orderBy: { uploadedAt: "asc" },
        },
      },
    }),
  ]);
  const byQuestion = new Map(answers.map((r) => [r.question.code, r.evidence]));
  const groups: Omit<FolderGroup, "files">[] = [];
  const raw: { group: number; file: Omit<FolderFile, "path">; path: string }[] = [];
  for (const q of catalogue.questions) {
    const files = byQuestion.get(q.id);
    if (!files?.length) continue;
    const area = areaFolder(catalogue, q.areaId);
    const folder = questionFolder(numbers.get(q.id)!, q);
    groups.push({ key: q.id, area, title: folder });
    for (const f of files)
      raw.push({ group: groups.length - 1, file: f, path: `${area}/${folder}/${safeFileName(f.originalName)}` });
  }
  for (const [field, folder] of Object.entries(HASIL_FOLDERS) as [keyof typeof HASIL_FOLDERS, string][]) {
    const files = hasil.flatMap((h) => h.evidence).filter((e) => e.hasilField === field);
    if (!files.length) continue;
    groups.push({ key: HASIL_KEYS[field], area: "HASIL", title: folder });
    for (const { hasilField: _field, ...f } of files)
      raw.push({ group: groups.length - 1, file: f, path: `HASIL/${folder}/${safeFileName(f.originalName)}` });
  }
  const paths = uniquePaths(raw.map((r) => r.path));
  const files = raw.map((r, i) => ({ ...r.file, path: paths[i] }));
  return {
    assessment: {
      id: a.id,
      unitId: a.unit.id,
      instansiId: a.unit.instansiId,
      unitName: a.unit.name,
      unitCode: a.unit.shortName,
      year: a.periode.year,
    },
    catalogue,
    groups: groups.map((g, gi) => ({ ...g, files: files.filter((_, i) => raw[i].group === gi) })),
    files,
  };
}
