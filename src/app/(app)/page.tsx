import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardBody } from "@/components/ui/card";
import { ROLE_LABELS } from "@/domain/roles";
import { requireUser } from "@/server/auth/current-user";
import { getActivePeriode } from "@/server/periode";

export const metadata: Metadata = { title: "Beranda" };

export default async function HomePage() {
  const user = await requireUser();
  const periode = await getActivePeriode(user.instansiId);
  return (
    <>
      <PageHeader eyebrow={ROLE_LABELS[user.primaryRole]} title={`Selamat datang, ${user.name}`} description={periode ? `Periode ${periode.year}` : "Belum ada periode."} />
      <Card>
        <CardBody data-testid={`home-${user.primaryRole}`}>Beranda {ROLE_LABELS[user.primaryRole]}</CardBody>
      </Card>
    </>
  );
}
