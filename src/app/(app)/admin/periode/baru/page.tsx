import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { CATALOGUES } from "@/domain/catalogue/registry";
import { requirePermission } from "@/server/auth/guard";
import { NewPeriodeForm } from "./new-periode-form";

export const metadata: Metadata = { title: "Buat Periode" };

export default async function NewPeriodePage() {
  await requirePermission("periode:manage");
  const catalogues = [...CATALOGUES.values()]
    .map((c) => ({ id: c.id, name: c.name, year: c.year }))
    .sort((a, b) => b.year - a.year);
  return (
    <>
      <PageHeader
        eyebrow="Periode"
        title="Buat periode"
        description="Jadwal diisi dengan konvensi Jan–Des dan batas PMPZI 31 Mei; ubah setelah periode dibuat bila perlu."
      />
      <NewPeriodeForm catalogues={catalogues} defaultYear={new Date().getFullYear() + 1} />
    </>
  );
}
