import type { ComponentProps } from "react";
import { cn } from "@/lib/cn";

/**
 * A table that scrolls sideways on narrow screens instead of squashing its columns. The scrolling
 * wrapper takes the focus so that keyboard users can scroll it too (axe: scrollable-region-focusable).
 */
export function Table({ className, ...props }: ComponentProps<"table">) {
  return (
    <div
      className="relative overflow-x-auto"
      role="region"
      aria-label={props["aria-label"] ?? "Tabel, dapat digeser ke samping"}
      tabIndex={0}
    >
      <table className={cn("w-full border-collapse text-left text-sm", className)} {...props} />
    </div>
  );
}

export function Th({ className, ...props }: ComponentProps<"th">) {
  return (
    <th
      scope="col"
      className={cn(
        "border-b border-slate-200 bg-slate-50 px-3 py-2 text-xs font-semibold uppercase tracking-wide text-slate-600",
        className,
      )}
      {...props}
    />
  );
}

export function Td({ className, ...props }: ComponentProps<"td">) {
  return <td className={cn("border-b border-slate-100 px-3 py-2 align-top", className)} {...props} />;
}
