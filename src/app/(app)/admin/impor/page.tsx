import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/server/auth/guard";
import { DirectoryImport } from "./directory-import";

export const metadata: Metadata = { title: "Impor Unit & Pengguna" };

export default async function DirectoryImportPage() {
  await requirePermission("user:manage");
  return (
    <>
      <PageHeader
        title="Impor Unit & Pengguna"
        description="Daftarkan OPD dan pegawai sekaligus dari satu berkas .xlsx: pratinjau dulu, lalu impor. Bila ada satu baris bermasalah, tidak ada yang disimpan."
      />
      <DirectoryImport />
    </>
  );
}
