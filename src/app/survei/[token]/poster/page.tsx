import type { Metadata } from "next";
import { notFound } from "next/navigation";
import QRCode from "qrcode";
import { appUrl } from "@/server/notifications/email";
import { publicRound } from "@/server/survey/public";

export const metadata: Metadata = { title: "Poster survei", robots: { index: false } };

/** An A4 poster for the service room: the unit's name, a short invitation and the QR code of the survey link. */
export default async function PosterPage({ params }: { params: Promise<{ token: string }> }) {
  const round = await publicRound((await params).token);
  if (!round) notFound();
  const link = `${appUrl()}/survei/${round.token}`;
  // Rendered on the server as SVG: sharp at any print size and no script on the page.
  const svg = await QRCode.toString(link, {
    type: "svg",
    errorCorrectionLevel: "M",
    margin: 1,
    color: { dark: "#000000", light: "#ffffff" },
  });
  return (
    <main className="mx-auto flex min-h-screen max-w-[210mm] flex-col items-center bg-white px-10 py-12 text-center text-slate-900 print:min-h-[297mm] print:py-16">
      <style>{"@page { size: A4 portrait; margin: 0; }"}</style>
      <p className="text-lg text-slate-700">{round.instansiName}</p>
      <h1 className="mt-2 text-4xl font-bold leading-tight">{round.unitName}</h1>
      <p className="mt-8 text-3xl font-semibold">Bagaimana pelayanan kami hari ini?</p>
      <p className="mt-3 max-w-[150mm] text-xl text-slate-800">
        Bantu kami menjadi lebih baik dan bebas dari korupsi. Pindai kode QR ini dengan kamera ponsel Anda dan isi
        survei singkat (± 3 menit, tanpa nama).
      </p>
      <div
        className="mt-10 w-[110mm] max-w-full"
        role="img"
        aria-label={`Kode QR menuju ${link}`}
        dangerouslySetInnerHTML={{ __html: svg }}
      />
      <p className="mt-6 break-all font-mono text-lg">{link}</p>
      <p className="mt-10 text-base text-slate-700">
        Survei Persepsi Kualitas Pelayanan dan Survei Persepsi Anti Korupsi · {round.title}
      </p>
      <p className="no-print mt-8 text-sm text-slate-700">Cetak halaman ini (Ctrl+P) pada kertas A4.</p>
    </main>
  );
}
