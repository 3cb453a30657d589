import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ShieldCheck } from "lucide-react";
import { safeCallbackPath as safeCallback } from "@/lib/safe-callback";
import { getCurrentUser } from "@/server/auth/current-user";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Masuk" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; sesi?: string; error?: string }>;
}) {
  const params = await searchParams;
  if (await getCurrentUser()) redirect(safeCallback(params.callbackUrl));
  return (
    <div className="flex min-h-screen items-center justify-center bg-gradient-to-br from-brand-900 via-brand-800 to-brand-700 px-4 py-10">
      <div className="w-full max-w-md">
        <div className="mb-6 flex items-center justify-center gap-3 text-white">
          <ShieldCheck className="h-10 w-10 text-emerald-300" aria-hidden />
          <div>
            <p className="text-xl font-semibold leading-tight">Zona Integritas</p>
            <p className="text-sm text-brand-100">Menuju WBK dan WBBM</p>
          </div>
        </div>
        <div className="rounded-xl bg-white p-6 shadow-xl sm:p-8">
          <h1 className="text-lg font-semibold text-slate-900">Masuk ke aplikasi</h1>
          <p className="mb-6 mt-1 text-sm text-slate-500">Gunakan NIP atau email dinas dan kata sandi Anda.</p>
          <SignInForm callbackUrl={safeCallback(params.callbackUrl)} sessionEnded={params.sesi === "berakhir"} />
        </div>
        <p className="mt-6 text-center text-xs text-brand-100">Lupa kata sandi? Hubungi admin Bagian Organisasi.</p>
      </div>
    </div>
  );
}
