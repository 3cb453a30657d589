import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/server/auth/guard";
import { unitOptions } from "@/server/queries/units";
import { UserForm } from "../user-form";

export const metadata: Metadata = { title: "Tambah Pengguna" };

export default async function NewUserPage() {
  const user = await requirePermission("user:manage");
  const units = await unitOptions(user.instansiId);
  return (
    <>
      <PageHeader eyebrow="Pengguna" title="Tambah pengguna" />
      <UserForm
        units={units}
        defaults={{ name: "", nip: "", email: "", unitId: "", roles: [], tpiUnitIds: [], opdUnitId: "", active: true }}
      />
    </>
  );
}
