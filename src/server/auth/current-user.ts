import { cache } from "react";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { headers } from "next/headers";
import type { RoleCode } from "@/domain/roles";
import { ROLES } from "@/domain/roles";
import { getDb } from "@/server/db/client";
import type { Principal } from "@/server/authz";
import { authOptions } from "./options";

export interface CurrentUser extends Principal {
  name: string;
  email: string;
  nip: string | null;
  instansiName: string;
  unit: { id: string; name: string; shortName: string } | null;
  roles: RoleCode[];
  /** The role whose home page the user lands on. */
  primaryRole: RoleCode;
}

/** Loads the signed-in user fresh from the database, so deactivation and role changes apply at once. */
export async function loadUser(userId: string): Promise<CurrentUser | null> {
  const user = await getDb().user.findUnique({
    where: { id: userId },
    include: { roles: true, unit: { select: { id: true, name: true, shortName: true } }, instansi: { select: { name: true } } },
  });
  if (!user || !user.active || user.roles.length === 0) return null;
  const roles = ROLES.filter((r) => user.roles.some((a) => a.role === r));
  return {
    id: user.id,
    instansiId: user.instansiId,
    instansiName: user.instansi.name,
    name: user.name,
    email: user.email,
    nip: user.nip,
    unit: user.unit,
    assignments: user.roles.map((a) => ({ role: a.role, unitId: a.unitId })),
    roles,
    primaryRole: roles[0],
  };
}

export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions);
  const id = (session?.user as { id?: string } | undefined)?.id;
  return id ? loadUser(id) : null;
});

/** For pages: the signed-in user, or a redirect to the sign-in page. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/masuk?sesi=berakhir");
  return user;
}

export async function clientIp(): Promise<string> {
  return (await headers()).get("x-zi-client-ip") ?? "unknown";
}
