import Link from "next/link";

export default function NotFound() {
  return (
    <div className="flex min-h-[60vh] flex-col items-center justify-center px-4 text-center">
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="mt-1 text-xl font-semibold text-slate-900">Halaman tidak ditemukan</h1>
      <p className="mt-2 text-sm text-slate-600">Alamat yang Anda buka tidak ada atau sudah dipindahkan.</p>
      <Link href="/" className="mt-6 text-sm font-medium text-brand-700 hover:underline">
        Kembali ke beranda
      </Link>
    </div>
  );
}
