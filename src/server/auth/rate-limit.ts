import type { PrismaClient } from "@/generated/prisma/client";
import type { Tx } from "@/server/db/client";
import { loginLimits } from "@/server/config";

type Db = PrismaClient | Tx;

export const LOGIN_WINDOW_MINUTES = 15;

export interface LoginBlock {
  message: string;
  retryAt: Date;
}

const time = (d: Date) =>
  d.toLocaleTimeString("id-ID", {
    hour: "2-digit",
    minute: "2-digit",
    timeZone: process.env.TZ_DISPLAY ?? "Asia/Jakarta",
  });

/**
 * Refuses a sign-in after too many recent failures for this account (counted since its last
 * success) or from this address. `identifier` is the account key (see authenticate.ts). Returns null
 * when the attempt may proceed.
 */
export async function checkLoginAllowed(
  db: Db,
  identifier: string,
  ip: string,
  now = new Date(),
): Promise<LoginBlock | null> {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MINUTES * 60_000);
  const limits = loginLimits();
  const lastSuccess = await db.loginAttempt.findFirst({
    where: { identifier, success: true, createdAt: { gte: since } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const accountFailures = await db.loginAttempt.findMany({
    where: { identifier, success: false, createdAt: { gte: lastSuccess?.createdAt ?? since } },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true },
  });
  if (accountFailures.length >= limits.perAccount) {
    const retryAt = new Date(
      accountFailures[accountFailures.length - limits.perAccount].createdAt.getTime() + LOGIN_WINDOW_MINUTES * 60_000,
    );
    return {
      retryAt,
      message: `Terlalu banyak percobaan masuk yang gagal untuk akun ini (${accountFailures.length} kali dalam ${LOGIN_WINDOW_MINUTES} menit). Coba lagi setelah pukul ${time(retryAt)}.`,
    };
  }
  const ipFailures = await db.loginAttempt.findMany({
    where: { ip, success: false, createdAt: { gte: since } },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true },
  });
  if (ipFailures.length >= limits.perIp) {
    const retryAt = new Date(
      ipFailures[ipFailures.length - limits.perIp].createdAt.getTime() + LOGIN_WINDOW_MINUTES * 60_000,
    );
    return {
      retryAt,
      message: `Terlalu banyak percobaan masuk yang gagal dari alamat ini. Coba lagi setelah pukul ${time(retryAt)}.`,
    };
  }
  return null;
}

export async function recordLoginAttempt(db: Db, identifier: string, ip: string, success: boolean) {
  await db.loginAttempt.create({ data: { identifier, ip, success } });
}
