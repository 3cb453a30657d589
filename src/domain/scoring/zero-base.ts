/**
 * Wording of the periode's zero-base rule (ZeroBaseRule in types.ts), shared by the LKE page, the
 * scorecard and the periode settings so that all say the same thing.
 */
import type { CatalogueQuestion } from "../catalogue/types";
import type { ZeroBaseRule } from "./types";

export const ZERO_BASE_LABELS: Record<ZeroBaseRule, string> = {
  ZERO: "Dinilai 0 (bawaan)",
  ONE: "Dinilai 1 — tidak ada yang harus dilakukan dianggap tuntas",
  EXCLUDE: "Dikecualikan dari rata-rata indikator",
};

const OUTCOME: Record<ZeroBaseRule, string> = {
  ZERO: "dinilai 0",
  ONE: "dinilai 1 (tidak ada yang harus dilakukan dianggap tuntas)",
  EXCLUDE: "dikecualikan dari rata-rata indikator",
};

/** On the question: "Tidak ada pengaduan yang harus ditindaklanjuti: dinilai 0 sesuai pengaturan periode". */
export function zeroBaseSentence(question: CatalogueQuestion, rule: ZeroBaseRule): string {
  return `${question.zeroBaseText ?? "Jumlah dasar 0"}: ${OUTCOME[rule]} sesuai pengaturan periode`;
}

/** On the scorecard and the periode settings: the rule for every such question. */
export function zeroBaseRuleSentence(rule: ZeroBaseRule): string {
  return `Pertanyaan persentase dengan jumlah dasar 0 (mis. tidak ada pengaduan yang harus ditindaklanjuti) ${OUTCOME[rule]} sesuai pengaturan periode.`;
}
