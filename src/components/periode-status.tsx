import { Badge } from "@/components/ui/badge";

export const PERIODE_STATUS_LABELS = { PERSIAPAN: "Persiapan", BERJALAN: "Berjalan", DITUTUP: "Ditutup" } as const;

export function PeriodeStatusBadge({ status }: { status: keyof typeof PERIODE_STATUS_LABELS }) {
  return <Badge tone={status === "BERJALAN" ? "green" : status === "PERSIAPAN" ? "amber" : "slate"}>{PERIODE_STATUS_LABELS[status]}</Badge>;
}
