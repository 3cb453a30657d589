/** A round's raw responses as .xlsx (exceljs): one row per response, one column per element, voided ones marked. */
import ExcelJS from "exceljs";
import { SURVEY_KIND_LABELS } from "@/domain/survey/instruments";
import type { KindResult } from "./results";

export async function roundWorkbook(
  meta: { unit: string; title: string },
  kinds: KindResult[],
  responses: {
    createdAt: Date;
    answers: unknown;
    respondent: unknown;
    voidedAt: Date | null;
    voidReason: string | null;
  }[],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Zona Integritas";
  wb.created = new Date();
  const ws = wb.addWorksheet("Jawaban", { views: [{ state: "frozen", ySplit: 3 }] });
  ws.addRow([`Survei ${meta.title} — ${meta.unit}`]).font = { bold: true, size: 13 };
  ws.addRow(
    kinds.map(
      (k) =>
        `${SURVEY_KIND_LABELS[k.kind].short}: skala ${k.instrument.scale[0]}–${k.instrument.scale[1]}, instrumen versi ${k.instrument.version}`,
    ),
  );
  const respondentCodes = ["layanan", "usia", "jenisKelamin", "pendidikan"];
  const header = ws.addRow([
    "No.",
    "Waktu (UTC)",
    ...kinds.flatMap((k) => k.instrument.elements.map((e) => `${k.kind} ${e.code}`)),
    ...respondentCodes,
    "Dibatalkan",
    "Alasan pembatalan",
  ]);
  header.font = { bold: true };
  responses.forEach((r, i) => {
    const a = r.answers as Record<string, (number | null)[]>;
    const who = (r.respondent ?? {}) as Record<string, string>;
    const row = ws.addRow([
      i + 1,
      r.createdAt,
      ...kinds.flatMap((k) => k.instrument.elements.map((_, j) => a[k.kind === "SPAK" ? "spak" : "spkp"]?.[j] ?? null)),
      ...respondentCodes.map((c) => who[c] ?? ""),
      r.voidedAt ? "ya" : "",
      r.voidReason ?? "",
    ]);
    row.getCell(2).numFmt = "yyyy-mm-dd hh:mm";
  });
  const legend = wb.addWorksheet("Unsur");
  legend.addRow(["Kode", "Unsur"]).font = { bold: true };
  for (const k of kinds) for (const e of k.instrument.elements) legend.addRow([`${k.kind} ${e.code}`, e.label]);
  legend.columns = [{ width: 12 }, { width: 80 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
