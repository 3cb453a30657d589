import { formatDate, formatShortDate } from "@/lib/format";
import { cn } from "@/lib/cn";
import { daysBetween, yearFraction } from "@/domain/readiness";
import { STAGE_LABELS, STAGES, stageAt, type StageCode } from "@/domain/timeline";
import { ChartDataTable } from "@/components/charts/chart-data-table";
import type { PeriodeSchedule } from "@/server/queries/overview";

const STAGE_STYLE: Record<StageCode, { bar: string; swatch: string }> = {
  PENGUSULAN: { bar: "bg-sky-200 text-sky-900", swatch: "bg-sky-300" },
  PEMBINAAN: { bar: "bg-brand-200 text-brand-900", swatch: "bg-brand-500" },
  PENILAIAN: { bar: "bg-amber-200 text-amber-900", swatch: "bg-amber-400" },
  EVALUASI: { bar: "bg-violet-200 text-violet-900", swatch: "bg-violet-400" },
  PENETAPAN: { bar: "bg-emerald-200 text-emerald-900", swatch: "bg-emerald-500" },
};

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"];
const pct = (x: number) => `${(x * 100).toFixed(3)}%`;

function Marker({
  frac,
  label,
  side,
  tone,
  testId,
}: {
  frac: number;
  label: string;
  side: "top" | "bottom";
  tone: "today" | "deadline";
  testId: string;
}) {
  // Near either end the label hangs to the inside of its line, so it never leaves the band.
  const edge = frac < 0.2 ? "start" : frac > 0.8 ? "end" : "middle";
  return (
    <>
      <div
        className={cn(
          "pointer-events-none absolute z-10 w-0 border-l-2",
          tone === "today" ? "border-red-600" : "border-dashed border-slate-800",
          side === "top" ? "top-5 bottom-6" : "top-7 bottom-5",
        )}
        style={{ left: pct(frac) }}
        aria-hidden
      />
      <div
        className={cn(
          "absolute whitespace-nowrap text-[11px] font-semibold",
          tone === "today" ? "text-red-700" : "text-slate-800",
          side === "top" ? "top-0" : "bottom-0",
          edge === "middle" && "-translate-x-1/2",
        )}
        style={edge === "end" ? { right: pct(1 - frac) } : { left: pct(frac) }}
        data-testid={testId}
      >
        {label}
      </div>
    </>
  );
}

/**
 * The program year from January to December: the five stage windows as one band with the months as
 * ticks, today's marker and the PMPZI deadline. Works on the server; no chart library needed.
 */
export function TimelineBand({ periode, today }: { periode: PeriodeSchedule; today: string }) {
  const { year, windows } = periode;
  const days = daysBetween(`${year}-01-01`, `${year + 1}-01-01`);
  const start = (iso: string) => yearFraction(iso, year);
  const end = (iso: string) => Math.min(1, yearFraction(iso, year) + 1 / days);
  const inYear = today.startsWith(`${year}-`);
  const current = stageAt(windows, today);
  const deadlineFrac = start(periode.pmpziDeadline) + 0.5 / days;
  return (
    <figure data-testid="timeline-band">
      <div className="relative pb-5 pt-7" aria-hidden>
        {inYear && (
          <Marker
            frac={start(today) + 0.5 / days}
            label={`Hari ini · ${formatShortDate(today)}`}
            side="top"
            tone="today"
            testId="marker-today"
          />
        )}
        <div className="relative h-11 overflow-hidden rounded-md bg-slate-100 ring-1 ring-inset ring-slate-200">
          {windows.map((w) => (
            <div
              key={w.stage}
              className={cn(
                "absolute inset-y-0 flex items-center justify-center overflow-hidden border-r border-white px-1 text-xs font-semibold",
                STAGE_STYLE[w.stage].bar,
                current === w.stage && "ring-2 ring-inset ring-slate-900/60",
              )}
              style={{ left: pct(start(w.start)), width: pct(Math.max(0, end(w.end) - start(w.start))) }}
              title={`${STAGE_LABELS[w.stage]}: ${formatDate(w.start)} – ${formatDate(w.end)}`}
            >
              <span className="hidden truncate md:inline">{STAGE_LABELS[w.stage]}</span>
              <span className="md:hidden">{STAGES.indexOf(w.stage) + 1}</span>
            </div>
          ))}
        </div>
        <div className="relative h-6 text-[10px] text-slate-500 sm:text-[11px]">
          {MONTHS.map((m, i) => {
            const from = start(`${year}-${String(i + 1).padStart(2, "0")}-01`);
            const to = i === 11 ? 1 : start(`${year}-${String(i + 2).padStart(2, "0")}-01`);
            return (
              <div
                key={m}
                className="absolute top-0 flex h-full items-start justify-center border-l border-slate-300 pt-1"
                style={{ left: pct(from), width: pct(to - from) }}
              >
                {m}
              </div>
            );
          })}
        </div>
        <Marker
          frac={deadlineFrac}
          label={`Batas PMPZI · ${formatShortDate(periode.pmpziDeadline)}`}
          side="bottom"
          tone="deadline"
          testId="marker-pmpzi"
        />
      </div>
      <figcaption className="mt-3 grid gap-x-6 gap-y-1.5 text-xs text-slate-700 sm:grid-cols-2 lg:grid-cols-3">
        {windows.map((w) => (
          <span key={w.stage} className="inline-flex items-center gap-2">
            <span className={cn("inline-block h-3 w-3 shrink-0 rounded-sm", STAGE_STYLE[w.stage].swatch)} aria-hidden />
            <span>
              <span className="font-semibold">
                <span className="md:hidden">{STAGES.indexOf(w.stage) + 1}. </span>
                {STAGE_LABELS[w.stage]}
              </span>{" "}
              {formatShortDate(w.start)} – {formatShortDate(w.end)}
              {current === w.stage && <span className="ml-1 font-semibold text-red-700">(sedang berjalan)</span>}
            </span>
          </span>
        ))}
        {!inYear && (
          <span className="text-slate-500">
            Hari ini ({formatShortDate(today)}) di luar periode {year}.
          </span>
        )}
      </figcaption>
      <ChartDataTable
        caption={`Jadwal tahap periode ${year}`}
        columns={[{ label: "Tahap" }, { label: "Mulai" }, { label: "Selesai" }, { label: "Keterangan" }]}
        rows={[
          ...windows.map((w) => ({
            key: w.stage,
            cells: [
              STAGE_LABELS[w.stage],
              formatDate(w.start),
              formatDate(w.end),
              current === w.stage ? "Sedang berjalan" : today > w.end ? "Selesai" : "Belum dimulai",
            ],
          })),
          {
            key: "pmpzi",
            cells: [
              "Batas pengusulan PMPZI",
              formatDate(periode.pmpziDeadline),
              "—",
              today > periode.pmpziDeadline ? "Sudah lewat" : "Belum lewat",
            ],
          },
          {
            key: "today",
            cells: [
              "Hari ini",
              formatDate(today),
              "—",
              current ? `Tahap ${STAGE_LABELS[current]}` : "Di luar jadwal tahap",
            ],
          },
        ]}
      />
    </figure>
  );
}
