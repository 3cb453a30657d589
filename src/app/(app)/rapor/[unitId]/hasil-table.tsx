import { Check, X } from "lucide-react";
import { Table, Td, Th } from "@/components/ui/table";
import type { Catalogue } from "@/domain/catalogue/types";
import { formatIndex, formatScore, formatScoreAgainst } from "@/domain/scoring/format";
import type { ConditionCode, HasilInput, Scorecard } from "@/domain/scoring/types";

function Met({ ok, label }: { ok: boolean; label: string }) {
  return ok ? (
    <span className="inline-flex items-center gap-1 text-emerald-700">
      <Check className="h-4 w-4" aria-hidden />
      <span className="sr-only">{label} terpenuhi</span>
    </span>
  ) : (
    <span className="inline-flex items-center gap-1 text-red-700">
      <X className="h-4 w-4" aria-hidden />
      <span className="sr-only">{label} belum terpenuhi</span>
    </span>
  );
}

/** IPAK, capaian kinerja, birokrasi bersih and IPKP against the catalogue's WBK and WBBM minimums. */
export function HasilTable({
  catalogue,
  scorecard,
  hasil,
}: {
  catalogue: Catalogue;
  scorecard: Scorecard;
  hasil: HasilInput;
}) {
  const h = catalogue.hasil;
  const t = catalogue.thresholds;
  const unmet = (pred: "WBK" | "WBBM", code: ConditionCode) =>
    (pred === "WBK" ? scorecard.wbk : scorecard.wbbm).unmet.some((u) => u.code === code);
  const rows: {
    code: ConditionCode;
    name: string;
    detail: string;
    input: string;
    score: number;
    thresholds: number[];
    weight: number;
    wbk: string;
    wbbm: string;
    wbkIndex?: string;
    wbbmIndex?: string;
  }[] = [
    {
      code: "ipak",
      name: "IPAK",
      detail: "survei persepsi anti korupsi",
      input: hasil.ipak === null || hasil.ipak === undefined ? "belum diisi" : `indeks ${formatIndex(hasil.ipak)}`,
      score: scorecard.ipak,
      thresholds: [t.WBK.ipak, t.WBBM.ipak],
      weight: h.ipak.weight,
      wbk: formatScore(t.WBK.ipak),
      wbbm: formatScore(t.WBBM.ipak),
      wbkIndex: `indeks ${formatIndex(h.ipak.minIndex.WBK)}`,
      wbbmIndex: `indeks ${formatIndex(h.ipak.minIndex.WBBM)}`,
    },
    {
      code: "capaianKinerja",
      name: "Capaian kinerja",
      detail: "lebih baik dari tahun sebelumnya",
      input: hasil.capaianKinerja ? `pilihan ${hasil.capaianKinerja}` : "belum diisi",
      score: scorecard.capaianKinerja,
      thresholds: [t.WBK.capaianKinerja, t.WBBM.capaianKinerja],
      weight: h.capaianKinerja.weight,
      wbk: formatScore(t.WBK.capaianKinerja),
      wbbm: formatScore(t.WBBM.capaianKinerja),
    },
    {
      code: "birokrasiBersih",
      name: "Birokrasi bersih",
      detail: "IPAK + capaian kinerja",
      input: "",
      score: scorecard.birokrasiBersih,
      thresholds: [t.WBK.birokrasiBersih, t.WBBM.birokrasiBersih],
      weight: h.birokrasiBersih.weight,
      wbk: formatScore(t.WBK.birokrasiBersih),
      wbbm: formatScore(t.WBBM.birokrasiBersih),
    },
    {
      code: "ipkp",
      name: "IPKP",
      detail: "survei persepsi kualitas pelayanan",
      input: hasil.ipkp === null || hasil.ipkp === undefined ? "belum diisi" : `indeks ${formatIndex(hasil.ipkp)}`,
      score: scorecard.ipkp,
      thresholds: [t.WBK.ipkp, t.WBBM.ipkp],
      weight: h.ipkp.weight,
      wbk: formatScore(t.WBK.ipkp),
      wbbm: formatScore(t.WBBM.ipkp),
      wbkIndex: `indeks ${formatIndex(h.ipkp.minIndex.WBK)}`,
      wbbmIndex: `indeks ${formatIndex(h.ipkp.minIndex.WBBM)}`,
    },
  ];
  return (
    <Table data-testid="hasil-table">
      <caption className="sr-only">Komponen hasil terhadap nilai minimum WBK dan WBBM</caption>
      <thead>
        <tr>
          <Th>Komponen</Th>
          <Th className="text-right">Nilai</Th>
          <Th className="text-right">Min. WBK</Th>
          <Th className="text-right">Min. WBBM</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.code}>
            <Td className="min-w-[10rem]">
              <p className="font-medium text-slate-800">{r.name}</p>
              <p className="text-xs text-slate-500">
                {r.detail}
                {r.input && <span className="font-medium text-slate-700"> · {r.input}</span>}
              </p>
            </Td>
            <Td className="whitespace-nowrap text-right tabular-nums">
              {formatScoreAgainst(r.score, r.thresholds)}{" "}
              <span className="text-slate-500">/ {formatScore(r.weight)}</span>
            </Td>
            <Td className="whitespace-nowrap text-right tabular-nums">
              <span className="inline-flex items-center gap-1.5">
                {r.wbk} <Met ok={!unmet("WBK", r.code)} label="Minimum WBK" />
              </span>
              {r.wbkIndex && <span className="block pr-6 text-xs text-slate-500">{r.wbkIndex}</span>}
            </Td>
            <Td className="whitespace-nowrap text-right tabular-nums">
              <span className="inline-flex items-center gap-1.5">
                {r.wbbm} <Met ok={!unmet("WBBM", r.code)} label="Minimum WBBM" />
              </span>
              {r.wbbmIndex && <span className="block pr-6 text-xs text-slate-500">{r.wbbmIndex}</span>}
            </Td>
          </tr>
        ))}
        <tr className="bg-slate-50 font-semibold">
          <Td>Total komponen hasil</Td>
          <Td className="whitespace-nowrap text-right tabular-nums">
            {formatScore(scorecard.hasil)} <span className="font-normal text-slate-500">/ {formatScore(h.weight)}</span>
          </Td>
          <Td />
          <Td />
        </tr>
      </tbody>
    </Table>
  );
}
