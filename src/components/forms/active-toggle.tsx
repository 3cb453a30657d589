"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/server/actions/define-action";

/** Deactivate / reactivate a record (a unit, an account), confirming before deactivation. */
export function ActiveToggle({
  id,
  active,
  action,
  labels,
}: {
  id: string;
  active: boolean;
  action: (input: { id: string; active: boolean }) => Promise<ActionResult<unknown>>;
  labels: { deactivate: string; activate: string; confirm: string };
}) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex flex-col items-end gap-1">
      <Button
        variant={active ? "danger" : "secondary"}
        disabled={pending}
        onClick={() => {
          if (active && !window.confirm(labels.confirm)) return;
          start(async () => {
            const result = await action({ id, active: !active });
            setError(result.ok ? null : result.error);
          });
        }}
      >
        {active ? labels.deactivate : labels.activate}
      </Button>
      {error && <p className="text-xs text-red-700">{error}</p>}
    </div>
  );
}
