import { Badge, type BadgeTone } from "@/components/ui/badge";
import { LAYER_LABELS, READINESS_LABELS, type Readiness, type ScoreLayer } from "@/domain/readiness";
import { STATUS_LABELS, type AssessmentStatus } from "@/domain/review";

const READINESS_TONE: Record<Readiness, BadgeTone> = { WBBM: "violet", WBK: "green", BELUM: "amber" };
const STATUS_TONE: Record<AssessmentStatus, BadgeTone> = {
  DRAFT: "slate",
  SUBMITTED: "blue",
  IN_REVIEW: "blue",
  RETURNED: "amber",
  FINALIZED: "violet",
  APPROVED: "green",
};

export function ReadinessBadge({ readiness }: { readiness: Readiness }) {
  return <Badge tone={READINESS_TONE[readiness]}>{READINESS_LABELS[readiness]}</Badge>;
}

export function StatusBadge({ status }: { status: AssessmentStatus }) {
  return <Badge tone={STATUS_TONE[status]}>{STATUS_LABELS[status]}</Badge>;
}

export function LayerBadge({ layer }: { layer: ScoreLayer }) {
  return (
    <Badge
      tone={layer === "TPI" ? "blue" : "slate"}
      title={layer === "TPI" ? "Nilai hasil reviu TPI (LKE sudah final)" : "Nilai dari jawaban unit sendiri"}
    >
      {LAYER_LABELS[layer]}
    </Badge>
  );
}
