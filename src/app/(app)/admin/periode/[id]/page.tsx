import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { STAGES } from "@/domain/timeline";
import { requirePermission } from "@/server/auth/guard";
import { isoFromDate } from "@/server/dates";
import { getPeriode } from "@/server/queries/periodes";
import { ScheduleForm } from "./schedule-form";
import { ZeroBaseForm } from "./zero-base-form";

export const metadata: Metadata = { title: "Jadwal Periode" };

export default async function PeriodePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("periode:manage");
  const periode = await getPeriode(user.instansiId, (await params).id);
  if (!periode) notFound();
  return (
    <>
      <PageHeader
        eyebrow="Periode"
        title={`Periode ${periode.year}`}
        description={`Katalog: ${periode.catalogue.name}`}
      />
      <ScheduleForm
        id={periode.id}
        year={periode.year}
        defaults={{
          id: periode.id,
          status: periode.status,
          pmpziDeadline: isoFromDate(periode.pmpziDeadline),
          stages: STAGES.map((stage) => {
            const s = periode.stages.find((x) => x.stage === stage)!;
            return { stage, start: isoFromDate(s.startDate), end: isoFromDate(s.endDate) };
          }),
        }}
      />
      <ZeroBaseForm id={periode.id} current={periode.zeroBase} />
    </>
  );
}
