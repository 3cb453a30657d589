import { Table, Td, Th } from "@/components/ui/table";
import { LAYER_LABELS, type ScoreLayer } from "@/domain/readiness";
import { getCatalogue } from "@/domain/catalogue/registry";
import { formatPercent, formatScore, formatScoreAgainst } from "@/domain/scoring/format";
import { displayThresholds } from "@/domain/scoring/score";
import type { LayerView } from "@/server/queries/scorecard";

const NOT_REVIEWED = <span className="text-slate-500 italic">belum direviu</span>;

/** The unit's own scores next to the TPI's, overall and per area. */
export function LayerComparison({
  self,
  tpi,
  shown,
  letters,
}: {
  self: LayerView;
  tpi: LayerView;
  shown: ScoreLayer;
  letters: Record<string, string>;
}) {
  const s = self.scorecard;
  const t = tpi.scorecard;
  // Next to a minimum, a value below it never reads as reaching it.
  const min = displayThresholds(getCatalogue(s.catalogueId));
  const tpiHasHasil = tpi.hasil.ipak !== null || tpi.hasil.ipkp !== null || tpi.hasil.capaianKinerja !== null;
  const head = (layer: ScoreLayer, view: LayerView) => (
    <Th className="text-right">
      {LAYER_LABELS[layer]}
      {shown === layer && <span className="ml-1 font-normal normal-case text-brand-700">(ditampilkan)</span>}
      <span className="block font-normal normal-case tracking-normal text-slate-500">
        {view.empty
          ? "belum ada jawaban"
          : `${view.scorecard.answeredCount} dari ${view.scorecard.questionCount} pertanyaan`}
      </span>
    </Th>
  );
  const tpiCell = (value: number, reviewed: boolean, thresholds: number[], weight?: number) =>
    tpi.empty || !reviewed ? (
      NOT_REVIEWED
    ) : (
      <>
        {formatScoreAgainst(value, thresholds)}
        {weight ? <span className="block text-xs text-slate-500">{formatPercent((value / weight) * 100)}</span> : null}
      </>
    );
  return (
    <Table data-testid="layer-comparison">
      <caption className="sr-only">Nilai penilaian mandiri dan penilaian TPI</caption>
      <thead>
        <tr>
          <Th>Komponen</Th>
          {head("SELF", self)}
          {head("TPI", tpi)}
        </tr>
      </thead>
      <tbody>
        <tr className="font-semibold">
          <Td>Nilai total</Td>
          <Td className="text-right tabular-nums" data-testid="self-total">
            {formatScoreAgainst(s.total, min.total)}
          </Td>
          <Td className="text-right tabular-nums" data-testid="tpi-total">
            {tpiCell(t.total, true, min.total)}
          </Td>
        </tr>
        <tr>
          <Td>Pengungkit</Td>
          <Td className="text-right tabular-nums">{formatScoreAgainst(s.pengungkit, min.pengungkit)}</Td>
          <Td className="text-right tabular-nums">{tpiCell(t.pengungkit, t.answeredCount > 0, min.pengungkit)}</Td>
        </tr>
        {s.areas.map((a, i) => {
          const ta = t.areas[i];
          return (
            <tr key={a.id} className="text-slate-600">
              <Td className="min-w-[9rem] pl-6">
                {letters[a.id]}. {a.name}
              </Td>
              <Td className="text-right tabular-nums">
                {formatScoreAgainst(a.score, min.areas[a.id])}{" "}
                <span className="block text-xs text-slate-500">{formatPercent(a.pct)}</span>
              </Td>
              <Td className="text-right tabular-nums">
                {tpiCell(ta.score, (tpi.answeredByArea[a.id] ?? 0) > 0, min.areas[a.id], ta.weight)}
              </Td>
            </tr>
          );
        })}
        <tr>
          <Td>Hasil</Td>
          <Td className="text-right tabular-nums">{formatScore(s.hasil)}</Td>
          <Td className="text-right tabular-nums">{tpiCell(t.hasil, tpiHasHasil, [])}</Td>
        </tr>
      </tbody>
    </Table>
  );
}
