import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/server/auth/guard";
import { isoFromDate, todayIso } from "@/server/dates";
import { getPencanangan, pencananganUnitOptions } from "@/server/queries/pencanangan";
import { PencananganForm } from "../../pencanangan-form";

export const metadata: Metadata = { title: "Ubah Pencanangan" };

export default async function EditPencananganPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("pencanangan:manage");
  const event = await getPencanangan(user, (await params).id);
  if (!event) notFound();
  const unitIds = event.units.map((u) => u.unit.id);
  const units = await pencananganUnitOptions(user.instansiId, unitIds);
  return (
    <>
      <PageHeader eyebrow="Pencanangan" title="Ubah pencanangan" description={event.title} />
      <PencananganForm
        id={event.id}
        units={units}
        today={todayIso()}
        defaults={{
          title: event.title,
          date: isoFromDate(event.date),
          place: event.place,
          unitIds,
          signatoriesCount: event.signatoriesCount,
          witnesses: event.witnesses.map((w) => ({ institution: w.institution, name: w.name })),
          notes: event.notes ?? "",
        }}
      />
    </>
  );
}
