/** The audit log as an .xlsx ledger (exceljs): one row per entry, the changes written out as before → after. */
import ExcelJS from "exceljs";
import { auditChanges } from "@/domain/audit-changes";
import { auditActionLabel, auditTargetLabel } from "@/domain/audit-labels";

export interface AuditExportRow {
  id: bigint | string;
  createdAt: Date;
  actorName: string;
  ip: string | null;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

export async function auditWorkbook(
  rows: AuditExportRow[],
  meta: { instansi: string; filter: string; truncated: boolean },
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Zona Integritas";
  wb.created = new Date();
  const ws = wb.addWorksheet("Log Audit", { views: [{ state: "frozen", ySplit: 4 }] });
  ws.addRow([`Log audit — ${meta.instansi}`]).font = { bold: true, size: 13 };
  ws.addRow([`Saringan: ${meta.filter || "semua catatan"} · diekspor ${new Date().toISOString()}`]);
  ws.addRow([
    meta.truncated
      ? `Hanya ${rows.length} catatan terbaru: persempit rentang tanggal untuk sisanya.`
      : `${rows.length} catatan`,
  ]);
  const header = ws.addRow([
    "No. catatan",
    "Waktu (UTC)",
    "Pelaku",
    "IP",
    "Tindakan",
    "Kode tindakan",
    "Sasaran",
    "Perubahan (sebelum → sesudah)",
  ]);
  header.font = { bold: true };
  ws.columns = [
    { width: 12 },
    { width: 20 },
    { width: 28 },
    { width: 16 },
    { width: 34 },
    { width: 24 },
    { width: 40 },
    { width: 80 },
  ];
  for (const r of rows) {
    const changes = auditChanges(r.before, r.after)
      .map((c) => `${c.field}: ${c.before} → ${c.after}`)
      .join("\n");
    const row = ws.addRow([
      Number(r.id),
      r.createdAt,
      r.actorName,
      r.ip ?? "",
      auditActionLabel(r.action),
      r.action,
      auditTargetLabel(r.entity, r.entityId),
      changes,
    ]);
    row.getCell(2).numFmt = "yyyy-mm-dd hh:mm:ss";
    row.getCell(8).alignment = { wrapText: true, vertical: "top" };
  }
  ws.autoFilter = { from: { row: 4, column: 1 }, to: { row: 4, column: 8 } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
