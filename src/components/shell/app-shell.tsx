import type { ReactNode } from "react";
import Link from "next/link";
import { KeyRound, ShieldCheck } from "lucide-react";
import { ROLE_LABELS } from "@/domain/roles";
import type { CurrentUser } from "@/server/auth/current-user";
import { can } from "@/server/authz";
import { MobileNav } from "./mobile-nav";
import { NAV_ITEMS } from "./nav";
import { NavLinks } from "./nav-links";
import { NotificationBell } from "./notification-bell";
import { SignOutButton } from "./sign-out-button";
import { YearSwitcher } from "./year-switcher";

export function AppShell({
  user,
  years,
  activeYear,
  children,
}: {
  user: CurrentUser;
  years: number[];
  activeYear: number | null;
  children: ReactNode;
}) {
  const items = NAV_ITEMS.filter((i) => !i.permission || can(user, i.permission));
  return (
    <div className="min-h-screen lg:pl-64 print:pl-0">
      <a
        href="#konten-utama"
        className="no-print sr-only focus:not-sr-only focus:fixed focus:left-3 focus:top-3 focus:z-50 focus:rounded-md focus:bg-white focus:px-4 focus:py-2 focus:text-sm focus:font-semibold focus:text-brand-800 focus:shadow-lg"
      >
        Lewati ke konten utama
      </a>
      <aside className="no-print fixed inset-y-0 left-0 hidden w-64 flex-col bg-brand-900 px-4 py-5 lg:flex">
        <div className="mb-8 flex items-center gap-2 px-2 text-white">
          <ShieldCheck className="h-7 w-7 text-emerald-300" aria-hidden />
          <div>
            <p className="font-semibold leading-tight">Zona Integritas</p>
            <p className="text-xs text-brand-200">{user.instansiName}</p>
          </div>
        </div>
        <NavLinks items={items} />
      </aside>
      <header className="no-print sticky top-0 z-30 flex h-16 items-center gap-3 border-b border-slate-200 bg-white/95 px-3 backdrop-blur sm:px-6">
        <MobileNav items={items} />
        <div className="min-w-0 flex-1">
          <p className="truncate text-sm font-semibold text-slate-900" data-testid="header-user">
            {user.name}
          </p>
          <p className="truncate text-xs text-slate-500" data-testid="header-role">
            {user.roles.map((r) => ROLE_LABELS[r]).join(", ")}
            {user.unit && <span> · {user.unit.shortName}</span>}
          </p>
        </div>
        <YearSwitcher years={years} active={activeYear} />
        <Link
          href="/kata-sandi"
          className="inline-flex h-9 items-center gap-2 rounded-md px-2 text-sm font-medium text-slate-700 hover:bg-slate-100 sm:px-3"
        >
          <KeyRound className="h-4 w-4" aria-hidden />
          <span className="hidden sm:inline">Kata sandi</span>
          <span className="sr-only sm:hidden">Ganti kata sandi</span>
        </Link>
        <NotificationBell userId={user.id} />
        <SignOutButton />
      </header>
      <main
        id="konten-utama"
        tabIndex={-1}
        className="mx-auto max-w-7xl px-3 py-6 outline-none sm:px-6 lg:px-8 print:max-w-none print:p-0"
      >
        {children}
      </main>
    </div>
  );
}
