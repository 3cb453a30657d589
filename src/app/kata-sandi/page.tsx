import type { Metadata } from "next";
import Link from "next/link";
import { KeyRound } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { requireUser } from "@/server/auth/current-user";
import { ChangePasswordForm } from "./change-password-form";

export const metadata: Metadata = { title: "Ganti kata sandi" };

/** Outside the app shell: a user who must change a one-time password reaches nothing else. */
export default async function ChangePasswordPage() {
  const user = await requireUser();
  return (
    <div className="flex min-h-screen items-center justify-center bg-slate-50 px-4 py-10">
      <div className="w-full max-w-md rounded-xl bg-white p-6 shadow sm:p-8">
        <div className="mb-4 flex items-center gap-2">
          <KeyRound className="h-6 w-6 text-brand-700" aria-hidden />
          <h1 className="text-lg font-semibold text-slate-900">Ganti kata sandi</h1>
        </div>
        <p className="mb-4 text-sm text-slate-600">
          {user.name} · {user.email}
        </p>
        {user.mustChangePassword && (
          <Alert tone="info" className="mb-4">
            Anda masuk dengan kata sandi sekali pakai. Buat kata sandi baru sebelum melanjutkan.
          </Alert>
        )}
        <ChangePasswordForm email={user.email} />
        {!user.mustChangePassword && (
          <p className="mt-4 text-center text-sm">
            <Link href="/" className="text-brand-700 hover:underline">
              Kembali ke beranda
            </Link>
          </p>
        )}
      </div>
    </div>
  );
}
