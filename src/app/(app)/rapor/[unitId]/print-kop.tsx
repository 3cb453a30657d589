"use client";

import { useEffect, useState } from "react";

const stamp = () =>
  new Intl.DateTimeFormat("id-ID", { dateStyle: "long", timeStyle: "short", timeZone: "Asia/Jakarta" }).format(
    new Date(),
  );

/**
 * The letterhead of the printed rapor (hidden on screen): the instansi, the unit and year, and when it was
 * printed. The time is taken when the browser prints, not when the page was loaded.
 */
export function PrintKop({ instansi, title }: { instansi: string; title: string }) {
  const [printedAt, setPrintedAt] = useState<string | null>(null);
  useEffect(() => {
    const update = () => setPrintedAt(stamp());
    update();
    window.addEventListener("beforeprint", update);
    return () => window.removeEventListener("beforeprint", update);
  }, []);
  return (
    <div className="hidden border-b-2 border-slate-900 pb-2 print:block" data-testid="print-kop">
      <p className="text-base font-semibold uppercase tracking-wide text-slate-900">{instansi}</p>
      <p className="text-sm text-slate-800">{title}</p>
      <p className="text-xs text-slate-700" data-testid="print-date">
        Dicetak {printedAt ?? ""}
      </p>
    </div>
  );
}
