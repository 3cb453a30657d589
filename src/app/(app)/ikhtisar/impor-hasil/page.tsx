import type { Metadata } from "next";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/server/auth/guard";
import { getActivePeriode } from "@/server/periode";
import { HasilImport } from "./hasil-import";

export const metadata: Metadata = { title: "Impor Nilai Hasil" };

export default async function HasilImportPage() {
  const user = await requirePermission("hasil:import");
  const periode = await getActivePeriode(user.instansiId);
  if (!periode)
    return <EmptyState title="Belum ada periode penilaian">Buat periode di menu Administrasi → Periode.</EmptyState>;
  return (
    <>
      <PageHeader
        eyebrow={`Periode ${periode.year}`}
        title="Impor nilai hasil"
        description="Satu lembar berisi satu baris per unit: nama atau singkatan unit, IPAK, IPKP, dan capaian kinerja (A–E). Sel yang kosong tidak mengubah nilai tersimpan."
      />
      <HasilImport periodeId={periode.id} />
    </>
  );
}
