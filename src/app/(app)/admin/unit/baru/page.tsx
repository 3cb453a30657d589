import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/server/auth/guard";
import { unitOptions } from "@/server/queries/units";
import { UnitForm } from "../unit-form";

export const metadata: Metadata = { title: "Tambah Unit" };

export default async function NewUnitPage() {
  const user = await requirePermission("unit:manage");
  const parents = await unitOptions(user.instansiId);
  return (
    <>
      <PageHeader eyebrow="Unit Kerja" title="Tambah unit" />
      <UnitForm
        parents={parents}
        defaults={{
          name: "",
          shortName: "",
          type: "DINAS",
          parentId: "",
          headName: "",
          headNip: "",
          proposedForZi: false,
          selectionCriteria: [],
        }}
      />
    </>
  );
}
