import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/server/auth/guard";
import { todayIso } from "@/server/dates";
import { pencananganUnitOptions } from "@/server/queries/pencanangan";
import { PencananganForm } from "../pencanangan-form";

export const metadata: Metadata = { title: "Catat Pencanangan" };

export default async function NewPencananganPage() {
  const user = await requirePermission("pencanangan:manage");
  const units = await pencananganUnitOptions(user.instansiId);
  return (
    <>
      <PageHeader
        eyebrow="Pencanangan"
        title="Catat pencanangan"
        description="Kegiatan pencanangan pembangunan Zona Integritas dan penandatanganan pakta integritas."
      />
      <PencananganForm
        units={units}
        today={todayIso()}
        defaults={{ title: "", date: "", place: "", unitIds: [], signatoriesCount: "", witnesses: [], notes: "" }}
      />
    </>
  );
}
