import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { MAX_ATTACHMENTS } from "@/server/actions/pengaduan.validation";
import { findPublicUnit } from "@/server/pengaduan/public";
import { evidenceMaxBytes, formatBytes } from "@/server/storage/ingest";
import { ExternalLinks } from "../external-links";
import { PengaduanForm } from "./pengaduan-form";

export const metadata: Metadata = { title: "Pengaduan Masyarakat", robots: { index: false } };

export default async function PengaduanPage({ params }: { params: Promise<{ kode: string }> }) {
  const { kode } = await params;
  const unit = await findPublicUnit(kode);
  if (!unit) notFound();
  return (
    <>
      <p className="text-sm text-slate-700">{unit.instansi.name}</p>
      <h1 className="text-xl font-bold">Pengaduan untuk {unit.name}</h1>
      <p className="mt-2 text-sm text-slate-700">
        Sampaikan keluhan atau pengaduan atas layanan unit ini. Nama dan kontak boleh dikosongkan. Anda akan menerima
        kode pelacakan untuk melihat perkembangan tindak lanjutnya. Unit wajib menindaklanjuti dalam{" "}
        {unit.instansi.pengaduanDueDays} hari.
      </p>
      <PengaduanForm unitCode={kode} maxFiles={MAX_ATTACHMENTS} maxSize={formatBytes(evidenceMaxBytes())} />
      <ExternalLinks laporUrl={unit.instansi.laporUrl} wbsUrl={unit.instansi.wbsUrl} />
    </>
  );
}
