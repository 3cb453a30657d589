import { describe, expect, test } from "vitest";
import master from "../../prisma/data/portalrb-master-soal-2026.json" with { type: "json" };
import { getCatalogue } from "./catalogue/registry";
import {
  PORTALRB_MAP,
  afirmasiDecision,
  portalRbAnswers,
  portalRbCategory,
  portalRbListEntry,
  portalRbSupports,
} from "./portalrb";
import { portalRbAnswersSchema } from "./portalrb-schema";

interface MasterSoal {
  id: number;
  teks_pertanyaan: string;
  jenis_jawaban: string;
  skema_penilaian: { key: string; multiplier: number }[];
}
interface MasterNode {
  soals?: MasterSoal[];
  children?: MasterNode[];
}
const soals: MasterSoal[] = [];
const walk = (n: MasterNode) => {
  for (const s of n.soals ?? []) soals.push(s);
  for (const c of n.children ?? []) walk(c);
};
for (const d of (master as { data: MasterNode[] }).data) walk(d);

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, "");

/** Edit distance, so the master list's typos ("dtindaklanjuti") still match while another question does not. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}
const sameText = (a: string, b: string) => distance(norm(a).slice(0, 40), norm(b).slice(0, 40)) <= 2;

describe("PortalRB soal mapping (data file)", () => {
  test("the master list has 127 soal and every soal id is reached exactly once", () => {
    expect(soals).toHaveLength(127);
    const mapped = PORTALRB_MAP.soal.map((s) => s.soal_id);
    expect(new Set(mapped).size).toBe(mapped.length);
    expect([...mapped].sort((a, b) => a - b)).toEqual(soals.map((s) => s.id).sort((a, b) => a - b));
  });

  test.each(["lke-2026", "permenpanrb-90-2021"])(
    "every question and count input of %s is mapped exactly once",
    (id) => {
      const catalogue = getCatalogue(id);
      expect(portalRbSupports(id)).toBe(true);
      const expected = catalogue.questions.flatMap((q) =>
        q.answerType === "PERSENTASE" ? q.inputs.map((i) => `${q.id}.${i.key}`) : [q.id],
      );
      expected.push("hasil.ipak", "hasil.capaianKinerja", "hasil.ipkp");
      const got = PORTALRB_MAP.soal.map((s) =>
        s.hasil ? `hasil.${s.hasil}` : s.input ? `${s.question}.${s.input}` : s.question,
      );
      expect([...got].sort()).toEqual([...expected].sort());
    },
  );

  test("each soal has the same answer type, option keys and text as the question it is mapped to", () => {
    const catalogue = getCatalogue("lke-2026");
    const byId = new Map(soals.map((s) => [s.id, s]));
    const wrong: string[] = [];
    for (const t of PORTALRB_MAP.soal) {
      const s = byId.get(t.soal_id)!;
      if (t.hasil) {
        const want = t.hasil === "capaianKinerja" ? "ABCDE" : "0-4";
        if (s.jenis_jawaban !== want) wrong.push(`${t.soal_id}: ${s.jenis_jawaban} ≠ ${want}`);
        if (
          t.hasil === "capaianKinerja" &&
          s.skema_penilaian.map((o) => o.key).join() !==
            catalogue.hasil.capaianKinerja.options.map((o) => o.label).join()
        )
          wrong.push(`${t.soal_id}: options`);
        continue;
      }
      const q = catalogue.questionById.get(t.question)!;
      if (t.input) {
        const input = q.inputs.find((i) => i.key === t.input)!;
        if (s.jenis_jawaban.toLowerCase() !== "jumlah")
          wrong.push(`${t.soal_id}: ${s.jenis_jawaban} for count ${t.question}.${t.input}`);
        if (!sameText(input.label, s.teks_pertanyaan))
          wrong.push(`${t.soal_id}: "${s.teks_pertanyaan}" ≠ "${input.label}"`);
        continue;
      }
      if (s.jenis_jawaban !== q.answerType) wrong.push(`${t.soal_id}: ${s.jenis_jawaban} ≠ ${q.answerType} (${q.id})`);
      if (s.skema_penilaian.map((o) => o.key).join() !== q.options.map((o) => o.label).join())
        wrong.push(`${t.soal_id}: option keys of ${q.id}`);
      if (!sameText(s.teks_pertanyaan, q.text)) {
        wrong.push(`${t.soal_id}: "${s.teks_pertanyaan.slice(0, 50)}" ≠ ${q.id} "${q.text.slice(0, 50)}"`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe("which list a unit appears in", () => {
  test.each([
    ["APPROVED", { wbkEligible: true, wbbmEligible: false }, "WBK"],
    ["APPROVED", { wbkEligible: true, wbbmEligible: true }, "WBBM"],
    ["APPROVED", { wbkEligible: false, wbbmEligible: false }, null],
    ["APPROVED", null, null],
    ["FINALIZED", { wbkEligible: true, wbbmEligible: true }, null],
    ["DRAFT", { wbkEligible: true, wbbmEligible: false }, null],
  ] as const)("%s %o → %s", (status, verdict, want) => {
    expect(portalRbCategory(status, verdict)).toBe(want);
  });
});

describe("afirmasi", () => {
  test("only a WBK proposal is affirmed, as WBK-AFIRMASI, and only with a basis", () => {
    expect(portalRbListEntry("WBK", true)).toEqual({ kategori: "WBK-AFIRMASI", afirmasi: true });
    expect(portalRbListEntry("WBK", false)).toEqual({ kategori: "WBK", afirmasi: false });
    expect(portalRbListEntry("WBBM", true)).toEqual({ kategori: "WBBM", afirmasi: false });
    expect(afirmasiDecision(true, "Unit di daerah 3T", "WBK")).toEqual({ allowed: true });
    expect(afirmasiDecision(true, "Unit di daerah 3T", null)).toEqual({ allowed: true });
    expect(afirmasiDecision(true, "singkat", "WBK")).toMatchObject({ allowed: false });
    expect(afirmasiDecision(true, "Unit di daerah 3T", "WBBM")).toMatchObject({ allowed: false });
    expect(afirmasiDecision(false, "", "WBBM")).toEqual({ allowed: true });
  });
});

describe("answers as PortalRB rows", () => {
  test("option keys, counts as numbers, survey indices, evidence links; the shape of the guide", () => {
    const rows = portalRbAnswers({
      self: {
        PPA1A: { value: "Ya", catatan: "SK tim" },
        PRA1A: { value: { agenPerubahan: 12, perubahanDibuat: 9 }, catatan: null },
      },
      tpi: { PPA1A: { value: "Tidak", catatan: "SK belum ditandatangani" } },
      selfHasil: { ipak: 3.61, ipkp: 3.5, capaianKinerja: "B", catatan: "survei BPS" },
      tpiHasil: { ipak: 3.4 },
      evidenceLink: (key) => (key === "PPA1A" ? "https://zi.example/bukti/x#PPA1A" : null),
    });
    const by = new Map(rows.map((r) => [r.soal_id, r]));
    expect(rows).toHaveLength(127);
    expect(by.get(1)).toEqual({
      soal_id: 1,
      jawaban_unit: "Ya",
      jawaban_tpi: "Tidak",
      catatan_unit: "SK tim",
      bukti_dukung_unit: "https://zi.example/bukti/x#PPA1A",
      catatan_tpi: "SK belum ditandatangani",
    });
    expect(by.get(88)?.jawaban_unit).toBe(12);
    expect(by.get(89)?.jawaban_unit).toBe(9);
    expect(by.get(90)?.jawaban_unit).toBeNull();
    expect(by.get(125)).toMatchObject({ jawaban_unit: 3.61, jawaban_tpi: 3.4, catatan_unit: "survei BPS" });
    expect(by.get(126)).toMatchObject({ jawaban_unit: "B", jawaban_tpi: null });
    expect(by.get(127)).toMatchObject({ jawaban_unit: 3.5 });
    const answered = rows.filter((r) => r.jawaban_unit !== null);
    expect(
      portalRbAnswersSchema.safeParse({
        unit_id: "Dinkes",
        nama_unit: "Dinas Kesehatan",
        tahun: 2026,
        answers: answered,
      }).success,
    ).toBe(true);
    expect(
      portalRbAnswersSchema.safeParse({ unit_id: "Dinkes", nama_unit: "Dinas Kesehatan", tahun: 2026, answers: rows })
        .success,
    ).toBe(false);
  });
});
