import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/server/auth/guard";
import { getUnit, unitOptions } from "@/server/queries/units";
import { UnitForm } from "../unit-form";
import { UnitActiveToggle } from "./unit-active-toggle";

export const metadata: Metadata = { title: "Ubah Unit" };

export default async function EditUnitPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("unit:manage");
  const { id } = await params;
  const [unit, parents] = await Promise.all([getUnit(user.instansiId, id), unitOptions(user.instansiId)]);
  if (!unit) notFound();
  return (
    <>
      <PageHeader eyebrow="Unit Kerja" title={unit.name} actions={<UnitActiveToggle id={unit.id} active={unit.active} />} />
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
