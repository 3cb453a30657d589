"use client";

import { awaitsReview } from "@/domain/review";
import { useState, useTransition } from "react";
import { CheckCheck } from "lucide-react";
import { Button } from "@/components/ui/button";
import { ErrorText } from "@/components/ui/form";
import { acceptRemainingAction } from "@/server/actions/lke-review";
import { useWorkspace } from "./assessment-workspace";

/** For the TPI: accept every answered question of this area that is still waiting for review. */
export function AcceptRemaining({ areaId, areaName }: { areaId: string; areaName: string }) {
  const { view } = useWorkspace();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const waiting = Object.values(view.answers).filter(
    (x) => x.self.value !== null && awaitsReview(x.self.reviewStatus),
  ).length;
  if (waiting === 0) return null;
  return (
    <div className="no-print flex flex-wrap items-center justify-between gap-3 rounded-md border border-violet-200 bg-violet-50 px-4 py-3 text-sm">
      <p>
        <strong>{waiting}</strong> jawaban di area {areaName} belum direviu.
      </p>
      <Button
        size="sm"
        variant="secondary"
        disabled={pending}
        onClick={() => {
          if (!window.confirm(`Terima ${waiting} jawaban unit di area ${areaName} apa adanya?`)) return;
          setError(null);
          start(async () => {
            const result = await acceptRemainingAction({ assessmentId: view.id, areaId });
            if (!result.ok) setError(result.error);
            // Every card of the area changed: reload them from the server.
            else window.location.reload();
          });
        }}
      >
        <CheckCheck className="h-4 w-4" aria-hidden /> Terima semua yang belum direviu
      </Button>
      <ErrorText message={error} className="w-full" />
    </div>
  );
}
