"use server";

import "server-only";
import {
  checkReply,
  checkTransition,
  isClosed,
  isRejection,
  PENGADUAN_STATUS_LABELS,
  type PengaduanStatus,
} from "@/domain/pengaduan";
import type { Tx } from "@/server/db/client";
import { ConflictError, NotFoundError, UserError } from "@/server/errors";
import { defineAction } from "./define-action";
import {
  createDokumenPublikSchema,
  deleteDokumenPublikSchema,
  pengaduanSettingsSchema,
  replyPengaduanSchema,
  triagePengaduanSchema,
} from "./pengaduan.validation";

/** The complaint a triage step names, locked so two steps on it run one after the other. */
async function pengaduanTarget({ pengaduanId }: { pengaduanId: string }, { tx }: { tx: Tx }) {
  await tx.$queryRaw`SELECT id FROM "Pengaduan" WHERE id = ${pengaduanId} FOR UPDATE`;
  const pengaduan = await tx.pengaduan.findUnique({ where: { id: pengaduanId } });
  if (!pengaduan) throw new NotFoundError("Pengaduan tidak ditemukan.");
  return { instansiId: pengaduan.instansiId, unitId: pengaduan.unitId, pengaduan };
}

const DEFAULT_TEXT: Partial<Record<PengaduanStatus, string>> = { DIPROSES: "Pengaduan Anda sedang kami proses." };

/** The unit or the Inspektorat moves a complaint: diterima → diproses → selesai, or ditolak with a reason. */
export const triagePengaduanAction = defineAction({
  name: "pengaduan.triage",
  schema: triagePengaduanSchema,
  permission: "pengaduan:triage",
  target: pengaduanTarget,
  async handler(input, { tx, user, audit, target: { pengaduan: p } }) {
    const from = p.status as PengaduanStatus;
    const check = checkTransition(from, input.toStatus, input.body);
    if (!check.ok)
      throw new UserError(
        check.message,
        check.field ? { [check.field]: check.message } : undefined,
        undefined,
        check.code,
      );
    const closing = isClosed(input.toStatus);
    const updated = await tx.pengaduan.updateMany({
      where: { id: p.id, version: input.version },
      data: {
        status: input.toStatus,
        version: { increment: 1 },
        ...(isRejection(input.toStatus) ? { rejectReason: input.body } : {}),
        ...(closing ? { closedAt: new Date() } : {}),
      },
    });
    if (updated.count === 0)
      throw new ConflictError("Pengaduan ini baru saja diubah oleh pengguna lain. Muat ulang halaman.", null);
    const body = input.body || DEFAULT_TEXT[input.toStatus] || PENGADUAN_STATUS_LABELS[input.toStatus];
    const response = await tx.pengaduanTanggapan.create({
      data: { pengaduanId: p.id, toStatus: input.toStatus, body, public: true, authorId: user.id },
    });
    await audit({
      entity: "Pengaduan",
      entityId: p.id,
      before: { status: from, version: p.version },
      after: { status: input.toStatus, version: p.version + 1, responseId: response.id },
    });
    return { status: input.toStatus, version: p.version + 1 };
  },
});

/** A reply on an open complaint without moving it: public (the complainant reads it) or an internal note. */
export const replyPengaduanAction = defineAction({
  name: "pengaduan.reply",
  schema: replyPengaduanSchema,
  permission: "pengaduan:triage",
  target: pengaduanTarget,
  async handler(input, { tx, user, audit, target: { pengaduan: p } }) {
    const check = checkReply(p.status as PengaduanStatus);
    if (!check.ok) throw new UserError(check.message, undefined, undefined, check.code);
    const response = await tx.pengaduanTanggapan.create({
      data: { pengaduanId: p.id, body: input.body, public: input.public, authorId: user.id },
    });
    await audit({ entity: "Pengaduan", entityId: p.id, after: { responseId: response.id, public: input.public } });
    return { id: response.id };
  },
});

/** ADMIN sets the complaint links (SP4N-LAPOR!, the instansi's WBS) and the days a unit has to settle one. */
export const savePengaduanSettingsAction = defineAction({
  name: "instansi.pengaduanSettings",
  schema: pengaduanSettingsSchema,
  permission: "instansi:manage",
  async handler(input, { tx, user, audit }) {
    const select = { laporUrl: true, wbsUrl: true, pengaduanDueDays: true } as const;
    const before = await tx.instansi.findUniqueOrThrow({ where: { id: user.instansiId }, select });
    const after = await tx.instansi.update({ where: { id: user.instansiId }, data: input, select });
    await audit({ entity: "Instansi", entityId: user.instansiId, before, after });
    return after;
  },
});

/** The unit (or ADMIN) lists a document on its public page: maklumat, standar pelayanan, other. */
export const createDokumenPublikAction = defineAction({
  name: "dokumenPublik.create",
  schema: createDokumenPublikSchema,
  permission: "dokumen-publik:manage",
  async target({ unitId }, { tx }) {
    const unit = await tx.unit.findUnique({ where: { id: unitId }, select: { id: true, instansiId: true } });
    if (!unit) throw new NotFoundError("Unit tidak ditemukan.");
    return { instansiId: unit.instansiId, unitId: unit.id };
  },
  async handler(input, { tx, audit }) {
    const row = await tx.dokumenPublik.create({ data: input });
    await audit({ entity: "DokumenPublik", entityId: row.id, after: row });
    return { id: row.id };
  },
});

export const deleteDokumenPublikAction = defineAction({
  name: "dokumenPublik.delete",
  schema: deleteDokumenPublikSchema,
  permission: "dokumen-publik:manage",
  async target({ id }, { tx }) {
    const row = await tx.dokumenPublik.findUnique({
      where: { id },
      include: { unit: { select: { instansiId: true } } },
    });
    if (!row) throw new NotFoundError("Dokumen tidak ditemukan.");
    return { instansiId: row.unit.instansiId, unitId: row.unitId, row };
  },
  async handler(_input, { tx, audit, target: { row } }) {
    await tx.dokumenPublik.delete({ where: { id: row.id } });
    const { unit: _unit, ...before } = row;
    await audit({ entity: "DokumenPublik", entityId: row.id, before });
    return { id: row.id };
  },
});
