import type { PrismaClient } from "@/generated/prisma/client";
import { checkLoginAllowed, recordLoginAttempt } from "./rate-limit";
import { hashPassword, verifyPassword } from "./password";

export type AuthResult = { ok: true; userId: string } | { ok: false; message: string };

export const WRONG_CREDENTIALS = "NIP/email atau kata sandi salah.";

let dummyHash: Promise<string> | undefined;

/** Checks NIP-or-email and password, with the per-account and per-address failure limits. */
export async function authenticate(db: PrismaClient, rawIdentifier: string, password: string, ip: string): Promise<AuthResult> {
  const identifier = rawIdentifier.trim().toLowerCase().replace(/\s+/g, "");
  if (!identifier || !password) return { ok: false, message: "Isi NIP atau email dan kata sandi." };

  const block = await checkLoginAllowed(db, identifier, ip);
  if (block) return { ok: false, message: block.message };

  const user = await db.user.findFirst({
    where: /^\d+$/.test(identifier) ? { nip: identifier } : { email: identifier },
    select: { id: true, passwordHash: true, active: true },
  });
  // Verify against a throwaway hash when the account does not exist, so timing does not reveal it.
  dummyHash ??= hashPassword("zona-integritas-dummy");
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyHash), password);
  if (!user || !valid) {
    await recordLoginAttempt(db, identifier, ip, false);
    return { ok: false, message: WRONG_CREDENTIALS };
  }
  if (!user.active) {
    await recordLoginAttempt(db, identifier, ip, false);
    return { ok: false, message: "Akun Anda dinonaktifkan. Hubungi Bagian Organisasi." };
  }
  await recordLoginAttempt(db, identifier, ip, true);
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  return { ok: true, userId: user.id };
}
