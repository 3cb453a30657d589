/**
 * Who may read and who may change an evidence file: the same permission as the thing it belongs to
 * (an answer or hasil input of an assessment, a pencanangan event, a rencana aksi item).
 */
import { periodeClosed } from "@/domain/periode";
import { z } from "zod";
import { selfAnswerDecision, type Decision } from "@/domain/assessment-policy";
import type { ReviewStatus } from "@/domain/review";
import { can, type Permission, type Principal, type Target } from "@/server/authz";
import { defineAction } from "@/server/actions/define-action";
import { NotFoundError, UserError } from "@/server/errors";
import {
  afterChange,
  loadAssessment,
  lockedTarget,
  questionOf,
  questionRowId,
  targetOf,
  type Db,
  type LoadedAssessment,
} from "@/server/lke/context";
import { loadPolicy, requireAllowed } from "@/server/lke/policy";

type EvidenceRow = {
  answerId: string | null;
  hasilInputId: string | null;
  pencananganId: string | null;
  rencanaAksiId: string | null;
};

export interface EvidenceOwner {
  /** Units the evidence belongs to (a pencanangan may cover several). */
  targets: Target[];
  read: Permission;
  write: Permission;
  /** The assessment whose stored scores count this evidence. */
  assessmentId: string | null;
  /** For LKE evidence: the layer and, for an answer's file, its review state (the policy decides on them). */
  lke: { layer: "SELF" | "TPI"; reviewStatus: ReviewStatus | null } | null;
  /** Why a non-LKE owner cannot be changed now, or null when it can. */
  lockedReason: string | null;
}

export async function evidenceOwner(tx: Db, e: EvidenceRow): Promise<EvidenceOwner | null> {
  if (e.answerId || e.hasilInputId) {
    const answer = e.answerId
      ? await tx.answer.findUnique({
          where: { id: e.answerId },
          select: { assessmentId: true, layer: true, reviewStatus: true },
        })
      : null;
    const hasil = e.hasilInputId
      ? await tx.hasilInput.findUnique({ where: { id: e.hasilInputId }, select: { assessmentId: true, layer: true } })
      : null;
    const owner = answer ?? hasil;
    if (!owner) return null;
    const a = await loadAssessment(tx, owner.assessmentId);
    return {
      targets: [targetOf(a)],
      read: "assessment:read",
      write: "answer:write",
      assessmentId: a.id,
      lke: { layer: owner.layer, reviewStatus: answer?.reviewStatus ?? null },
      lockedReason: null,
    };
  }
  if (e.pencananganId) {
    const p = await tx.pencanangan.findUnique({
      where: { id: e.pencananganId },
      select: { instansiId: true, units: { select: { unitId: true } } },
    });
    if (!p) return null;
    return {
      targets: p.units.length
        ? p.units.map((u) => ({ instansiId: p.instansiId, unitId: u.unitId }))
        : [{ instansiId: p.instansiId, unitId: null }],
      read: "pencanangan:read",
      write: "pencanangan:manage",
      assessmentId: null,
      lke: null,
      lockedReason: null,
    };
  }
  if (e.rencanaAksiId) {
    const r = await tx.rencanaAksi.findUnique({
      where: { id: e.rencanaAksiId },
      select: { unit: { select: { id: true, instansiId: true } }, periode: { select: { year: true, status: true } } },
    });
    if (!r) return null;
    return {
      targets: [{ instansiId: r.unit.instansiId, unitId: r.unit.id }],
      read: "monev:read",
      write: "monev:write",
      assessmentId: null,
      lke: null,
      lockedReason: periodeClosed(r.periode.status) ? closedPeriodMessage(r.periode.year) : null,
    };
  }
  return null;
}

const closedPeriodMessage = (year: number) => `Periode ${year} sudah ditutup; rencana aksinya tidak dapat diubah.`;

/** Allowed if the permission covers any of the owner's units. */
export function canOnOwner(user: Principal, owner: EvidenceOwner, permission: Permission): boolean {
  return owner.targets.some((t) => can(user, permission, t));
}

export const HASIL_FIELDS = ["IPAK", "IPKP", "CAPAIAN_KINERJA"] as const;

/** Where an uploaded file goes: one question's SELF answer, or one hasil input of the unit. */
export const uploadTargetSchema = z.union([
  z.object({
    assessmentId: z.string().min(1),
    question: z.string().regex(/^[A-Z]{3}\d[A-Z]$/, "Kode pertanyaan tidak sah"),
  }),
  z.object({
    assessmentId: z.string().min(1),
    hasil: z.enum(HASIL_FIELDS, { message: "Komponen hasil tidak dikenal" }),
  }),
]);
export type UploadTarget = z.infer<typeof uploadTargetSchema>;

/** May this user change (delete) an LKE evidence file now? The assessment policy decides. */
export async function evidenceWriteDecision(db: Db, user: Principal, owner: EvidenceOwner): Promise<Decision> {
  if (!owner.lke || !owner.assessmentId)
    return owner.lockedReason ? { allowed: false, code: "LOCKED", reason: owner.lockedReason } : { allowed: true };
  const policy = await loadPolicy(db, user, await loadAssessment(db, owner.assessmentId));
  if (owner.lke.layer !== "SELF")
    return { allowed: false, code: "LOCKED", reason: "Bukti dukung lapisan TPI tidak dapat diubah di sini." };
  return owner.lke.reviewStatus
    ? selfAnswerDecision(policy, owner.lke.reviewStatus)
    : policy.capabilities.writeSelfHasil;
}

/**
 * The checks an upload must pass before any byte is read, and again inside the write: the assessment
 * policy's decision for this user — who they are first (403), then the LKE's state and window.
 */
export async function checkUploadTarget(tx: Db, user: Principal, t: UploadTarget, loaded?: LoadedAssessment) {
  const a = loaded ?? (await loadAssessment(tx, t.assessmentId));
  const policy = await loadPolicy(tx, user, a);
  // Who the caller is comes before anything about the LKE's state.
  if (!policy.capabilities.writeEvidence.allowed && policy.capabilities.writeEvidence.code === "FORBIDDEN")
    requireAllowed(policy.capabilities.writeEvidence);
  if ("question" in t) {
    questionOf(a.catalogue, t.question);
    const questionId = await questionRowId(tx, a.catalogue.id, t.question);
    const row = await tx.answer.findUnique({
      where: { assessmentId_questionId_layer: { assessmentId: a.id, questionId, layer: "SELF" } },
      select: { reviewStatus: true },
    });
    requireAllowed(selfAnswerDecision(policy, row?.reviewStatus ?? "PENDING"));
    return { a, questionId };
  }
  requireAllowed(policy.capabilities.writeSelfHasil);
  return { a, questionId: null };
}

const storedFileSchema = z.object({
  storageKey: z.string().min(1),
  originalName: z.string().min(1).max(255),
  size: z.number().int().positive(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  mimeType: z.string().min(1),
});

/**
 * Records a file the upload route has already stored and checked. Not a server action: only the
 * route, which produced the file, may call it (through `.run`).
 */
/** The same bytes twice under one owner add nothing but clutter: the second upload is refused. */
async function refuseDuplicate(
  tx: Db,
  owner: {
    answerId?: string;
    hasilInputId?: string;
    hasilField?: (typeof HASIL_FIELDS)[number];
    pencananganId?: string;
    rencanaAksiId?: string;
  },
  sha256: string,
) {
  const same = await tx.evidence.findFirst({
    where: { ...owner, sha256, deletedAt: null },
    select: { originalName: true },
  });
  if (same) {
    throw new UserError(
      `Berkas yang sama sudah diunggah di sini sebagai "${same.originalName}". Berkas ini tidak disimpan lagi.`,
      undefined,
      undefined,
      "CONFLICT",
    );
  }
}

export const attachEvidence = defineAction({
  name: "evidence.upload",
  schema: z.object({ target: uploadTargetSchema, file: storedFileSchema }),
  permission: "answer:write",
  target: ({ target }, ctx) => lockedTarget(target, ctx),
  async handler({ target, file }, { tx, user, audit, target: locked }) {
    const { a, questionId } = await checkUploadTarget(tx, user, target, locked.assessment);
    // Evidence may come before the answer (or the hasil values) itself: the upload then creates the
    // empty row. Only in that case does the page learn the row's version — an existing row's version
    // belongs to whoever last saved it, and handing it out would let a stale form overwrite them.
    let owner: { answerId?: string; hasilInputId?: string; hasilField?: (typeof HASIL_FIELDS)[number] };
    let createdVersion: number | null = null;
    if (questionId) {
      const key = { assessmentId: a.id, questionId, layer: "SELF" as const };
      let id = (await tx.answer.findUnique({ where: { assessmentId_questionId_layer: key }, select: { id: true } }))
        ?.id;
      if (!id) {
        const created = await tx.answer.create({
          data: { ...key, updatedById: user.id },
          select: { id: true, version: true },
        });
        [id, createdVersion] = [created.id, created.version];
      }
      owner = { answerId: id };
    } else {
      const key = { assessmentId: a.id, layer: "SELF" as const };
      let id = (await tx.hasilInput.findUnique({ where: { assessmentId_layer: key }, select: { id: true } }))?.id;
      if (!id) {
        const created = await tx.hasilInput.create({
          data: { ...key, updatedById: user.id },
          select: { id: true, version: true },
        });
        [id, createdVersion] = [created.id, created.version];
      }
      owner = { hasilInputId: id, hasilField: "hasil" in target ? target.hasil : undefined };
    }
    await refuseDuplicate(tx, owner, file.sha256);
    const evidence = await tx.evidence.create({
      data: { ...file, ...owner, instansiId: a.unit.instansiId, uploadedById: user.id },
    });
    await audit({ entity: "Evidence", entityId: evidence.id, after: evidence });
    const scores = await afterChange(tx, a.id);
    return {
      evidence: plainEvidence(evidence),
      createdVersion,
      scores,
    };
  },
});

/** A pencanangan event's documents and photos: managed by ADMIN for the whole instansi. */
export async function pencananganUploadTarget(tx: Db, pencananganId: string) {
  const p = await tx.pencanangan.findUnique({ where: { id: pencananganId }, select: { id: true, instansiId: true } });
  if (!p) throw new NotFoundError("Pencanangan tidak ditemukan.");
  return { instansiId: p.instansiId, unitId: null };
}

/** A rencana aksi item's evidence: its unit, while the period is not closed. */
/** Whose a rencana aksi item is, whatever its state; null when it does not exist. */
export async function rencanaAksiOwner(tx: Db, rencanaAksiId: string): Promise<Target | null> {
  const r = await tx.rencanaAksi.findUnique({
    where: { id: rencanaAksiId },
    select: { unitId: true, unit: { select: { instansiId: true } } },
  });
  return r && { instansiId: r.unit.instansiId, unitId: r.unitId };
}

/**
 * Bytes of live evidence a unit keeps (answers and hasil of its assessments, its rencana aksi), or,
 * for a target without a unit, the instansi's pencanangan documents.
 */
export async function evidenceBytesUsed(tx: Db, target: Target): Promise<number> {
  const rows = target.unitId
    ? await tx.$queryRaw<{ used: bigint }[]>`
        SELECT COALESCE(SUM(e.size), 0)::bigint AS used
        FROM "Evidence" e
        LEFT JOIN "Answer" an ON an.id = e."answerId"
        LEFT JOIN "HasilInput" h ON h.id = e."hasilInputId"
        LEFT JOIN "Assessment" a ON a.id = COALESCE(an."assessmentId", h."assessmentId")
        LEFT JOIN "RencanaAksi" r ON r.id = e."rencanaAksiId"
        WHERE e."deletedAt" IS NULL AND COALESCE(a."unitId", r."unitId") = ${target.unitId}`
    : await tx.$queryRaw<{ used: bigint }[]>`
        SELECT COALESCE(SUM(size), 0)::bigint AS used FROM "Evidence"
        WHERE "deletedAt" IS NULL AND "pencananganId" IS NOT NULL AND "instansiId" = ${target.instansiId}`;
  return Number(rows[0]?.used ?? 0);
}

export async function rencanaAksiUploadTarget(tx: Db, rencanaAksiId: string) {
  const r = await tx.rencanaAksi.findUnique({
    where: { id: rencanaAksiId },
    select: { unitId: true, unit: { select: { instansiId: true } }, periode: { select: { year: true, status: true } } },
  });
  if (!r) throw new NotFoundError("Rencana aksi tidak ditemukan.");
  if (periodeClosed(r.periode.status)) throw new UserError(closedPeriodMessage(r.periode.year));
  return { instansiId: r.unit.instansiId, unitId: r.unitId };
}

const plainEvidence = (e: { id: string; originalName: string; size: number; mimeType: string; uploadedAt: Date }) => ({
  id: e.id,
  originalName: e.originalName,
  size: e.size,
  mimeType: e.mimeType,
  uploadedAt: e.uploadedAt.toISOString(),
});

export const pencananganUploadSchema = z.object({ pencanangan: z.string().min(1) });
export const rencanaAksiUploadSchema = z.object({ rencanaAksi: z.string().min(1) });

/** Records a stored document of a pencanangan event (only the upload route calls it). */
export const attachPencananganDocument = defineAction({
  name: "evidence.upload",
  schema: z.object({ target: pencananganUploadSchema, file: storedFileSchema }),
  permission: "pencanangan:manage",
  target: ({ target }, { tx }) => pencananganUploadTarget(tx, target.pencanangan),
  async handler({ target, file }, { tx, user, audit }) {
    const owner = await pencananganUploadTarget(tx, target.pencanangan);
    await refuseDuplicate(tx, { pencananganId: target.pencanangan }, file.sha256);
    const evidence = await tx.evidence.create({
      data: { ...file, pencananganId: target.pencanangan, instansiId: owner.instansiId, uploadedById: user.id },
    });
    await audit({ entity: "Evidence", entityId: evidence.id, after: evidence });
    return { evidence: plainEvidence(evidence) };
  },
});

/** Records stored evidence of a rencana aksi item (only the upload route calls it). */
export const attachRencanaAksiEvidence = defineAction({
  name: "evidence.upload",
  schema: z.object({ target: rencanaAksiUploadSchema, file: storedFileSchema }),
  permission: "monev:write",
  target: ({ target }, { tx }) => rencanaAksiUploadTarget(tx, target.rencanaAksi),
  async handler({ target, file }, { tx, user, audit }) {
    const owner = await rencanaAksiUploadTarget(tx, target.rencanaAksi);
    await refuseDuplicate(tx, { rencanaAksiId: target.rencanaAksi }, file.sha256);
    const evidence = await tx.evidence.create({
      data: { ...file, rencanaAksiId: target.rencanaAksi, instansiId: owner.instansiId, uploadedById: user.id },
    });
    await audit({ entity: "Evidence", entityId: evidence.id, after: evidence });
    return { evidence: plainEvidence(evidence) };
  },
});
