import { Badge } from "@/components/ui/badge";
import { StatusBadge } from "@/components/dashboard/badges";
import { Table, Td, Th } from "@/components/ui/table";
import { cn } from "@/lib/cn";
import { yearFraction } from "@/domain/readiness";
import { STATUS_ORDER } from "@/domain/review";
import { STAGE_LABELS } from "@/domain/timeline";
import { formatDate } from "@/lib/format";
import type { PeriodeSchedule } from "@/server/queries/overview";
import type { TimelineRow } from "@/server/queries/timeline";

const STEPS = 5;

/** A tiny Jan–Dec track per unit: the Pembinaan window, the due date and today. */
function MiniTrack({ row, periode, today }: { row: TimelineRow; periode: PeriodeSchedule; today: string }) {
  const f = (iso: string) => `${(yearFraction(iso, periode.year) * 100).toFixed(2)}%`;
  const pembinaan = periode.windows.find((w) => w.stage === "PEMBINAAN");
  return (
    <div className="relative h-3 w-40 rounded-full bg-slate-100" aria-hidden>
      {pembinaan && (
        <div
          className="absolute inset-y-0 rounded-full bg-brand-100"
          style={{ left: f(pembinaan.start), right: `calc(100% - ${f(pembinaan.end)})` }}
        />
      )}
      {today.startsWith(`${periode.year}-`) && (
        <div className="absolute -inset-y-0.5 w-0.5 bg-red-600" style={{ left: f(today) }} />
      )}
      {row.due && (
        <div
          className={cn(
            "absolute top-1/2 h-2.5 w-2.5 -translate-x-1/2 -translate-y-1/2 rounded-full ring-2 ring-white",
            row.overdue ? "bg-red-600" : "bg-emerald-600",
          )}
          style={{ left: f(row.due.date) }}
        />
      )}
    </div>
  );
}

function ChainSteps({ row }: { row: TimelineRow }) {
  return (
    <div className="mt-1.5 flex gap-0.5" aria-label={`Langkah ${STATUS_ORDER[row.status]} dari ${STEPS}`} role="img">
      {Array.from({ length: STEPS }, (_, i) => (
        <span
          key={i}
          className={cn("h-1.5 w-5 rounded-full", i < STATUS_ORDER[row.status] ? "bg-brand-600" : "bg-slate-200")}
        />
      ))}
    </div>
  );
}

function DueText({ row, periode }: { row: TimelineRow; periode: PeriodeSchedule }) {
  if (!row.due) return <span className="text-slate-500">—</span>;
  const atStageEnd = row.dueStage && periode.windows.find((w) => w.stage === row.dueStage)?.end === row.due.date;
  return (
    <>
      <p className="whitespace-nowrap font-medium text-slate-800">{formatDate(row.due.date)}</p>
      <p className="text-xs text-slate-500">
        {row.due.label}
        {row.dueStage && ` · ${atStageEnd ? "akhir" : "dalam"} tahap ${STAGE_LABELS[row.dueStage]}`}
      </p>
    </>
  );
}

function Remark({ row }: { row: TimelineRow }) {
  if (row.overdue) {
    return (
      <Badge tone="red" data-testid="overdue">
        Terlambat {row.daysLate} hari
      </Badge>
    );
  }
  if (row.due) {
    return (
      <span className="whitespace-nowrap text-sm text-slate-700" data-testid="on-time">
        {row.daysLeft === 0 ? "Tenggat hari ini" : `Sisa ${row.daysLeft} hari`}
      </span>
    );
  }
  return <Badge tone="green">Selesai</Badge>;
}

/** Each unit's place in the review chain against the stage windows: status, due date, lateness. */
export function UnitChain({ rows, periode, today }: { rows: TimelineRow[]; periode: PeriodeSchedule; today: string }) {
  return (
    <>
      {/* Phones: one card per unit. */}
      <ul className="divide-y divide-slate-100 md:hidden" data-testid="unit-chain-list">
        {rows.map((r) => (
          <li
            key={r.assessmentId}
            className={cn("space-y-2 px-4 py-3", r.overdue && "bg-red-50/70")}
            data-testid="chain-card"
            data-unit={r.shortName}
            data-overdue={r.overdue}
          >
            <div className="flex items-start justify-between gap-3">
              <p className="font-medium text-slate-900">{r.name}</p>
              <Remark row={r} />
            </div>
            <div>
              <StatusBadge status={r.status} />
              <ChainSteps row={r} />
            </div>
            <div className="text-sm">
              <DueText row={r} periode={periode} />
            </div>
          </li>
        ))}
      </ul>
      <div className="hidden md:block">
        <p className="flex flex-wrap items-center gap-x-4 gap-y-1 px-5 pb-2 text-xs text-slate-500" aria-hidden>
          <span>Lajur Jan–Des:</span>
          <span className="inline-flex items-center gap-1.5">
            <span className="inline-block h-2 w-4 rounded-full bg-brand-100" /> tahap Pembinaan
          </span>
          <span className="inline-flex items-center gap-1.5">
            <span className="inline-block h-2.5 w-2.5 rounded-full bg-emerald-600" /> tenggat
          </span>
          <span className="inline-flex items-center gap-1.5">
            <span className="inline-block h-2.5 w-2.5 rounded-full bg-red-600" /> tenggat terlewat
          </span>
          <span className="inline-flex items-center gap-1.5">
            <span className="inline-block h-3 w-0.5 bg-red-600" /> hari ini
          </span>
        </p>
        <Table data-testid="unit-chain">
          <caption className="sr-only">Posisi LKE setiap unit dalam rantai reviu dan tenggatnya</caption>
          <thead>
            <tr>
              <Th>Unit</Th>
              <Th>Tahap reviu</Th>
              <Th>Tenggat</Th>
              <Th>
                <span className="sr-only">Posisi pada tahun</span>
              </Th>
              <Th>Keterangan</Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr
                key={r.assessmentId}
                className={r.overdue ? "bg-red-50/70" : undefined}
                data-testid="chain-row"
                data-unit={r.shortName}
                data-overdue={r.overdue}
              >
                <Td className="min-w-[14rem]">
                  <p className="font-medium text-slate-900">{r.name}</p>
                  <p className="text-xs text-slate-500">{r.shortName}</p>
                </Td>
                <Td>
                  <StatusBadge status={r.status} />
                  <ChainSteps row={r} />
                </Td>
                <Td>
                  <DueText row={r} periode={periode} />
                </Td>
                <Td className="align-middle">
                  <MiniTrack row={r} periode={periode} today={today} />
                </Td>
                <Td>
                  <Remark row={r} />
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </div>
    </>
  );
}
