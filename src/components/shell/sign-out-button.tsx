"use client";

import { signOut } from "next-auth/react";
import { LogOut } from "lucide-react";

export function SignOutButton() {
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: "/masuk" })}
      className="inline-flex h-9 items-center gap-2 rounded-md px-2 text-sm font-medium text-slate-700 hover:bg-slate-100 sm:px-3"
    >
      <LogOut className="h-4 w-4" aria-hidden />
      {/* On phones the icon alone is shown; the name stays for screen readers. */}
      <span className="sr-only sm:not-sr-only">Keluar</span>
    </button>
  );
}
