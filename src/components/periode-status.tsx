import { Badge } from "@/components/ui/badge";

export const PERIODE_STATUS_LABELS = { PERSIAPAN: "Persiapan", BERJALAN: "Berjalan", DITUTUP: "Ditutup" } as const;

const TONES = { PERSIAPAN: "amber", BERJALAN: "green", DITUTUP: "slate" } as const;

export function PeriodeStatusBadge({ status }: { status: keyof typeof PERIODE_STATUS_LABELS }) {
  return <Badge tone={TONES[status]}>{PERIODE_STATUS_LABELS[status]}</Badge>;
}
