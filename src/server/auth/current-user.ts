import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { headers } from "next/headers";
import type { RoleCode } from "@/domain/roles";
import { ROLES } from "@/domain/roles";
import { getDb } from "@/server/db/client";
import type { Principal } from "@/server/authz";
import { authOptions } from "./options";
import { sessionClaims, sessionValid, type SessionClaims } from "./session-policy";

export interface CurrentUser extends Principal {
  name: string;
  email: string;
  nip: string | null;
  instansiName: string;
  unit: { id: string; name: string; shortName: string } | null;
  roles: RoleCode[];
  /** The role whose home page the user lands on. */
  primaryRole: RoleCode;
  /** Signed in with a one-time or reset password: pages lead to the change-password page. */
  mustChangePassword: boolean;
}

/**
 * Loads the signed-in user fresh from the database, so deactivation and role changes apply at once.
 * With the session's claims, also refuses a session that has ended (see session-policy.ts).
 */
export async function loadUser(userId: string, claims?: SessionClaims): Promise<CurrentUser | null> {
  const user = await getDb().user.findUnique({
    where: { id: userId },
    include: {
      roles: true,
      unit: { select: { id: true, name: true, shortName: true } },
      instansi: { select: { name: true } },
    },
  });
  if (!user || !user.active || user.roles.length === 0) return null;
  if (claims && !sessionValid(claims, user)) return null;
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
    mustChangePassword: user.mustChangePassword,
  };
}

export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions);
  const claims = sessionClaims(session?.user);
  return claims ? loadUser(claims.uid, claims) : null;
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
