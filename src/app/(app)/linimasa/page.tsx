import type { Metadata } from "next";
import { CalendarCog, ClipboardList } from "lucide-react";
import { TimelineBand } from "@/components/dashboard/timeline-band";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { STAGE_LABELS } from "@/domain/timeline";
import { formatDate } from "@/lib/format";
import { requirePermission } from "@/server/auth/guard";
import { can, scopeOf } from "@/server/authz";
import { getActivePeriode } from "@/server/periode";
import { getTimeline } from "@/server/queries/timeline";
import { UnitChain } from "./unit-chain";

export const metadata: Metadata = { title: "Linimasa" };

export default async function TimelinePage() {
  const user = await requirePermission("timeline:read");
  const periode = await getActivePeriode(user.instansiId);
  const canEdit = can(user, "periode:manage");
  if (!periode) {
    return (
      <>
        <PageHeader title="Linimasa Program" />
        <EmptyState title="Belum ada periode penilaian">
          {canEdit ? "Buat periode di menu Administrasi → Periode." : "Hubungi admin Bagian Organisasi."}
        </EmptyState>
      </>
    );
  }
  const timeline = (await getTimeline(user, periode.id))!;
  const ownOnly = !scopeOf(user, "timeline:read")?.all;
  const late = timeline.rows.filter((r) => r.overdue).length;

  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow={`Periode ${timeline.periode.year}`}
        title="Linimasa Program"
        description={
          <>
            Tahap program Januari–Desember, batas pengusulan PMPZI {formatDate(timeline.periode.pmpziDeadline)}, dan
            posisi LKE {ownOnly ? "unit Anda" : "setiap unit"}.{" "}
            {timeline.currentStage
              ? `Hari ini tahap ${STAGE_LABELS[timeline.currentStage]}.`
              : "Hari ini di luar jadwal tahap."}
          </>
        }
        actions={
          <>
            <ButtonLink href="/monev" variant="secondary" className="no-print">
              <ClipboardList className="h-4 w-4" aria-hidden /> Monev rencana aksi
            </ButtonLink>
            {canEdit && (
              <ButtonLink href={`/admin/periode/${timeline.periode.id}`} className="no-print">
                <CalendarCog className="h-4 w-4" aria-hidden /> Ubah jadwal
              </ButtonLink>
            )}
          </>
        }
      />
      <Card>
        <CardHeader title="Jadwal tahap" />
        <CardBody>
          <TimelineBand periode={timeline.periode} today={timeline.today} />
        </CardBody>
      </Card>
      <Card>
        <CardHeader
          title={ownOnly ? "Posisi LKE unit Anda" : "Posisi LKE setiap unit"}
          description={
            timeline.rows.length === 0
              ? undefined
              : ownOnly
                ? late > 0
                  ? "LKE unit Anda melewati tenggat tahapnya."
                  : "LKE unit Anda belum melewati tenggat."
                : late > 0
                  ? `${late} dari ${timeline.rows.length} unit melewati tenggat tahapnya.`
                  : "Tidak ada unit yang melewati tenggat."
          }
        />
        {timeline.rows.length === 0 ? (
          <CardBody>
            <p className="text-sm text-slate-500">
              {ownOnly
                ? "Unit Anda tidak memiliki LKE pada periode ini."
                : "Belum ada unit dengan LKE pada periode ini."}
            </p>
          </CardBody>
        ) : (
          <UnitChain rows={timeline.rows} periode={timeline.periode} today={timeline.today} />
        )}
      </Card>
    </div>
  );
}
