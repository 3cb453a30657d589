import Link from "next/link";
import { ShieldCheck } from "lucide-react";

/** Public pages (no sign-in): a plain frame, phone first. */
export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="min-h-screen bg-slate-50 text-slate-900">
      <header className="bg-brand-800 px-4 py-3 text-white">
        <div className="mx-auto flex max-w-3xl items-center gap-2">
          <ShieldCheck className="h-6 w-6 text-emerald-300" aria-hidden />
          <p className="font-semibold">Zona Integritas · Layanan Publik</p>
        </div>
      </header>
      <main className="mx-auto max-w-3xl px-4 py-6">{children}</main>
      <footer className="mx-auto max-w-3xl px-4 pb-8 text-sm text-slate-700">
        <Link href="/publik/lacak" className="font-medium text-brand-800 underline">
          Lacak pengaduan dengan kode
        </Link>
      </footer>
    </div>
  );
}
