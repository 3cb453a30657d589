import { CheckCircle2, XCircle } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { Verdict } from "@/domain/scoring/types";

/** One predicate's verdict with the engine's own words for every unmet condition. */
export function VerdictCard({ verdict }: { verdict: Verdict }) {
  const p = verdict.predicate;
  return (
    <Card
      className="print:break-inside-avoid print:shadow-none"
      data-testid={`verdict-${p}`}
      data-eligible={verdict.eligible}
    >
      <CardHeader
        title={`Kesiapan ${p}`}
        actions={
          verdict.eligible ? <Badge tone="green">Memenuhi syarat</Badge> : <Badge tone="amber">Belum memenuhi</Badge>
        }
      />
      <CardBody className="space-y-3 text-sm">
        {verdict.eligible ? (
          <p className="flex items-start gap-2 text-emerald-800">
            <CheckCircle2 className="mt-0.5 h-4 w-4 shrink-0" aria-hidden /> Semua syarat {p} terpenuhi.
          </p>
        ) : (
          <div>
            <p className="mb-1.5 font-medium text-slate-700">{verdict.unmet.length} syarat belum terpenuhi:</p>
            <ul className="space-y-1.5">
              {verdict.unmet.map((u) => (
                <li key={u.code} className="flex items-start gap-2 text-slate-800" data-testid="unmet-condition">
                  <XCircle className="mt-0.5 h-4 w-4 shrink-0 text-red-600" aria-hidden />
                  <span>{u.label}</span>
                </li>
              ))}
            </ul>
          </div>
        )}
        {verdict.warnings.length > 0 && (
          <div className="rounded-md bg-amber-50 px-3 py-2 text-xs text-amber-900">
            <p className="font-semibold">Perlu diperhatikan</p>
            <ul className="mt-1 list-disc space-y-1 pl-4">
              {verdict.warnings.map((w) => (
                <li key={w.code}>{w.label}</li>
              ))}
            </ul>
          </div>
        )}
      </CardBody>
    </Card>
  );
}
