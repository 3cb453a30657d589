import { CalendarCog, CalendarRange } from "lucide-react";
import { OverviewSummaryCards } from "@/components/dashboard/overview-summary";
import { TimelineBand } from "@/components/dashboard/timeline-band";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { getOverview } from "@/server/queries/overview";
import type { HomeProps } from "./page";

/** Bagian Organisasi: the overview's numbers and where the program year stands. */
export async function HomeAdmin({ user, periode }: HomeProps) {
  const overview = (await getOverview(user, periode.id))!;
  return (
    <div className="space-y-4">
      <OverviewSummaryCards summary={overview.summary} />
      <Card>
        <CardHeader
          title="Linimasa program"
          actions={
            <>
              <ButtonLink href="/linimasa" variant="secondary" size="sm">
                <CalendarRange className="h-4 w-4" aria-hidden /> Posisi setiap unit
              </ButtonLink>
              <ButtonLink href={`/admin/periode/${overview.periode.id}`} variant="secondary" size="sm">
                <CalendarCog className="h-4 w-4" aria-hidden /> Ubah jadwal
              </ButtonLink>
            </>
          }
        />
        <CardBody>
          <TimelineBand periode={overview.periode} today={overview.today} />
        </CardBody>
      </Card>
    </div>
  );
}
