/**
 * A "LKE ZI" sheet laid out the way a Pemda fills the official file (for tests): title rows above the
 * header, an extra leading column, headers with line breaks and spaces, unnumbered evidence columns,
 * repeated row numbers, typos and line breaks in texts, a Ya/Tidak row whose type reads "Ya", PRA1B
 * reusing PRA1A's "Jumlah Perubahan yang dibuat" row, the LHKPN "harus melaporkan" subtotal as a
 * formula over three rows, a region's extra question and an answer outside the options.
 */
import ExcelJS from "exceljs";
import { getCatalogue } from "@/domain/catalogue/registry";
import type { AnswerValue, HasilInput } from "@/domain/scoring/types";
import { ANSWER_TYPE_TEXT, letterCode, romanNumeral } from "./layout";

export async function handMadeWorkbook() {
  const catalogue = getCatalogue("permenpanrb-90-2021");
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Petunjuk").addRow(["Petunjuk pengisian"]);
  const ws = wb.addWorksheet("LKE ZI ");
  // Columns one to the right of the official file: B = no, C = Penilaian … L = Jawaban, P = catatan.
  const col = (official: string) => String.fromCharCode(official.charCodeAt(0) + 1);
  ws.getCell("B1").value = "LEMBAR KERJA EVALUASI ZONA INTEGRITAS MENUJU WBK/WBBM";
  ws.getCell("B2").value = "UNIT KERJA: Dinas Contoh";
  const headers: Record<string, string> = {
    A: "No",
    B: "Penilaian ",
    H: "Bobot",
    I: "Penjelasan",
    J: "Pilihan\nJawaban",
    K: "Jawaban ",
    L: "Nilai",
    M: "%",
    O: "Catatan/Keterangan/\nPenjelasan",
  };
  for (const [c, t] of Object.entries(headers)) ws.getCell(`${col(c)}3`).value = t;
  let r = 4;
  const put = (c: string, value: ExcelJS.CellValue) => {
    ws.getCell(`${col(c)}${r}`).value = value;
  };
  const answers: Record<string, AnswerValue> = {};
  let no = 0;
  put("B", "A.");
  put("C", "KOMPONEN PENGUNGKIT");
  put("H", 60);
  for (const kind of ["PEMENUHAN", "REFORM"] as const) {
    r++;
    put("C", kind === "PEMENUHAN" ? "I." : "II.");
    put("D", `${kind} `);
    catalogue.areas.forEach((area, ai) => {
      const sub = area.subAreas.find((s) => s.kind === kind)!;
      r++;
      put("D", `${ai + 1}.`);
      put("E", ai === 1 ? "Penataan Tata laksana" : area.name.toUpperCase());
      put("H", sub.weight);
      sub.indicators.forEach((ind, ii) => {
        r++;
        put("E", `${romanNumeral(ii)}.`);
        put("F", `${ind.name}\n`);
        put("H", ind.weight);
        ind.questions.forEach((q, qi) => {
          r++;
          // Row numbers repeat and skip, as in real copies.
          put("A", no % 17 === 5 ? no : ++no);
          put("F", `${letterCode(qi)}.`);
          const text =
            q.id === "PPA2A"
              ? q.text.replace("dokumen", "dokumne")
              : q.id === "PPB1A"
                ? q.text.replace(/ /g, "\n").replace(/$/, "  ")
                : q.text;
          put("G", text);
          put("J", q.id === "PPA1A" ? "Ya" : q.answerType === "PERSENTASE" ? "%" : ANSWER_TYPE_TEXT[q.answerType]);
          if (q.answerType !== "PERSENTASE") {
            const i = (ai + ii + qi) % q.options.length;
            const label = q.options[i].label;
            if (q.id === "PPC1A") {
              put("K", "X");
            } else if ((ai + qi) % 7 !== 3) {
              put("K", q.id === "PPA1A" ? "ya " : `${label} `);
              answers[q.id] = label;
            }
            if (q.id === "PPA1A") {
              put("O", "SK Tim ZI");
              ws.getCell(`${col("Q")}${r}`).value = { text: "SK", hyperlink: "https://drive.example/sk" };
            }
            return;
          }
          const row = r;
          const counts: Record<string, number> = {};
          const countRow = (label: string, value: number | null, key?: string) => {
            r++;
            put("F", "-");
            put("G", `- ${label}`);
            put("J", "Jumlah");
            if (value !== null) put("K", value);
            if (key && value !== null) counts[key] = value;
            return r;
          };
          if (q.id === "PRA1A") {
            countRow("Jumlah Agen Perubahan", 4, "agenPerubahan");
            countRow("Jumlah Perubahan yang dibuat ", 6, "perubahanDibuat");
          } else if (q.id === "PRA1B") {
            countRow("Jumlah Perubahan yang telah diintegrasikan dalam sistem manajemen", 3, "perubahanTerintegrasi");
            counts.perubahanDibuat = 6;
          } else if (q.id === "PRE3A") {
            r++;
            const total = r;
            put("G", "- Jumlah yang harus melaporkan");
            put("J", "Jumlah");
            const a = countRow("Kepala Satuan Kerja", 1, "kepalaSatker");
            countRow("Pejabat yang diwajibkan menyampaikan LHKPN", 7, "pejabatWajibLhkpn");
            const c = countRow("Lainnya", 2, "lainnya");
            ws.getCell(`${col("K")}${total}`).value = {
              formula: `SUM(${col("K")}${a}:${col("K")}${c})`,
              result: 10,
            } as ExcelJS.CellFormulaValue;
            countRow("Jumlah yang sudah melaporkan", 9, "sudahMelapor");
          } else if (q.id === "PRE3B") {
            r++;
            const total = r;
            put("G", "- Jumlah yang harus melaporkan (ASN tidak wajib LHKPN)");
            const a = countRow("Pejabat administrator (eselon III)", 3, "eselonIII");
            countRow("Pejabat Pengawas (eselon IV)", 5, "eselonIV");
            const c = countRow("Jumlah Fungsional dan Pelaksana", 20, "fungsionalPelaksana");
            ws.getCell(`${col("K")}${total}`).value = {
              formula: `SUM(${col("K")}${a}:${col("K")}${c})`,
              result: 28,
            } as ExcelJS.CellFormulaValue;
            countRow("Jumlah yang sudah melaporkan", 25, "sudahMelapor");
          } else {
            q.inputs.forEach((input, i) => countRow(input.label, 10 + i, input.key));
          }
          answers[q.id] = counts;
          ws.getCell(`${col("K")}${row}`).value = {
            formula: `IFERROR(${col("K")}${row + 2}/${col("K")}${row + 1},0)`,
            result: 0.5,
          } as ExcelJS.CellFormulaValue;
        });
      });
      if (kind === "PEMENUHAN" && ai === 0) {
        r++;
        put("F", "-");
        put("G", "Kegiatan tambahan daerah yang tidak ada di LKE");
        put("K", "Ya");
      }
    });
  }
  r++;
  put("B", "B.");
  put("C", "KOMPONEN HASIL");
  r++;
  put("C", "I.");
  put("D", "BIROKRASI YANG BERSIH DAN AKUNTABEL");
  r++;
  put("D", "a.");
  put("E", "Nilai Survei Persepsi Korupsi (Survei Eksternal)");
  put("J", "Nilai\n(0-4)");
  put("K", "3,65");
  r++;
  put("D", "b");
  put("E", "Capaian Kinerja Lebih Baik dari pada Capaian Kinerja Sebelumnya");
  put("K", "B ");
  r++;
  put("C", "II.");
  put("D", "PELAYANAN PUBLIK YANG PRIMA");
  r++;
  put("D", "a.");
  put("E", "Nilai Persepsi Kualitas Pelayanan (Survei Eksternal)");
  put("K", 3.2);
  r++;
  put("B", "NILAI EVALUASI ZONA INTEGRITAS");
  const hasil: HasilInput = { ipak: 3.65, ipkp: 3.2, capaianKinerja: "B" };
  return { bytes: Buffer.from(await wb.xlsx.writeBuffer()), answers, hasil, sheet: ws };
}
