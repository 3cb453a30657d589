import "server-only";
import { getDb } from "@/server/db/client";

/** The instansi's kop (name, logo) and its PortalRB tokens, newest first; never a token's hash. */
export async function instansiSettings(instansiId: string) {
  const db = getDb();
  const [instansi, tokens] = await Promise.all([
    db.instansi.findUniqueOrThrow({ where: { id: instansiId }, select: { name: true, logoMimeType: true } }),
    db.apiToken.findMany({
      where: { instansiId },
      orderBy: { createdAt: "desc" },
      select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true },
    }),
  ]);
  return { name: instansi.name, hasLogo: !!instansi.logoMimeType, tokens };
}

/** The logo bytes for the kop, or null. */
export async function instansiLogo(instansiId: string): Promise<{ data: Buffer; mimeType: string } | null> {
  const row = await getDb().instansi.findUnique({
    where: { id: instansiId },
    select: { logo: true, logoMimeType: true },
  });
  return row?.logo && row.logoMimeType ? { data: Buffer.from(row.logo), mimeType: row.logoMimeType } : null;
}
