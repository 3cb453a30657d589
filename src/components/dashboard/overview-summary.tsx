import Link from "next/link";
import type { ReactNode } from "react";
import { AlertTriangle, Award, CheckCircle2, ClipboardList } from "lucide-react";
import { cn } from "@/lib/cn";
import type { OverviewSummary } from "@/server/queries/overview";

function SummaryCard({
  label,
  value,
  hint,
  icon,
  tone,
  href,
  testId,
}: {
  label: string;
  value: number;
  hint: ReactNode;
  icon: ReactNode;
  tone: string;
  href?: string;
  testId: string;
}) {
  const body = (
    <>
      <div className="flex items-center justify-between gap-2">
        <p className="text-sm font-medium text-slate-600">{label}</p>
        <span className={cn("rounded-md p-1.5", tone)} aria-hidden>
          {icon}
        </span>
      </div>
      <p className="mt-2 text-3xl font-semibold tabular-nums text-slate-900" data-testid={testId}>
        {value}
      </p>
      <p className="mt-1 text-xs text-slate-500">{hint}</p>
    </>
  );
  const cls =
    "block rounded-lg border border-slate-200 bg-white p-4 shadow-sm print:break-inside-avoid print:shadow-none";
  return href ? (
    <Link href={href} className={cn(cls, "transition-colors hover:border-brand-300 hover:bg-brand-50/40")}>
      {body}
    </Link>
  ) : (
    <div className={cls}>{body}</div>
  );
}

/** The four numbers of the instansi overview; each links to the overview filtered to those units. */
export function OverviewSummaryCards({ summary, linked = true }: { summary: OverviewSummary; linked?: boolean }) {
  return (
    <div className="grid grid-cols-2 gap-3 lg:grid-cols-4" data-testid="overview-summary">
      <SummaryCard
        label="Unit diusulkan"
        value={summary.proposed}
        hint="memiliki LKE periode ini"
        icon={<ClipboardList className="h-4 w-4" />}
        tone="bg-brand-50 text-brand-700"
        href={linked ? "/ikhtisar" : undefined}
        testId="summary-proposed"
      />
      <SummaryCard
        label="Siap WBK"
        value={summary.readyWbk}
        hint="memenuhi semua syarat WBK"
        icon={<CheckCircle2 className="h-4 w-4" />}
        tone="bg-emerald-50 text-emerald-700"
        href={linked ? "/ikhtisar?kesiapan=WBK" : undefined}
        testId="summary-ready-wbk"
      />
      <SummaryCard
        label="Siap WBBM"
        value={summary.readyWbbm}
        hint="memenuhi semua syarat WBBM"
        icon={<Award className="h-4 w-4" />}
        tone="bg-violet-50 text-violet-700"
        href={linked ? "/ikhtisar?kesiapan=WBBM" : undefined}
        testId="summary-ready-wbbm"
      />
      <SummaryCard
        label="Terlambat"
        value={summary.overdue}
        hint="melewati tenggat tahapnya"
        icon={<AlertTriangle className="h-4 w-4" />}
        tone={summary.overdue > 0 ? "bg-red-50 text-red-700" : "bg-slate-100 text-slate-600"}
        href={linked ? "/linimasa" : undefined}
        testId="summary-overdue"
      />
    </div>
  );
}
