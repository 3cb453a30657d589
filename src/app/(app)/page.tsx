import type { Metadata } from "next";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { redirect } from "next/navigation";
import { ROLE_LABELS, type InstansiRoleCode } from "@/domain/roles";
import { requireUser, type CurrentUser } from "@/server/auth/current-user";
import { can } from "@/server/authz";
import { getActivePeriode } from "@/server/periode";
import { HomeAdmin } from "./home-admin";
import { HomeKepala } from "./home-kepala";
import { HomeOperator } from "./home-operator";
import { HomePimpinan } from "./home-pimpinan";
import { HomeTpi } from "./home-tpi";

export const metadata: Metadata = { title: "Beranda" };

export interface HomeProps {
  user: CurrentUser;
  periode: { id: string; year: number; catalogueId: string };
}

const HOMES: Record<InstansiRoleCode, (props: HomeProps) => Promise<React.ReactNode>> = {
  ADMIN: HomeAdmin,
  PIMPINAN: HomePimpinan,
  TPI: HomeTpi,
  KEPALA_OPD: HomeKepala,
  OPERATOR_OPD: HomeOperator,
};

export default async function HomePage() {
  const user = await requireUser();
  // Province or ministry level: the roll-up across instansi is this user's home.
  if (can(user, "province:read")) redirect("/provinsi");
  const primaryRole = user.primaryRole as InstansiRoleCode;
  const periode = await getActivePeriode(user.instansiId);
  const Home = HOMES[primaryRole];
  return (
    <div data-testid={`home-${primaryRole}`} className="space-y-6">
      <PageHeader
        eyebrow={ROLE_LABELS[primaryRole]}
        title={`Selamat datang, ${user.name}`}
        description={periode ? `Periode ${periode.year}` : "Belum ada periode."}
      />
      {periode ? (
        <Home user={user} periode={periode} />
      ) : (
        <EmptyState title="Belum ada periode penilaian">
          {can(user, "periode:manage")
            ? "Buat periode pertama di menu Administrasi → Periode."
            : "Admin Bagian Organisasi belum membuat periode program."}
        </EmptyState>
      )}
    </div>
  );
}
