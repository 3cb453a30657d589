import Link from "next/link";
import { ShieldAlert } from "lucide-react";

export default function Forbidden() {
  return (
    <div className="flex min-h-[60vh] flex-col items-center justify-center px-4 text-center">
      <ShieldAlert className="mb-4 h-12 w-12 text-amber-500" aria-hidden />
      <h1 className="text-xl font-semibold text-slate-900">Akses ditolak</h1>
      <p className="mt-2 max-w-md text-sm text-slate-600">
        Anda tidak berwenang membuka halaman ini. Jika menurut Anda ini keliru, hubungi admin Bagian Organisasi.
      </p>
      <Link href="/" className="mt-6 text-sm font-medium text-brand-700 hover:underline">
        Kembali ke beranda
      </Link>
    </div>
  );
}
