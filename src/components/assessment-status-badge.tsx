import { Badge, type BadgeTone } from "@/components/ui/badge";
import { REVIEW_STATUS_LABELS, STATUS_LABELS, type AssessmentStatus, type ReviewStatus } from "@/domain/review";

const STATUS_TONES: Record<AssessmentStatus, BadgeTone> = {
  DRAFT: "slate",
  SUBMITTED: "blue",
  IN_REVIEW: "violet",
  RETURNED: "amber",
  FINALIZED: "blue",
  APPROVED: "green",
};

export function AssessmentStatusBadge({ status }: { status: AssessmentStatus }) {
  return <Badge tone={STATUS_TONES[status]}>{STATUS_LABELS[status]}</Badge>;
}

const REVIEW_TONES: Record<ReviewStatus, BadgeTone> = {
  PENDING: "slate",
  ACCEPTED: "green",
  CHANGED: "violet",
  RETURNED: "red",
  REVISED: "amber",
};

export function ReviewStatusBadge({ status }: { status: ReviewStatus }) {
  return <Badge tone={REVIEW_TONES[status]}>{REVIEW_STATUS_LABELS[status]}</Badge>;
}
