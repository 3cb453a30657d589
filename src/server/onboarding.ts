/**
 * Onboarding a real instansi without the demo: the instansi, its first periode on the current LKE
 * catalogue, and its first ADMIN with a one-time password (changed at first sign-in). Used by
 * `npm run setup`.
 */
import { randomInt } from "node:crypto";
import { z } from "zod";
import { CATALOGUES } from "@/domain/catalogue/registry";
import { nipProblem } from "@/domain/nip";
import { defaultPmpziDeadline, defaultStageWindows } from "@/domain/timeline";
import type { PrismaClient } from "@/generated/prisma/client";
import { hashPassword } from "@/server/auth/password";
import { dateFromIso, todayIso } from "@/server/dates";

export const setupSchema = z.object({
  instansi: z
    .string()
    .trim()
    .min(3, "--instansi: nama instansi minimal 3 karakter")
    .max(200, "--instansi: nama maksimal 200 karakter"),
  adminEmail: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ message: "--admin-email: alamat email tidak sah" })),
  adminNip: z
    .string()
    .trim()
    .refine(
      (v) => nipProblem(v) === null,
      "--admin-nip: NIP tidak sah (18 digit: tanggal lahir, TMT, jenis kelamin, nomor urut)",
    )
    .optional(),
});
export type SetupInput = z.output<typeof setupSchema>;

/** A refusal to show on one line (exit 2): nothing was written. */
export class SetupRefused extends Error {}

const FLAGS: Record<string, keyof SetupInput> = {
  "--instansi": "instansi",
  "--admin-email": "adminEmail",
  "--admin-nip": "adminNip",
};

/** `--instansi "<nama>" --admin-email <email> [--admin-nip <nip>]`, also as `--flag=value`. */
export function parseSetupArgs(argv: string[]): SetupInput {
  const raw: Partial<Record<keyof SetupInput, string>> = {};
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].includes("=")
      ? [argv[i].slice(0, argv[i].indexOf("=")), argv[i].slice(argv[i].indexOf("=") + 1)]
      : [argv[i], undefined];
    const key = FLAGS[flag];
    if (!key)
      throw new SetupRefused(
        `Argumen tidak dikenal: ${argv[i]}. Pemakaian: npm run setup -- --instansi "<nama>" --admin-email <email> [--admin-nip <nip>]`,
      );
    const value = inline ?? argv[++i];
    if (value === undefined || (inline === undefined && value.startsWith("--")))
      throw new SetupRefused(`${flag} memerlukan nilai.`);
    if (raw[key] !== undefined) throw new SetupRefused(`${flag} diberikan lebih dari sekali.`);
    raw[key] = value;
  }
  if (raw.instansi === undefined)
    throw new SetupRefused('--instansi wajib diisi, mis. --instansi "Pemerintah Kabupaten Sukamaju".');
  if (raw.adminEmail === undefined) throw new SetupRefused("--admin-email wajib diisi.");
  const parsed = setupSchema.safeParse(raw);
  if (!parsed.success) throw new SetupRefused(parsed.error.issues[0].message);
  return parsed.data;
}

/** The catalogue in force this year: the newest whose year has begun. */
export function currentCatalogueId(year: number): string {
  const all = [...CATALOGUES.values()].sort((a, b) => a.year - b.year);
  return (all.filter((c) => c.year <= year).at(-1) ?? all[0]).id;
}

// No look-alike characters (0/O, 1/l/I), so it can be read out or copied from a printout.
const ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

export function oneTimePassword(length = 16): string {
  return Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
}

export async function setupInstansi(prisma: PrismaClient, input: SetupInput) {
  const clash = await prisma.user.findFirst({
    where: { OR: [{ email: input.adminEmail }, ...(input.adminNip ? [{ nip: input.adminNip }] : [])] },
    select: { email: true },
  });
  if (clash) {
    throw new SetupRefused(
      clash.email === input.adminEmail
        ? `Email ${input.adminEmail} sudah terdaftar; tidak ada yang diubah.`
        : `NIP ${input.adminNip} sudah terdaftar; tidak ada yang diubah.`,
    );
  }
  const year = Number(todayIso().slice(0, 4));
  const catalogueId = currentCatalogueId(year);
  const password = oneTimePassword();
  const passwordHash = await hashPassword(password);
  return prisma.$transaction(async (tx) => {
    const instansi = await tx.instansi.create({ data: { name: input.instansi } });
    const periode = await tx.periode.create({
      data: {
        instansiId: instansi.id,
        year,
        catalogueId,
        status: "PERSIAPAN",
        pmpziDeadline: dateFromIso(defaultPmpziDeadline(year)),
        stages: {
          create: defaultStageWindows(year).map((w) => ({
            stage: w.stage,
            startDate: dateFromIso(w.start),
            endDate: dateFromIso(w.end),
          })),
        },
      },
    });
    const admin = await tx.user.create({
      data: {
        instansiId: instansi.id,
        name: "Administrator",
        email: input.adminEmail,
        nip: input.adminNip ?? null,
        passwordHash,
        mustChangePassword: true,
        roles: { create: [{ role: "ADMIN", unitId: null }] },
      },
    });
    await tx.auditLog.create({
      data: {
        instansiId: instansi.id,
        actorId: null,
        action: "instansi.setup",
        entity: "Instansi",
        entityId: instansi.id,
        after: {
          instansi: instansi.name,
          periode: { year, catalogueId },
          admin: { id: admin.id, email: admin.email, nip: admin.nip },
        },
        ip: "npm run setup",
      },
    });
    return { instansiId: instansi.id, periodeId: periode.id, adminId: admin.id, year, catalogueId, password };
  });
}
