import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/lib/cn";

const control =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm placeholder:text-slate-400 focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/60 disabled:bg-slate-100 aria-[invalid=true]:border-red-500";

export function Input({ className, ...props }: ComponentProps<"input">) {
  return <input className={cn(control, "h-10", className)} {...props} />;
}

export function Textarea({ className, ...props }: ComponentProps<"textarea">) {
  return <textarea className={cn(control, "min-h-20", className)} {...props} />;
}

export function Select({ className, ...props }: ComponentProps<"select">) {
  return <select className={cn(control, "h-10 pr-8", className)} {...props} />;
}

export function Field({
  label,
  htmlFor,
  error,
  hint,
  children,
  className,
}: {
  label: ReactNode;
  htmlFor?: string;
  error?: string;
  hint?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div className={cn("space-y-1", className)}>
      <label htmlFor={htmlFor} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {children}
      {hint && !error && <p className="text-xs text-slate-500">{hint}</p>}
      <ErrorText message={error} />
    </div>
  );
}

export function Checkbox({ label, className, ...props }: ComponentProps<"input"> & { label: ReactNode }) {
  return (
    <label className={cn("flex items-start gap-2 text-sm text-slate-700", className)}>
      <input
        type="checkbox"
        className="mt-0.5 h-4 w-4 shrink-0 rounded border-slate-300 text-brand-700 focus:ring-brand-500"
        {...props}
      />
      <span>{label}</span>
    </label>
  );
}

/** A list of checkboxes bound to an array of values. */
export function CheckboxGroup<T extends string>({
  options,
  value,
  onChange,
  className,
}: {
  options: readonly { value: T; label: ReactNode }[];
  value: readonly T[] | undefined;
  onChange: (next: T[]) => void;
  className?: string;
}) {
  const selected = value ?? [];
  return (
    <div className={className ?? "space-y-2"}>
      {options.map((o) => (
        <Checkbox
          key={o.value}
          label={o.label}
          checked={selected.includes(o.value)}
          onChange={(e) => onChange(e.target.checked ? [...selected, o.value] : selected.filter((x) => x !== o.value))}
        />
      ))}
    </div>
  );
}

/**
 * The error line under a control or a group of controls; nothing when there is no message. A span,
 * so it may also sit inside a <label>.
 */
export function ErrorText({ message, className }: { message?: string | null; className?: string }) {
  if (!message) return null;
  return (
    <span className={cn("block text-xs font-medium text-red-700", className)} role="alert">
      {message}
    </span>
  );
}
