/**
 * Shared fixtures of the authorisation matrices: one signed-in user per role (from the role list, so a
 * new role joins the matrix by itself), and three places a target can be in — the caller's own unit,
 * another unit of the same instansi, a unit of another instansi — with builders for the records an
 * action or route aims at.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { ROLES, roleAssignmentsOf, type RoleCode } from "@/domain/roles";
import type { PrismaClient } from "@/generated/prisma/client";
import { hashPassword } from "@/server/auth/password";
import { scopeOf, type Permission } from "@/server/authz";
import { dateFromIso } from "@/server/dates";
import { setupInstansi } from "@/server/onboarding";
import { ensureInstrument } from "@/server/survey/results";
import { sessionAs } from "./db";

export const PLACES = ["own", "other", "foreign"] as const;
export type PlaceName = (typeof PLACES)[number];

export interface Place {
  name: PlaceName;
  instansiId: string;
  unitId: string;
  /** The unit's LKE of the running year. */
  assessmentId: string;
  periodeId: string;
  /** Someone of that place, for records that need an author. */
  someoneId: string;
}

export type Session = Awaited<ReturnType<typeof sessionAs>>;

export const MATRIX_PASSWORD = "matriks-uji-2026";
const year = new Date().getFullYear();

/** The seeded demo instansi's Dinkes is "own" and Dindikbud "other"; the foreign instansi is made here. */
export async function buildPlaces(prisma: PrismaClient) {
  const unit = (shortName: string) => prisma.unit.findFirstOrThrow({ where: { shortName } });
  const [dinkes, dindikbud] = [await unit("Dinkes"), await unit("Dindikbud")];
  const admin = await prisma.user.findUniqueOrThrow({ where: { email: "admin@contoh.go.id" } });

  await setupInstansi(prisma, {
    instansi: "Pemerintah Kota Seberang",
    adminEmail: "admin@seberang.go.id",
  });
  const foreignAdmin = await prisma.user.findUniqueOrThrow({ where: { email: "admin@seberang.go.id" } });
  const foreignUnit = await prisma.unit.create({
    data: {
      instansiId: foreignAdmin.instansiId,
      name: "Dinas Kesehatan Kota Seberang",
      shortName: "Dinkes",
      type: "DINAS",
      proposedForZi: true,
      selectionCriteria: ["PELAYANAN_STRATEGIS"],
    },
  });
  const foreignPeriode = await prisma.periode.findFirstOrThrow({
    where: { instansiId: foreignAdmin.instansiId, year },
  });
  await prisma.assessment.create({ data: { unitId: foreignUnit.id, periodeId: foreignPeriode.id } });

  const placeOf = async (name: PlaceName, u: { id: string; instansiId: string }, someoneId: string): Promise<Place> => {
    const a = await prisma.assessment.findFirstOrThrow({ where: { unitId: u.id, periode: { year } } });
    return { name, instansiId: u.instansiId, unitId: u.id, assessmentId: a.id, periodeId: a.periodeId, someoneId };
  };
  const places: Record<PlaceName, Place> = {
    own: await placeOf("own", dinkes, admin.id),
    other: await placeOf("other", dindikbud, admin.id),
    foreign: await placeOf("foreign", foreignUnit, foreignAdmin.id),
  };

  // One user per role, holding only that role, on the own unit where the role is unit-bound.
  const passwordHash = await hashPassword(MATRIX_PASSWORD);
  const sessions = {} as Record<RoleCode, Session>;
  for (const role of ROLES) {
    const email = `matriks.${role.toLowerCase()}@contoh.go.id`;
    await prisma.user.create({
      data: {
        instansiId: dinkes.instansiId,
        name: `Uji Matriks ${role}`,
        email,
        passwordHash,
        unitId: dinkes.id,
        roles: { create: roleAssignmentsOf([role], [dinkes.id], dinkes.id) },
      },
    });
    sessions[role] = await sessionAs(prisma, email);
  }
  return { places, sessions, make: builders(prisma, places) };
}

export type Fixtures = Awaited<ReturnType<typeof buildPlaces>>;

/** What the table says a role may reach: a target in the place, with the permission. */
export function expectedAllowed(session: Session, permission: Permission, place: PlaceName): boolean {
  const scope = scopeOf(session.user, permission);
  if (!scope || place === "foreign") return false;
  return place === "own" || scope.all;
}

const uniq = () => randomBytes(6).toString("hex");

/** Fresh records in a place, so a cell that consumes its target (a deletion, a status move) never starves the next. */
function builders(prisma: PrismaClient, places: Record<PlaceName, Place>) {
  const firstQuestion = async (p: Place) => {
    const periode = await prisma.periode.findUniqueOrThrow({ where: { id: p.periodeId } });
    return prisma.lkeQuestion.findFirstOrThrow({
      where: { catalogueId: periode.catalogueId, answerType: "YA_TIDAK" },
      orderBy: [{ areaId: "asc" }, { position: "asc" }],
    });
  };
  const fileFields = (p: Place) => ({
    instansiId: p.instansiId,
    originalName: "bukti.pdf",
    size: 10,
    mimeType: "application/pdf",
    sha256: randomBytes(32).toString("hex"),
    storageKey: `matriks/${uniq()}`,
    uploadedById: p.someoneId,
  });
  const make = {
    places,
    firstQuestion,
    async answer(p: Place) {
      const q = await firstQuestion(p);
      const key = { assessmentId: p.assessmentId, questionId: q.id, layer: "SELF" as const };
      return (
        (await prisma.answer.findUnique({ where: { assessmentId_questionId_layer: key } })) ??
        prisma.answer.create({ data: key })
      );
    },
    async answerEvidence(p: Place) {
      return prisma.evidence.create({ data: { ...fileFields(p), answerId: (await make.answer(p)).id } });
    },
    async pencanangan(p: Place) {
      return prisma.pencanangan.create({
        data: {
          instansiId: p.instansiId,
          title: "Pencanangan uji matriks",
          date: dateFromIso(`${year}-02-01`),
          place: "Aula",
          signatoriesCount: 10,
          createdById: p.someoneId,
          units: { create: [{ unitId: p.unitId }] },
        },
      });
    },
    async pencananganDocument(p: Place) {
      return prisma.evidence.create({ data: { ...fileFields(p), pencananganId: (await make.pencanangan(p)).id } });
    },
    async rencanaAksi(p: Place) {
      const periode = await prisma.periode.findUniqueOrThrow({ where: { id: p.periodeId } });
      const area = await prisma.lkeArea.findFirstOrThrow({
        where: { catalogueId: periode.catalogueId, minWbkPct: { not: null } },
      });
      return prisma.rencanaAksi.create({
        data: {
          unitId: p.unitId,
          periodeId: p.periodeId,
          areaCode: area.code,
          activity: "Kegiatan uji matriks",
          targetDate: dateFromIso(`${year}-11-30`),
          personInCharge: "Penanggung jawab",
        },
      });
    },
    async rencanaAksiEvidence(p: Place) {
      return prisma.evidence.create({ data: { ...fileFields(p), rencanaAksiId: (await make.rencanaAksi(p)).id } });
    },
    async round(p: Place) {
      const spak = await ensureInstrument(prisma, p.instansiId, "SPAK", p.someoneId);
      const spkp = await ensureInstrument(prisma, p.instansiId, "SPKP", p.someoneId);
      return prisma.surveyRound.create({
        data: {
          unitId: p.unitId,
          year,
          title: "Putaran uji matriks",
          token: uniq(),
          spakInstrumentId: spak.id,
          spkpInstrumentId: spkp.id,
        },
      });
    },
    async surveyResponse(p: Place) {
      return prisma.surveyResponse.create({
        data: { roundId: (await make.round(p)).id, answers: { spak: [], spkp: [] } },
      });
    },
    async pengaduan(p: Place) {
      return prisma.pengaduan.create({
        data: {
          instansiId: p.instansiId,
          unitId: p.unitId,
          trackingCode: `UJI-${uniq()}`,
          subject: "Pengaduan uji",
          description: "Uraian pengaduan untuk uji matriks otorisasi.",
          dueDate: dateFromIso(`${year}-12-31`),
          ipHash: uniq(),
        },
      });
    },
    async lampiran(p: Place) {
      return prisma.pengaduanLampiran.create({
        data: {
          pengaduanId: (await make.pengaduan(p)).id,
          originalName: "foto.png",
          size: 10,
          mimeType: "image/png",
          sha256: randomBytes(32).toString("hex"),
          storageKey: `matriks/${uniq()}`,
        },
      });
    },
    async dokumenPublik(p: Place) {
      return prisma.dokumenPublik.create({
        data: { unitId: p.unitId, kind: "MAKLUMAT", title: "Maklumat uji", url: "https://contoh.go.id/maklumat" },
      });
    },
    async user(p: Place) {
      return prisma.user.create({
        data: {
          instansiId: p.instansiId,
          name: "Pegawai Uji Matriks",
          email: `pegawai.${uniq()}@contoh.go.id`,
          passwordHash: "x",
          unitId: p.unitId,
          roles: { create: [{ role: "OPERATOR_OPD", unitId: p.unitId }] },
        },
      });
    },
    async notification(userId: string) {
      return prisma.notification.create({
        data: { userId, kind: "LKE_SUBMITTED", title: "Uji", body: "Uji matriks", link: "/", dedupeKey: randomUUID() },
      });
    },
    async apiToken(p: Place) {
      return prisma.apiToken.create({
        data: {
          instansiId: p.instansiId,
          name: "Token uji",
          tokenHash: uniq(),
          prefix: "zi_uji",
          createdById: p.someoneId,
        },
      });
    },
  };
  return make;
}
