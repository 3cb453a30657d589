import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/server/auth/guard";
import { NewInstansiForm } from "./new-instansi-form";

export const metadata: Metadata = { title: "Tambah Instansi" };

export default async function NewInstansiPage() {
  await requirePermission("instansi:create");
  return (
    <>
      <PageHeader
        eyebrow="Rekap Provinsi"
        title="Tambah instansi"
        description="Membuat instansi baru dengan periode tahun ini (katalog LKE yang berlaku) dan admin pertamanya, seperti npm run setup."
      />
      <NewInstansiForm />
    </>
  );
}
