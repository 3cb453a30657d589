import { formatPercent } from "@/domain/scoring/format";
import type { AreaEvidence } from "@/server/queries/scorecard";

const share = (e: AreaEvidence) => (e.questionCount > 0 ? (e.withEvidence / e.questionCount) * 100 : 0);

/** Questions with at least one evidence file, overall and per area (numbers shown, so no extra table). */
export function EvidenceCompleteness({
  total,
  areas,
  names,
}: {
  total: AreaEvidence;
  areas: AreaEvidence[];
  names: Record<string, string>;
}) {
  return (
    <div className="space-y-4">
      <div data-testid="evidence-total">
        <p className="text-sm text-slate-600">
          <span className="text-2xl font-semibold tabular-nums text-slate-900">
            {formatPercent(Math.round(share(total)))}
          </span>{" "}
          <span className="tabular-nums">
            ({total.withEvidence} dari {total.questionCount} pertanyaan memiliki bukti dukung)
          </span>
        </p>
      </div>
      <ul className="space-y-2.5">
        {areas.map((a) => {
          const p = share(a);
          return (
            <li key={a.areaId} data-testid="evidence-area">
              <div className="flex items-baseline justify-between gap-3 text-sm">
                <span className="min-w-0 truncate text-slate-700">{names[a.areaId] ?? a.areaId}</span>
                <span className="shrink-0 tabular-nums text-slate-600">
                  {a.withEvidence}/{a.questionCount} · {formatPercent(Math.round(p))}
                </span>
              </div>
              <div className="mt-1 h-2 overflow-hidden rounded-full bg-slate-100" aria-hidden>
                <div
                  className={
                    p >= 100 ? "h-full bg-emerald-500" : p >= 60 ? "h-full bg-brand-500" : "h-full bg-amber-500"
                  }
                  style={{ width: `${p}%` }}
                />
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
