"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { ErrorText, Select } from "@/components/ui/form";
import { RENCANA_AKSI_STATUS_LABELS, RENCANA_AKSI_STATUSES, type RencanaAksiStatus } from "@/domain/monev";
import { setRencanaAksiStatusAction } from "@/server/actions/rencana-aksi";

/** The monthly update: change an item's status straight from the list. */
export function StatusSelect({ id, status, activity }: { id: string; status: RencanaAksiStatus; activity: string }) {
  const router = useRouter();
  const [value, setValue] = useState(status);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function change(next: RencanaAksiStatus) {
    const previous = value;
    setValue(next);
    setError(null);
    startTransition(async () => {
      const result = await setRencanaAksiStatusAction({ id, status: next });
      if (!result.ok) {
        setValue(previous);
        setError(result.error);
        return;
      }
      router.refresh();
    });
  }

  return (
    <div className="min-w-36 space-y-1">
      <Select
        aria-label={`Status: ${activity}`}
        value={value}
        disabled={pending}
        onChange={(e) => change(e.target.value as RencanaAksiStatus)}
        className="h-8 py-1"
      >
        {RENCANA_AKSI_STATUSES.map((s) => (
          <option key={s} value={s}>
            {RENCANA_AKSI_STATUS_LABELS[s]}
          </option>
        ))}
      </Select>
      <ErrorText message={error} />
    </div>
  );
}
