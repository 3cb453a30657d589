import { formatIndex } from "@/domain/scoring/format";
import type { SurveyIndex } from "@/domain/survey/index";
import { SURVEY_KIND_LABELS, type SurveyKindCode } from "@/domain/survey/instruments";

const fmt = (n: number | null | undefined) => (n === null || n === undefined ? "—" : formatIndex(n));

/** n, the index on the answer scale and on 0–4, the 95 % interval and the minimum-respondents warning. */
export function KindSummary({
  kind,
  result,
  scale,
}: {
  kind: SurveyKindCode;
  result: SurveyIndex;
  scale: readonly [number, number];
}) {
  const label = SURVEY_KIND_LABELS[kind];
  return (
    <div className="rounded-lg border border-slate-200 p-3" data-testid={`summary-${kind}`}>
      <p className="text-sm font-semibold text-slate-900">
        {label.short} <span className="font-normal text-slate-600">· {label.name}</span>
      </p>
      <dl className="mt-2 grid grid-cols-2 gap-x-3 gap-y-1 text-sm">
        <dt className="text-slate-600">Responden (n)</dt>
        <dd className="tabular-nums" data-testid={`n-${kind}`}>
          {result.n}
        </dd>
        <dt className="text-slate-600">
          Indeks (skala {scale[0]}–{scale[1]})
        </dt>
        <dd className="tabular-nums">{fmt(result.index)}</dd>
        <dt className="text-slate-600">Nilai untuk LKE (0–4)</dt>
        <dd className="font-semibold tabular-nums" data-testid={`lke-${kind}`}>
          {fmt(result.lkeIndex)}
        </dd>
        <dt className="text-slate-600">Interval 95%</dt>
        <dd className="tabular-nums">
          {result.lkeInterval ? `${fmt(result.lkeInterval.low)} – ${fmt(result.lkeInterval.high)}` : "—"}
        </dd>
      </dl>
      {result.belowMinimum && (
        <p className="mt-2 rounded bg-amber-50 px-2 py-1 text-xs text-amber-900" data-testid={`warning-${kind}`}>
          Di bawah minimal {result.minRespondents} responden — hasil belum dapat diandalkan.
        </p>
      )}
    </div>
  );
}
