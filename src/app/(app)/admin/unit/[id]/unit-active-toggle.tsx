"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { setUnitActiveAction } from "@/server/actions/units";

export function UnitActiveToggle({ id, active }: { id: string; active: boolean }) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex flex-col items-end gap-1">
      <Button
        variant={active ? "danger" : "secondary"}
        disabled={pending}
        onClick={() => {
          if (active && !window.confirm("Nonaktifkan unit ini? Unit nonaktif tidak tampil di daftar pilihan.")) return;
          start(async () => {
            const result = await setUnitActiveAction({ id, active: !active });
            setError(result.ok ? null : result.error);
          });
        }}
      >
        {active ? "Nonaktifkan unit" : "Aktifkan kembali"}
      </Button>
      {error && <p className="text-xs text-red-600">{error}</p>}
    </div>
  );
}
