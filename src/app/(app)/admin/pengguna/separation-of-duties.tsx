"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { ErrorText } from "@/components/ui/form";
import { setSeparationOfDutiesAction } from "@/server/actions/instansi";

/** The instansi's separation-of-duties setting, with what it means. */
export function SeparationOfDuties({ enabled }: { enabled: boolean }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <section
      aria-labelledby="sod-title"
      className="mb-4 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm"
      data-testid="separation-of-duties"
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="max-w-3xl space-y-1">
          <h2 id="sod-title" className="font-semibold text-slate-900">
            Pemisahan tugas: {enabled ? "aktif" : "tidak aktif"}
          </h2>
          <p className="text-slate-700">
            Bila aktif: tidak ada yang memegang peran OPD dan TPI untuk unit yang sama; admin tidak dapat mengubah
            perannya sendiri; yang ikut mengisi jawaban unit tidak dapat mereviu, memfinalkan, atau menyetujui LKE itu;
            TPI yang memfinalkan tidak dapat menyetujuinya.
          </p>
        </div>
        <Button
          variant={enabled ? "danger" : "secondary"}
          disabled={pending}
          onClick={() =>
            start(async () => {
              const result = await setSeparationOfDutiesAction({ enabled: !enabled });
              setError(result.ok ? null : result.error);
              if (result.ok) router.refresh();
            })
          }
        >
          {enabled ? "Nonaktifkan pemisahan tugas" : "Aktifkan pemisahan tugas"}
        </Button>
      </div>
      <ErrorText message={error} />
    </section>
  );
}
