import { isInstansiRole } from "@/domain/roles";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/server/auth/guard";
import { getUser } from "@/server/queries/users";
import { unitOptions } from "@/server/queries/units";
import { UserForm } from "../user-form";
import { ActiveToggle } from "@/components/forms/active-toggle";
import { setUserActiveAction } from "@/server/actions/users";
import { ResetPasswordForm } from "./reset-password-form";

export const metadata: Metadata = { title: "Ubah Pengguna" };

export default async function EditUserPage({ params }: { params: Promise<{ id: string }> }) {
  const admin = await requirePermission("user:manage");
  const { id } = await params;
  const [user, units] = await Promise.all([getUser(admin.instansiId, id), unitOptions(admin.instansiId)]);
  if (!user) notFound();
  const opdUnitId = user.roles.find((r) => r.role === "KEPALA_OPD" || r.role === "OPERATOR_OPD")?.unitId ?? "";
  return (
    <>
      <PageHeader
        eyebrow="Pengguna"
        title={user.name}
        actions={
          user.id !== admin.id && (
            <ActiveToggle
              id={user.id}
              active={user.active}
              action={setUserActiveAction}
              labels={{
                deactivate: "Nonaktifkan akun",
                activate: "Aktifkan kembali",
                confirm: "Nonaktifkan akun ini? Pengguna tidak akan bisa masuk.",
              }}
            />
          )
        }
      />
      <div className="grid gap-6 xl:grid-cols-3">
        <div className="xl:col-span-2">
          <UserForm
            userId={user.id}
            units={units}
            defaults={{
              name: user.name,
              nip: user.nip ?? "",
              email: user.email,
              unitId: opdUnitId ? "" : (user.unitId ?? ""),
              roles: [...new Set(user.roles.map((r) => r.role))].filter(isInstansiRole),
              tpiUnitIds: user.roles.filter((r) => r.role === "TPI" && r.unitId).map((r) => r.unitId!),
              opdUnitId,
              active: user.active,
            }}
          />
        </div>
        <Card className="h-fit">
          <CardHeader
            title="Atur ulang kata sandi"
            description="Sampaikan kata sandi baru kepada pengguna secara langsung."
          />
          <CardBody>
            <ResetPasswordForm id={user.id} />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
