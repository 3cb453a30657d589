import { Badge } from "@/components/ui/badge";
import { RENCANA_AKSI_STATUS_LABELS, type RencanaAksiStatus } from "@/domain/monev";

const TONES = { BELUM: "slate", PROSES: "blue", SELESAI: "green" } as const;

export function RencanaAksiStatusBadge({ status }: { status: RencanaAksiStatus }) {
  return <Badge tone={TONES[status]}>{RENCANA_AKSI_STATUS_LABELS[status]}</Badge>;
}
