import "server-only";
import { forbidden } from "next/navigation";
import { can, type Permission, type Target } from "@/server/authz";
import { requireUser, type CurrentUser } from "./current-user";

/** For pages: the signed-in user if they hold the permission (on the target), else a 403 page. */
export async function requirePermission(permission: Permission, target?: Target): Promise<CurrentUser> {
  const user = await requireUser();
  if (!can(user, permission, target)) forbidden();
  return user;
}
