"use client";

import { useTransition } from "react";
import { setActiveYearAction } from "@/server/actions/preferences";

export function YearSwitcher({ years, active }: { years: number[]; active: number | null }) {
  const [pending, start] = useTransition();
  if (!years.length) return <span className="text-sm text-slate-500">Belum ada periode</span>;
  return (
    <label className="flex items-center gap-2 text-sm text-slate-600">
      <span className="hidden sm:inline">Tahun</span>
      <select
        aria-label="Tahun periode aktif"
        className="h-9 rounded-md border border-slate-300 bg-white px-2 text-sm font-medium text-slate-900"
        value={active ?? ""}
        disabled={pending}
        onChange={(e) => start(async () => void (await setActiveYearAction({ year: Number(e.target.value) })))}
      >
        {years.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
    </label>
  );
}
