import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { publicRound } from "@/server/survey/public";

export const metadata: Metadata = { title: "Terima kasih", robots: { index: false } };

export default async function ThanksPage({ params }: { params: Promise<{ token: string }> }) {
  const round = await publicRound((await params).token);
  if (!round) notFound();
  return (
    <main className="mx-auto min-h-screen max-w-xl bg-slate-50 px-4 py-10 text-slate-900">
      <h1 className="text-xl font-bold">Terima kasih</h1>
      <p className="mt-2">
        Jawaban Anda untuk survei layanan {round.unitName} sudah kami terima. Masukan Anda membantu kami memperbaiki
        pelayanan.
      </p>
    </main>
  );
}
