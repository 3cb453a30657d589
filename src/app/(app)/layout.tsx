import { redirect } from "next/navigation";
import { AppShell } from "@/components/shell/app-shell";
import { requireUser } from "@/server/auth/current-user";
import { getActivePeriode, listPeriodes } from "@/server/periode";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  if (user.mustChangePassword) redirect("/kata-sandi");
  const [periodes, active] = await Promise.all([listPeriodes(user.instansiId), getActivePeriode(user.instansiId)]);
  return (
    <AppShell user={user} years={periodes.map((p) => p.year)} activeYear={active?.year ?? null}>
      {children}
    </AppShell>
  );
}
