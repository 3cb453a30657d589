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
import type { Tx } from "@/server/db/client";
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
export type SetupInput = z.output<typeof setupSchema> & {
  /** The account also gets SUPERADMIN: the province's (or ministry's) roll-up across every instansi. */
  superadmin?: boolean;
};

/** A refusal to show on one line (exit 2): nothing was written. `field` names the input it is about. */
export class SetupRefused extends Error {
  constructor(
    message: string,
    readonly field?: "adminEmail" | "adminNip",
  ) {
    super(message);
  }
}

const USAGE = 'npm run setup -- --instansi "<nama>" --admin-email <email> [--admin-nip <nip>] [--superadmin]';

const FLAGS: Record<string, Exclude<keyof SetupInput, "superadmin">> = {
  "--instansi": "instansi",
  "--admin-email": "adminEmail",
  "--admin-nip": "adminNip",
};

/** `--instansi "<nama>" --admin-email <email> [--admin-nip <nip>] [--superadmin]`, also as `--flag=value`. */
export function parseSetupArgs(argv: string[]): SetupInput {
  const raw: Partial<Record<Exclude<keyof SetupInput, "superadmin">, string>> = {};
  let superadmin = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--superadmin") {
      if (superadmin) throw new SetupRefused("--superadmin diberikan lebih dari sekali.");
      superadmin = true;
      continue;
    }
    const [flag, inline] = argv[i].includes("=")
      ? [argv[i].slice(0, argv[i].indexOf("=")), argv[i].slice(argv[i].indexOf("=") + 1)]
      : [argv[i], undefined];
    const key = FLAGS[flag];
    if (!key) throw new SetupRefused(`Argumen tidak dikenal: ${argv[i]}. Pemakaian: ${USAGE}`);
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
  return superadmin ? { ...parsed.data, superadmin } : parsed.data;
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

/** `npm run setup`: the instansi, its first periode and its first ADMIN, in one transaction. */
export async function setupInstansi(prisma: PrismaClient, input: SetupInput) {
  const password = oneTimePassword();
  const passwordHash = await hashPassword(password);
  const created = await prisma.$transaction((tx) =>
    createInstansiWithAdmin(tx, input, passwordHash, { actorId: null, via: "npm run setup" }),
  );
  return { ...created, password };
}

/**
 * Creates an instansi with its first periode (on the catalogue in force this year) and its first ADMIN,
 * whose password is one-time (changed at first sign-in). Refuses, writing nothing, when the email or NIP
 * is taken. Used by `npm run setup` and by a SUPERADMIN's "Tambah instansi"; the entry in the new
 * instansi's audit log names who created it.
 */
export async function createInstansiWithAdmin(
  tx: Tx,
  input: SetupInput,
  passwordHash: string,
  origin: { actorId: string | null; via: string | null },
) {
  const clash = await tx.user.findFirst({
    where: { OR: [{ email: input.adminEmail }, ...(input.adminNip ? [{ nip: input.adminNip }] : [])] },
    select: { email: true },
  });
  if (clash) {
    throw clash.email === input.adminEmail
      ? new SetupRefused(`Email ${input.adminEmail} sudah terdaftar; tidak ada yang diubah.`, "adminEmail")
      : new SetupRefused(`NIP ${input.adminNip} sudah terdaftar; tidak ada yang diubah.`, "adminNip");
  }
  const year = Number(todayIso().slice(0, 4));
  const catalogueId = currentCatalogueId(year);
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
      roles: {
        create: [
          ...(input.superadmin ? [{ role: "SUPERADMIN" as const, unitId: null }] : []),
          { role: "ADMIN" as const, unitId: null },
        ],
      },
    },
  });
  await tx.auditLog.create({
    data: {
      instansiId: instansi.id,
      actorId: origin.actorId,
      action: "instansi.setup",
      entity: "Instansi",
      entityId: instansi.id,
      after: {
        instansi: instansi.name,
        periode: { year, catalogueId },
        admin: { id: admin.id, email: admin.email, nip: admin.nip, superadmin: !!input.superadmin },
      },
      ip: origin.via,
    },
  });
  return { instansiId: instansi.id, periodeId: periode.id, adminId: admin.id, year, catalogueId };
}
