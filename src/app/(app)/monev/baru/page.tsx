import { periodeClosed } from "@/domain/periode";
import type { Metadata } from "next";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { getCatalogue } from "@/domain/catalogue/registry";
import { requirePermission } from "@/server/auth/guard";
import { getActivePeriode } from "@/server/periode";
import { rencanaAksiUnitOptions } from "@/server/queries/rencana-aksi";
import { RencanaAksiForm } from "../rencana-aksi-form";

export const metadata: Metadata = { title: "Tambah Rencana Aksi" };

export default async function NewRencanaAksiPage() {
  const user = await requirePermission("monev:write");
  const periode = await getActivePeriode(user.instansiId);
  if (!periode || periodeClosed(periode.status)) {
    return (
      <>
        <PageHeader eyebrow="Monev Rencana Aksi" title="Tambah rencana aksi" />
        <EmptyState title={periode ? `Periode ${periode.year} sudah ditutup` : "Belum ada periode"}>
          Rencana aksi hanya dapat ditambahkan pada periode yang berjalan.
        </EmptyState>
      </>
    );
  }
  const units = await rencanaAksiUnitOptions(user);
  const areas = getCatalogue(periode.catalogueId).areas.map((a) => ({ id: a.id, name: a.name }));
  return (
    <>
      <PageHeader eyebrow="Monev Rencana Aksi" title="Tambah rencana aksi" description={`Periode ${periode.year}`} />
      <RencanaAksiForm
        periodeId={periode.id}
        year={periode.year}
        areas={areas}
        units={units}
        defaults={{
          unitId: units.length === 1 ? units[0].id : "",
          areaCode: "",
          activity: "",
          targetDate: "",
          personInCharge: "",
          status: "BELUM",
          notes: "",
        }}
      />
    </>
  );
}
