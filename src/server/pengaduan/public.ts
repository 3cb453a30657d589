/**
 * Public complaints, without an account: filing one (honeypot, per-address limit, attachments through
 * the evidence checks), and looking one up by its tracking code. Only what the complainant may see
 * leaves here: status, dates and public replies — never internal notes, staff names or attachments.
 */
import { createHmac, randomInt } from "node:crypto";
import { Readable } from "node:stream";
import {
  dueDateOf,
  PENGADUAN_STATUS_LABELS,
  isOverdue,
  trackingCodeFrom,
  type PengaduanStatus,
} from "@/domain/pengaduan";
import { publicUnitCode } from "@/lib/unit-code";
import { fieldErrorsOf } from "@/server/actions/define-action";
import { MAX_ATTACHMENTS, submitPengaduanSchema } from "@/server/actions/pengaduan.validation";
import { pengaduanLimitPerIp } from "@/server/config";
import { dateFromIso, isoFromDate, todayIso } from "@/server/dates";
import { getDb } from "@/server/db/client";
import { UserError, type ErrorCode } from "@/server/errors";
import { notifyEvent } from "@/server/notifications/notify";
import { evidenceMaxBytes, formatBytes, ingestUpload, type IngestedFile } from "@/server/storage/ingest";
import { getStorage } from "@/server/storage/storage";

export type SubmitResult =
  | { ok: true; trackingCode: string }
  | {
      ok: false;
      status: number;
      code: ErrorCode | "RATE_LIMITED";
      error: string;
      fieldErrors?: Record<string, string>;
    };

export interface PublicFile {
  name: string;
  size: number;
  stream(): ReadableStream<Uint8Array>;
}

/** The active unit behind a public code, across instansi (null when none or ambiguous). */
export async function findPublicUnit(code: string) {
  const wanted = publicUnitCode(code);
  if (!wanted) return null;
  const units = await getDb().unit.findMany({
    where: { active: true },
    select: {
      id: true,
      instansiId: true,
      name: true,
      shortName: true,
      headName: true,
      instansi: { select: { name: true, laporUrl: true, wbsUrl: true, pengaduanDueDays: true } },
    },
  });
  const matches = units.filter((u) => publicUnitCode(u.shortName) === wanted);
  return matches.length === 1 ? matches[0] : null;
}
export type PublicUnit = NonNullable<Awaited<ReturnType<typeof findPublicUnit>>>;

/** Keyed so the stored value cannot be turned back into the address by trying every IPv4 address. */
export function hashIp(ip: string): string {
  return createHmac("sha256", process.env.NEXTAUTH_SECRET ?? "zona-integritas")
    .update(ip)
    .digest("hex");
}

export const RATE_WINDOW_MS = 60 * 60_000;

function newTrackingCode(): string {
  return trackingCodeFrom(Array.from({ length: 12 }, () => randomInt(0, 1 << 30)));
}

const HONEYPOT_CODE = () => newTrackingCode();

/**
 * Files a complaint. `fields` are the form's text fields; `files` its attachments. A filled honeypot
 * gets an answer that looks like success and stores nothing, so a bot learns nothing.
 */
export async function submitPengaduan(
  fields: Record<string, unknown>,
  files: PublicFile[],
  ip: string,
  now = new Date(),
): Promise<SubmitResult> {
  const parsed = submitPengaduanSchema.safeParse(fields);
  if (!parsed.success)
    return {
      ok: false,
      status: 400,
      code: "INVALID",
      error: "Periksa kembali isian yang ditandai.",
      fieldErrors: fieldErrorsOf(parsed.error),
    };
  const input = parsed.data;
  if (input.alamatSitus && input.alamatSitus.trim() !== "") return { ok: true, trackingCode: HONEYPOT_CODE() };
  if (files.length > MAX_ATTACHMENTS)
    return { ok: false, status: 400, code: "INVALID", error: `Lampiran paling banyak ${MAX_ATTACHMENTS} berkas.` };

  const unit = await findPublicUnit(input.unitCode);
  if (!unit) return { ok: false, status: 404, code: "NOT_FOUND", error: "Unit layanan tidak ditemukan." };

  const db = getDb();
  const ipHash = hashIp(ip);
  const recent = await db.pengaduan.count({
    where: { ipHash, createdAt: { gte: new Date(now.getTime() - RATE_WINDOW_MS) } },
  });
  if (recent >= pengaduanLimitPerIp()) {
    return {
      ok: false,
      status: 429,
      code: "RATE_LIMITED",
      error: "Terlalu banyak pengaduan dari alamat ini dalam satu jam terakhir. Silakan coba lagi nanti.",
    };
  }

  const stored: IngestedFile[] = [];
  const discardAll = () =>
    Promise.all(
      stored.map((f) =>
        getStorage()
          .discard(f.storageKey)
          .catch(() => {}),
      ),
    );
  const max = evidenceMaxBytes();
  try {
    for (const file of files) {
      if (file.size > max)
        throw new UserError(
          `Lampiran "${file.name}" terlalu besar: maksimal ${formatBytes(max)}.`,
          undefined,
          undefined,
          "TOO_LARGE",
        );
      stored.push(
        await ingestUpload(Readable.fromWeb(file.stream() as never), {
          originalName: file.name || "lampiran",
          declaredSize: file.size,
          maxBytes: max,
          keyPrefix: `${unit.instansiId.toLowerCase()}/pengaduan`,
        }),
      );
    }
  } catch (e) {
    await discardAll();
    if (e instanceof UserError)
      return { ok: false, status: e.code === "TOO_LARGE" ? 413 : 415, code: e.code, error: e.message };
    throw e;
  }

  const filed = todayIso(now);
  const dueDate = dueDateOf(filed, unit.instansi.pengaduanDueDays);
  try {
    const trackingCode = await db.$transaction(async (tx) => {
      let row;
      // A clash of 60 random bits is practically impossible; one retry covers it anyway.
      for (let attempt = 0; ; attempt++) {
        const code = newTrackingCode();
        if (attempt < 2 && (await tx.pengaduan.findUnique({ where: { trackingCode: code }, select: { id: true } })))
          continue;
        row = await tx.pengaduan.create({
          data: {
            instansiId: unit.instansiId,
            unitId: unit.id,
            trackingCode: code,
            subject: input.subject,
            description: input.description,
            reporterName: input.reporterName,
            reporterContact: input.reporterContact,
            dueDate: dateFromIso(dueDate),
            ipHash,
            attachments: {
              create: stored.map((f) => ({
                originalName: f.originalName,
                size: f.size,
                mimeType: f.mimeType,
                sha256: f.sha256,
                storageKey: f.storageKey,
              })),
            },
          },
        });
        break;
      }
      await tx.auditLog.create({
        data: {
          instansiId: unit.instansiId,
          actorId: null,
          action: "pengaduan.submit",
          entity: "Pengaduan",
          entityId: row.id,
          // Who filed stays out of the log (anonymity): the subject and what came with it only.
          after: {
            unitId: unit.id,
            trackingCode: row.trackingCode,
            subject: row.subject,
            dueDate,
            attachments: stored.length,
            anonymous: !input.reporterName && !input.reporterContact,
          },
          ip: null,
        },
      });
      await notifyEvent(
        tx,
        { kind: "PENGADUAN_BARU", pengaduanId: row.id, unitName: unit.name, trackingCode: row.trackingCode, dueDate },
        unit,
      );
      return row.trackingCode;
    });
    return { ok: true, trackingCode };
  } catch (e) {
    await discardAll();
    throw e;
  }
}

/** What the tracking page shows. */
export async function lookupPengaduan(trackingCode: string, today = todayIso()) {
  const row = await getDb().pengaduan.findUnique({
    where: { trackingCode },
    select: {
      trackingCode: true,
      subject: true,
      status: true,
      dueDate: true,
      rejectReason: true,
      closedAt: true,
      createdAt: true,
      unit: { select: { name: true, shortName: true } },
      responses: {
        where: { public: true },
        orderBy: { createdAt: "asc" },
        select: { body: true, toStatus: true, createdAt: true },
      },
    },
  });
  if (!row) return null;
  const status = row.status as PengaduanStatus;
  return {
    trackingCode: row.trackingCode,
    subject: row.subject,
    status,
    statusLabel: PENGADUAN_STATUS_LABELS[status],
    unitName: row.unit.name,
    unitCode: publicUnitCode(row.unit.shortName),
    filedAt: row.createdAt,
    dueDate: isoFromDate(row.dueDate),
    overdue: isOverdue(status, isoFromDate(row.dueDate), today),
    closedAt: row.closedAt,
    responses: row.responses.map((r) => ({
      body: r.body,
      toStatus: r.toStatus as PengaduanStatus | null,
      at: r.createdAt,
    })),
  };
}
export type PublicPengaduan = NonNullable<Awaited<ReturnType<typeof lookupPengaduan>>>;
