/**
 * Saving one layer's hasil (IPAK, IPKP, capaian kinerja): shared by the hand-typed save and by taking the
 * year's survey indices into the LKE, so both pass the same policy check, version check, audit and rescoring.
 */
import { Prisma } from "@/generated/prisma/client";
import { validateHasil } from "@/domain/scoring/validate";
import type { Principal } from "@/server/authz";
import type { Tx } from "@/server/db/client";
import { ConflictError, UserError } from "@/server/errors";
import { afterChange, startReviewIfSubmitted, type LoadedAssessment } from "@/server/lke/context";
import { requireCapability } from "@/server/lke/policy";
import { isUniqueViolation } from "@/server/actions/define-action";

/**
 * Where a survey index came from. Absent (a hand-typed save): a value left unchanged keeps its source, a
 * changed one is marked typed by hand (null).
 */
export interface HasilSources {
  ipak: Prisma.InputJsonValue | null;
  ipkp: Prisma.InputJsonValue | null;
}

export async function saveHasil(
  input: {
    assessmentId: string;
    ipak: number | null;
    ipkp: number | null;
    capaianKinerja: string | null;
    catatan: string;
    version: number;
  },
  layer: "SELF" | "TPI",
  ctx: {
    tx: Tx;
    user: Principal;
    audit: (e: { entity: string; entityId: string; before?: unknown; after?: unknown }) => Promise<void>;
    target: { assessment: LoadedAssessment };
  },
  sources?: HasilSources,
) {
  const { tx, user, audit } = ctx;
  const a = ctx.target.assessment;
  await requireCapability(tx, user, a, layer === "SELF" ? "writeSelfHasil" : "review");
  const checked = validateHasil(a.catalogue, {
    ipak: input.ipak,
    ipkp: input.ipkp,
    capaianKinerja: input.capaianKinerja,
  });
  if (!checked.ok) throw new UserError(checked.message, { [checked.field.replace(/^hasil\./, "")]: checked.message });
  const key = { assessmentId: a.id, layer };
  const existing = await tx.hasilInput.findUnique({ where: { assessmentId_layer: key } });
  const source = (field: "ipak" | "ipkp") => {
    if (sources) return sources[field] ?? Prisma.DbNull;
    const kept = existing && existing[field] === input[field] ? existing[`${field}Source`] : null;
    return kept === null ? Prisma.DbNull : (kept as Prisma.InputJsonValue);
  };
  const data = {
    ipak: input.ipak,
    ipkp: input.ipkp,
    ipakSource: source("ipak"),
    ipkpSource: source("ipkp"),
    capaianKinerja: input.capaianKinerja,
    catatan: input.catatan,
    updatedById: user.id,
  };
  let row;
  const clash = () => {
    throw new ConflictError(
      "Nilai hasil baru saja diubah oleh pengguna lain. Muat ulang untuk melihat nilai terbaru.",
      null,
    );
  };
  if (!existing) {
    if (input.version !== 0) clash();
    row = await tx.hasilInput
      .create({ data: { ...key, ...data } })
      .catch((e) => (isUniqueViolation(e) ? clash() : Promise.reject(e)));
  } else {
    const updated = await tx.hasilInput.updateMany({
      where: { id: existing.id, version: input.version },
      data: { ...data, version: { increment: 1 } },
    });
    if (updated.count === 0) clash();
    row = await tx.hasilInput.findUniqueOrThrow({ where: { id: existing.id } });
  }
  if (layer === "TPI") await startReviewIfSubmitted(tx, a, audit);
  await audit({ entity: "HasilInput", entityId: row!.id, before: existing, after: row });
  const scores = await afterChange(tx, a.id);
  return { version: row!.version, scores };
}
