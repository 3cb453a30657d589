import type { ReactNode } from "react";
import { AlertTriangle, CheckCircle2, Info, XCircle } from "lucide-react";
import { cn } from "@/lib/cn";

const TONES = {
  info: ["border-brand-200 bg-brand-50 text-brand-900", Info],
  success: ["border-emerald-200 bg-emerald-50 text-emerald-900", CheckCircle2],
  warning: ["border-amber-200 bg-amber-50 text-amber-900", AlertTriangle],
  error: ["border-red-200 bg-red-50 text-red-800", XCircle],
} as const;

export function Alert({
  tone = "info",
  title,
  children,
  className,
}: {
  tone?: keyof typeof TONES;
  title?: ReactNode;
  children?: ReactNode;
  className?: string;
}) {
  const [classes, Icon] = TONES[tone];
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={cn("flex gap-3 rounded-md border px-4 py-3 text-sm", classes, className)}
    >
      <Icon className="mt-0.5 h-4 w-4 shrink-0" aria-hidden />
      <div className="min-w-0 space-y-1">
        {title && <p className="font-semibold">{title}</p>}
        {children && <div>{children}</div>}
      </div>
    </div>
  );
}
