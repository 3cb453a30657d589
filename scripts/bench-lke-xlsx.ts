/**
 * Times of the LKE workbook: export and import of one LKE, and the ZIP of 14 units (both layers), on
 * fully answered LKEs of the 2026 catalogue. `npx tsx scripts/bench-lke-xlsx.ts`; prints milliseconds.
 */
import { zipSync } from "fflate";
import { getCatalogue } from "../src/domain/catalogue/registry.ts";
import type { AnswerValue } from "../src/domain/scoring/types.ts";
import { writeLkeXlsx, type LayerData } from "../src/server/lke-xlsx/export.ts";
import { readLkeXlsx } from "../src/server/lke-xlsx/import.ts";

const catalogue = getCatalogue("lke-2026");

function layer(seed: number): LayerData {
  const answers: Record<string, AnswerValue> = {};
  const catatan: Record<string, string> = {};
  catalogue.questions.forEach((q, i) => {
    answers[q.id] =
      q.answerType === "PERSENTASE"
        ? Object.fromEntries(q.inputs.map((input, k) => [input.key, 10 + ((seed + i + k) % 7)]))
        : q.options[(seed + i) % q.options.length].label;
    catatan[q.id] = `Catatan unit ${seed} untuk ${q.id}`;
  });
  return {
    answers,
    catatan,
    hasil: { ipak: 3.5, ipkp: 3.4, capaianKinerja: "B" },
    evidence: { PPA1A: [{ name: "SK Tim.pdf", url: "/api/evidence/x" }] },
  };
}

const ms = (t: number) => `${(performance.now() - t).toFixed(0)} ms`;

// The first run loads exceljs and warms the JIT; it is not what a user waits for afterwards.
await writeLkeXlsx({ catalogue, self: layer(0) });

let t = performance.now();
const one = await writeLkeXlsx({ catalogue, self: layer(1), tpi: layer(2) });
console.log(`ekspor 1 LKE (kedua lapisan): ${ms(t)}, ${one.byteLength} byte`);
t = performance.now();
const back = await readLkeXlsx(one);
console.log(`impor 1 LKE (baca + cocokkan): ${ms(t)}, ${Object.keys(back.answers).length} jawaban`);
t = performance.now();
const files: Record<string, Uint8Array> = {};
for (let u = 0; u < 14; u++)
  files[`lke-unit-${u + 1}.xlsx`] = new Uint8Array(
    await writeLkeXlsx({ catalogue, self: layer(u), tpi: layer(u + 3) }),
  );
const zip = zipSync(files, { level: 0 });
console.log(`ZIP 14 unit (kedua lapisan): ${ms(t)}, ${zip.byteLength} byte`);
