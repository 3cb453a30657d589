import type { Catalogue } from "@/domain/catalogue/types";
import { STATUS_LABELS } from "@/domain/review";
import { formatScoreAgainst } from "@/domain/scoring/format";
import { displayThresholds } from "@/domain/scoring/score";
import { formatDateTime } from "@/lib/format";
import { UNIT_TYPE_LABELS } from "@/server/actions/units.validation";
import type { Overview } from "@/server/queries/overview";
import type { OverviewTableRow } from "./overview-table";

/** The overview's units as the table shows them; `raporHref` says where a unit's name leads, if anywhere. */
export function overviewTableRows(
  overview: Overview,
  catalogue: Catalogue,
  raporHref: (unitId: string) => string | null,
): OverviewTableRow[] {
  const min = displayThresholds(catalogue);
  return overview.rows.map((r) => ({
    unitId: r.unitId,
    raporHref: raporHref(r.unitId),
    name: r.name,
    shortName: r.shortName,
    type: r.type,
    typeLabel: UNIT_TYPE_LABELS[r.type],
    status: r.assessment?.status ?? null,
    statusLabel: r.assessment ? STATUS_LABELS[r.assessment.status] : "Tanpa LKE",
    layer: r.assessment?.layer ?? null,
    total: r.assessment?.total ?? null,
    totalText: r.assessment ? formatScoreAgainst(r.assessment.total, min.total) : "",
    pengungkit: r.assessment?.pengungkit ?? null,
    pengungkitText: r.assessment ? formatScoreAgainst(r.assessment.pengungkit, min.pengungkit) : "",
    hasil: r.assessment?.hasil ?? null,
    readiness: r.assessment?.readiness ?? null,
    wbkEligible: r.assessment?.wbkEligible ?? false,
    wbbmEligible: r.assessment?.wbbmEligible ?? false,
    evidencePct: r.assessment ? r.assessment.evidencePct : null,
    evidenceLabel: r.assessment ? `${r.assessment.evidenceCount}/${r.assessment.questionCount}` : "",
    overdue: r.assessment?.overdue ?? false,
    lastActivity: r.assessment ? r.assessment.lastActivityAt.toISOString() : null,
    lastActivityLabel: r.assessment ? formatDateTime(r.assessment.lastActivityAt) : "—",
  }));
}
