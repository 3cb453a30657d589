import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/server/auth/guard";
import { getUnit, unitOptions } from "@/server/queries/units";
import { UnitForm } from "../unit-form";
import { ActiveToggle } from "@/components/forms/active-toggle";
import { setUnitActiveAction } from "@/server/actions/units";

export const metadata: Metadata = { title: "Ubah Unit" };

export default async function EditUnitPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("unit:manage");
  const { id } = await params;
  const [unit, parents] = await Promise.all([getUnit(user.instansiId, id), unitOptions(user.instansiId)]);
  if (!unit) notFound();
  return (
    <>
      <PageHeader
        eyebrow="Unit Kerja"
        title={unit.name}
        actions={
          <ActiveToggle
            id={unit.id}
            active={unit.active}
            action={setUnitActiveAction}
            labels={{
              deactivate: "Nonaktifkan unit",
              activate: "Aktifkan kembali",
              confirm: "Nonaktifkan unit ini? Unit nonaktif tidak tampil di daftar pilihan.",
            }}
          />
        }
      />
      <UnitForm
        unitId={unit.id}
        parents={parents.filter((p) => p.id !== unit.id)}
        defaults={{
          name: unit.name,
          shortName: unit.shortName,
          type: unit.type,
          parentId: unit.parentId ?? "",
          headName: unit.headName ?? "",
          headNip: unit.headNip ?? "",
          proposedForZi: unit.proposedForZi,
          selectionCriteria: unit.selectionCriteria,
        }}
      />
    </>
  );
}
