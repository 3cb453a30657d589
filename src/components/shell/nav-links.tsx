"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import {
  Award,
  BarChart3,
  Building2,
  CalendarRange,
  ClipboardCheck,
  Flag,
  History,
  Home,
  Settings,
  Users,
} from "lucide-react";
import type { NavItem } from "./nav";
import { cn } from "@/lib/cn";

const ICONS = {
  home: Home,
  clipboard: ClipboardCheck,
  chart: BarChart3,
  flag: Flag,
  calendar: CalendarRange,
  award: Award,
  building: Building2,
  users: Users,
  cog: Settings,
  history: History,
};

export function NavLinks({ items, onNavigate }: { items: NavItem[]; onNavigate?: () => void }) {
  const pathname = usePathname();
  const groups = [undefined, "Administrasi"] as const;
  return (
    <nav aria-label="Navigasi utama" className="space-y-6">
      {groups.map((group) => {
        const list = items.filter((i) => i.group === group);
        if (!list.length) return null;
        return (
          <div key={group ?? "main"}>
            {group && (
              <p className="mb-2 px-3 text-xs font-semibold uppercase tracking-wide text-brand-200/80">{group}</p>
            )}
            <ul className="space-y-1">
              {list.map((item) => {
                const Icon = ICONS[item.icon];
                const active = item.href === "/" ? pathname === "/" : pathname.startsWith(item.href);
                return (
                  <li key={item.href}>
                    <Link
                      href={item.href}
                      onClick={onNavigate}
                      aria-current={active ? "page" : undefined}
                      className={cn(
                        "flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium transition-colors focus-visible:outline-white",
                        active ? "bg-white/15 text-white" : "text-brand-100 hover:bg-white/10 hover:text-white",
                      )}
                    >
                      <Icon className="h-4 w-4 shrink-0" aria-hidden />
                      {item.label}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
    </nav>
  );
}
