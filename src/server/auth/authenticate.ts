import type { PrismaClient } from "@/generated/prisma/client";
import type { Tx } from "@/server/db/client";
import { checkLoginAllowed, recordLoginAttempt } from "./rate-limit";
import { hashPassword, verifyPassword } from "./password";

export type AuthResult = { ok: true; userId: string; sessionVersion: number } | { ok: false; message: string };

export const WRONG_CREDENTIALS = "NIP/email atau kata sandi salah.";

/**
 * Failures are counted per account, whichever of its identifiers (email or NIP) was typed; for an
 * identifier that matches no account, per identifier.
 */
export function accountKey(userId: string | null, identifier: string): string {
  return userId ? `user:${userId}` : identifier;
}

let dummyHash: Promise<string> | undefined;

/** Checks NIP-or-email and password, with the per-account and per-address failure limits. */
export async function authenticate(
  db: PrismaClient,
  rawIdentifier: string,
  password: string,
  ip: string,
): Promise<AuthResult> {
  const identifier = rawIdentifier.trim().toLowerCase().replace(/\s+/g, "");
  if (!identifier || !password) return { ok: false, message: "Isi NIP atau email dan kata sandi." };

  const user = await db.user.findFirst({
    where: /^\d+$/.test(identifier) ? { nip: identifier } : { email: identifier },
    select: { id: true, instansiId: true, passwordHash: true, active: true, sessionVersion: true },
  });
  const key = accountKey(user?.id ?? null, identifier);
  dummyHash ??= hashPassword("zona-integritas-dummy");
  const fallbackHash = await dummyHash;

  // One attempt per account at a time: a burst of parallel guesses cannot all pass the check.
  return db.$transaction(
    async (tx: Tx) => {
      await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))::text AS locked`;
      // Every attempt is in the audit trail: the account (when one matched) or the identifier typed.
      const audit = (action: string, reason?: string) =>
        tx.auditLog.create({
          data: {
            instansiId: user?.instansiId ?? null,
            actorId: reason ? null : user!.id,
            action,
            entity: "User",
            // An unknown identifier is kept only when it looks like an email or NIP: people sometimes
            // type their password into the wrong field.
            entityId:
              user?.id ??
              (/^(\d{18}|[^@\s]+@[^@\s]+\.[a-z]{2,})$/.test(identifier) ? identifier.slice(0, 200) : "(tidak dikenal)"),
            after: reason ? { reason } : undefined,
            ip,
          },
        });
      const block = await checkLoginAllowed(tx, key, ip);
      if (block) {
        await audit("auth.signInFailed", "rate-limited");
        return { ok: false as const, message: block.message };
      }
      // Verify against a throwaway hash when the account does not exist, so timing does not reveal it.
      const valid = await verifyPassword(user?.passwordHash ?? fallbackHash, password);
      if (!user || !valid) {
        await recordLoginAttempt(tx, key, ip, false);
        await audit("auth.signInFailed", user ? "wrong-password" : "unknown-account");
        return { ok: false as const, message: WRONG_CREDENTIALS };
      }
      if (!user.active) {
        await recordLoginAttempt(tx, key, ip, false);
        await audit("auth.signInFailed", "inactive");
        return { ok: false as const, message: "Akun Anda dinonaktifkan. Hubungi Bagian Organisasi." };
      }
      await recordLoginAttempt(tx, key, ip, true);
      await audit("auth.signIn");
      await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
      return { ok: true as const, userId: user.id, sessionVersion: user.sessionVersion };
    },
    { timeout: 20_000 },
  );
}
