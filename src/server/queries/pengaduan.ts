/** Complaints as the unit and the Inspektorat see them, scoped to the units the user may read. */
import "server-only";
import { daysLeft, isOverdue, nextStatuses, PENGADUAN_STATUS_LABELS, type PengaduanStatus } from "@/domain/pengaduan";
import { can, unitWhere, type Principal } from "@/server/authz";
import { isoFromDate, todayIso } from "@/server/dates";
import { getDb } from "@/server/db/client";

export async function pengaduanList(user: Principal, today = todayIso()) {
  const rows = await getDb().pengaduan.findMany({
    where: { unit: unitWhere(user, "pengaduan:read") },
    orderBy: { createdAt: "desc" },
    take: 500,
    select: {
      id: true,
      trackingCode: true,
      subject: true,
      status: true,
      dueDate: true,
      createdAt: true,
      unit: { select: { shortName: true } },
    },
  });
  return rows.map((r) => {
    const status = r.status as PengaduanStatus;
    const due = isoFromDate(r.dueDate);
    return {
      ...r,
      status,
      statusLabel: PENGADUAN_STATUS_LABELS[status],
      dueDate: due,
      overdue: isOverdue(status, due, today),
      daysLeft: daysLeft(status, due, today),
    };
  });
}

export async function pengaduanDetail(user: Principal, id: string, today = todayIso()) {
  const row = await getDb().pengaduan.findFirst({
    where: { id, unit: unitWhere(user, "pengaduan:read") },
    include: {
      unit: { select: { id: true, instansiId: true, name: true } },
      responses: { orderBy: { createdAt: "asc" } },
      attachments: { select: { id: true, originalName: true, size: true, mimeType: true } },
    },
  });
  if (!row) return null;
  const authors = await getDb().user.findMany({
    where: { id: { in: row.responses.map((r) => r.authorId) } },
    select: { id: true, name: true },
  });
  const status = row.status as PengaduanStatus;
  const due = isoFromDate(row.dueDate);
  return {
    id: row.id,
    trackingCode: row.trackingCode,
    subject: row.subject,
    description: row.description,
    reporterName: row.reporterName,
    reporterContact: row.reporterContact,
    unitName: row.unit.name,
    status,
    statusLabel: PENGADUAN_STATUS_LABELS[status],
    version: row.version,
    createdAt: row.createdAt,
    dueDate: due,
    overdue: isOverdue(status, due, today),
    daysLeft: daysLeft(status, due, today),
    next: nextStatuses(status),
    canTriage: can(user, "pengaduan:triage", { instansiId: row.unit.instansiId, unitId: row.unit.id }),
    attachments: row.attachments,
    responses: row.responses.map((r) => ({
      id: r.id,
      body: r.body,
      public: r.public,
      toStatus: r.toStatus as PengaduanStatus | null,
      at: r.createdAt,
      author: authors.find((a) => a.id === r.authorId)?.name ?? "—",
    })),
  };
}
export type PengaduanDetail = NonNullable<Awaited<ReturnType<typeof pengaduanDetail>>>;

/** An attachment, for whoever may read its complaint. */
export async function pengaduanAttachment(user: Principal, id: string) {
  return getDb().pengaduanLampiran.findFirst({ where: { id, pengaduan: { unit: unitWhere(user, "pengaduan:read") } } });
}
