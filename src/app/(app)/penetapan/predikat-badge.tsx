import { Badge } from "@/components/ui/badge";
import type { Predikat } from "@/domain/penetapan";

export function PredikatBadge({ result, title }: { result: Predikat; title?: string }) {
  if (result === "WBBM")
    return (
      <Badge tone="violet" title={title}>
        WBBM
      </Badge>
    );
  if (result === "WBK")
    return (
      <Badge tone="green" title={title}>
        WBK
      </Badge>
    );
  return <Badge title={title}>Tidak</Badge>;
}
