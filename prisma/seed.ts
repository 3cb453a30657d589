/**
 * Demo data: "Pemerintah Kabupaten Contoh" with 14 units, a user for every role, last year closed
 * (complete SELF and TPI layers, penetapan results) and this year in progress (partial answers,
 * evidence, one unit returned for revision). Idempotent: the catalogues are synced every time; the
 * demo instansi is created once and left alone afterwards.
 */
import { Readable } from "node:stream";
import type { Prisma, PrismaClient } from "../src/generated/prisma/client";
import { getCatalogue } from "../src/domain/catalogue/registry";
import type { Catalogue, CatalogueQuestion, PercentageFormula } from "../src/domain/catalogue/types";
import { defaultPmpziDeadline, defaultStageWindows } from "../src/domain/timeline";
import { hashPassword } from "../src/server/auth/password";
import { syncCatalogues } from "../src/server/catalogue-sync";
import { createId } from "../src/server/ids";
import { recomputeAssessmentScores } from "../src/server/scoring/recompute";
import { getStorage } from "../src/server/storage/storage";
import { dateFromIso as isoDate } from "../src/server/dates";
import { createHash } from "node:crypto";
import { pdf } from "./demo-files";
import { mulberry32, seedOf } from "../src/lib/prng";

export const DEMO_INSTANSI = "Pemerintah Kabupaten Contoh";
export const DEMO_PASSWORD = "Integritas#2026";

type UnitType = "DINAS" | "BADAN" | "RSUD" | "PUSKESMAS" | "KECAMATAN" | "BAGIAN" | "UPT" | "LAINNYA";
type Criterion = "PELAYANAN_STRATEGIS" | "SUMBER_DAYA_BESAR" | "KEBERHASILAN_RB_TINGGI";
type Status = "DRAFT" | "SUBMITTED" | "IN_REVIEW" | "RETURNED" | "FINALIZED" | "APPROVED";

interface UnitSeed {
  key: string;
  name: string;
  shortName: string;
  type: UnitType;
  parent?: string;
  head: [string, string];
  proposed: boolean;
  criteria: Criterion[];
  /** Previous year: maturity 0–1 of the answers and the penetapan result. */
  last?: { maturity: number; ipak: number; ipkp: number; capaian: string; result: "WBK" | "WBBM" | "TIDAK" };
  /** This year: maturity, share of questions answered and review state; answers left without catatan. */
  now?: { maturity: number; answered: number; status: Status; evidence: number; missingCatatan?: number };
}

const UNITS: UnitSeed[] = [
  {
    key: "disdukcapil",
    name: "Dinas Kependudukan dan Pencatatan Sipil",
    shortName: "Disdukcapil",
    type: "DINAS",
    head: ["Hj. Euis Komalasari, S.H., M.Si.", "197205141998032004"],
    proposed: true,
    criteria: ["PELAYANAN_STRATEGIS", "KEBERHASILAN_RB_TINGGI"],
    last: { maturity: 0.95, ipak: 3.78, ipkp: 3.71, capaian: "A", result: "WBBM" },
    now: { maturity: 0.93, answered: 1, status: "IN_REVIEW", evidence: 0.8 },
  },
  {
    key: "dinkes",
    name: "Dinas Kesehatan",
    shortName: "Dinkes",
    type: "DINAS",
    head: ["dr. Agus Permana, M.K.M.", "197609232005011003"],
    proposed: true,
    criteria: ["PELAYANAN_STRATEGIS", "SUMBER_DAYA_BESAR"],
    last: { maturity: 0.72, ipak: 3.52, ipkp: 3.3, capaian: "C", result: "TIDAK" },
    now: { maturity: 0.78, answered: 0.62, status: "DRAFT", evidence: 0.4 },
  },
  {
    key: "dindikbud",
    name: "Dinas Pendidikan dan Kebudayaan",
    shortName: "Dindikbud",
    type: "DINAS",
    head: ["Drs. H. Mulyadi, M.Pd.", "196811071994031006"],
    proposed: true,
    criteria: ["SUMBER_DAYA_BESAR"],
    now: { maturity: 0.66, answered: 0.3, status: "DRAFT", evidence: 0.2 },
  },
  {
    key: "dpmptsp",
    name: "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
    shortName: "DPMPTSP",
    type: "DINAS",
    head: ["Rudi Hartono, S.STP., M.M.", "198001152000121002"],
    proposed: true,
    criteria: ["PELAYANAN_STRATEGIS", "KEBERHASILAN_RB_TINGGI"],
    last: { maturity: 0.88, ipak: 3.66, ipkp: 3.55, capaian: "B", result: "WBK" },
    now: { maturity: 0.9, answered: 1, status: "RETURNED", evidence: 0.85 },
  },
  {
    key: "bapenda",
    name: "Badan Pendapatan Daerah",
    shortName: "Bapenda",
    type: "BADAN",
    head: ["Ir. Dedi Supriadi, M.T.", "197403031999031005"],
    proposed: true,
    criteria: ["SUMBER_DAYA_BESAR"],
    last: { maturity: 0.7, ipak: 3.44, ipkp: 3.26, capaian: "C", result: "TIDAK" },
    now: { maturity: 0.82, answered: 1, status: "SUBMITTED", evidence: 0.7 },
  },
  {
    key: "bkpsdm",
    name: "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
    shortName: "BKPSDM",
    type: "BADAN",
    head: ["Yuni Astuti, S.Psi., M.M.", "197912122003122003"],
    proposed: true,
    criteria: ["KEBERHASILAN_RB_TINGGI"],
    now: { maturity: 0.75, answered: 1, status: "DRAFT", evidence: 0.5, missingCatatan: 2 },
  },
  {
    key: "rsud",
    name: "Rumah Sakit Umum Daerah Kabupaten Contoh",
    shortName: "RSUD",
    type: "RSUD",
    head: ["dr. Hendra Gunawan, Sp.PD., M.A.R.S.", "197107201999031004"],
    proposed: true,
    criteria: ["PELAYANAN_STRATEGIS", "SUMBER_DAYA_BESAR"],
    last: { maturity: 0.9, ipak: 3.63, ipkp: 3.42, capaian: "B", result: "WBK" },
    now: { maturity: 0.9, answered: 1, status: "FINALIZED", evidence: 0.9 },
  },
  {
    key: "dishub",
    name: "Dinas Perhubungan",
    shortName: "Dishub",
    type: "DINAS",
    head: ["Asep Saepudin, S.Sos., M.Si.", "197506181996011001"],
    proposed: true,
    criteria: ["PELAYANAN_STRATEGIS"],
    last: { maturity: 0.58, ipak: 3.31, ipkp: 3.12, capaian: "D", result: "TIDAK" },
    now: { maturity: 0.6, answered: 0.1, status: "DRAFT", evidence: 0.1 },
  },
  {
    key: "inspektorat",
    name: "Inspektorat Daerah",
    shortName: "Inspektorat",
    type: "LAINNYA",
    head: ["Drs. Rahmat Jaya, M.Si., CGCAE", "196905121990031008"],
    proposed: false,
    criteria: [],
  },
  {
    key: "organisasi",
    name: "Bagian Organisasi Sekretariat Daerah",
    shortName: "Bag. Organisasi",
    type: "BAGIAN",
    head: ["Ida Nuraida, S.IP., M.Si.", "197702252001122002"],
    proposed: false,
    criteria: [],
  },
  {
    key: "pkm-sukamaju",
    name: "UPTD Puskesmas Sukamaju",
    shortName: "PKM Sukamaju",
    type: "PUSKESMAS",
    parent: "dinkes",
    head: ["drg. Lina Marlina", "198304112009022005"],
    proposed: true,
    criteria: ["PELAYANAN_STRATEGIS"],
    last: { maturity: 0.84, ipak: 3.62, ipkp: 3.48, capaian: "B", result: "WBK" },
    now: { maturity: 0.94, answered: 1, status: "APPROVED", evidence: 1 },
  },
  {
    key: "pkm-mekarsari",
    name: "UPTD Puskesmas Mekarsari",
    shortName: "PKM Mekarsari",
    type: "PUSKESMAS",
    parent: "dinkes",
    head: ["dr. Fajar Nugraha", "198708292014031002"],
    proposed: true,
    criteria: ["PELAYANAN_STRATEGIS"],
    now: { maturity: 0.5, answered: 0, status: "DRAFT", evidence: 0 },
  },
  {
    key: "kec-cibeureum",
    name: "Kecamatan Cibeureum",
    shortName: "Kec. Cibeureum",
    type: "KECAMATAN",
    head: ["Iwan Setiawan, S.STP., M.Si.", "198102122000121001"],
    proposed: true,
    criteria: ["PELAYANAN_STRATEGIS"],
    last: { maturity: 0.62, ipak: 3.4, ipkp: 3.22, capaian: "C", result: "TIDAK" },
    now: { maturity: 0.7, answered: 0.45, status: "DRAFT", evidence: 0.3 },
  },
  {
    key: "kec-sukaresmi",
    name: "Kecamatan Sukaresmi",
    shortName: "Kec. Sukaresmi",
    type: "KECAMATAN",
    head: ["Dadang Kurniawan, S.Sos.", "197810102006041009"],
    proposed: false,
    criteria: [],
  },
];

interface UserSeed {
  email: string;
  name: string;
  nip: string;
  unit: string;
  roles: { role: "SUPERADMIN" | "ADMIN" | "TPI" | "PIMPINAN" | "KEPALA_OPD" | "OPERATOR_OPD"; unit?: string }[];
}

const TPI_A = ["disdukcapil", "dinkes", "dpmptsp", "rsud", "pkm-sukamaju", "pkm-mekarsari"];
const TPI_B = ["dindikbud", "bapenda", "bkpsdm", "dishub", "kec-cibeureum", "kec-sukaresmi"];

function demoUsers(): UserSeed[] {
  const users: UserSeed[] = [
    {
      email: "admin@contoh.go.id",
      name: "Siti Rahmawati, S.Sos.",
      nip: "198506152010012014",
      unit: "organisasi",
      roles: [{ role: "ADMIN" }],
    },
    {
      // The province's view across instansi (in a real deployment it sits in the Pemprov's instansi).
      email: "provinsi@contoh.go.id",
      name: "Ir. Agus Salim, M.T.",
      nip: "197302142000031004",
      unit: "organisasi",
      roles: [{ role: "SUPERADMIN" }],
    },
    {
      email: "pimpinan@contoh.go.id",
      name: "Drs. H. Bambang Suryadi, M.Si.",
      nip: "196804101992031007",
      unit: "organisasi",
      roles: [{ role: "PIMPINAN" }],
    },
    {
      email: "tpi@contoh.go.id",
      name: "Rina Marlina, S.E., Ak.",
      nip: "198203152006042003",
      unit: "inspektorat",
      roles: TPI_A.map((u) => ({ role: "TPI" as const, unit: u })),
    },
    {
      email: "tpi2@contoh.go.id",
      name: "Heri Kusnadi, S.H.",
      nip: "198411202009011002",
      unit: "inspektorat",
      roles: TPI_B.map((u) => ({ role: "TPI" as const, unit: u })),
    },
  ];
  let n = 1;
  for (const u of UNITS) {
    if (!u.proposed) continue;
    const slug = u.key.replace(/^pkm-/, "").replace(/^kec-/, "");
    users.push({
      email: `kepala.${slug}@contoh.go.id`,
      name: u.head[0],
      nip: u.head[1],
      unit: u.key,
      roles: [{ role: "KEPALA_OPD", unit: u.key }],
    });
    users.push({
      email: `operator.${slug}@contoh.go.id`,
      name: OPERATOR_NAMES[n % OPERATOR_NAMES.length],
      nip: `1990${String(100 + n).slice(1)}${String(10 + (n % 18)).padStart(2, "0")}2015${n % 2 ? "01" : "02"}${n % 2 ? "1" : "2"}${String(n).padStart(3, "0")}`,
      unit: u.key,
      roles: [{ role: "OPERATOR_OPD", unit: u.key }],
    });
    n++;
  }
  return users;
}

const OPERATOR_NAMES = [
  "Dewi Lestari, A.Md.",
  "Andi Firmansyah, S.Kom.",
  "Nurul Hidayah, S.E.",
  "Yoga Pratama, S.T.",
  "Maya Sari, S.AP.",
  "Fikri Ramadhan, S.Kom.",
  "Intan Permatasari, S.I.Kom.",
  "Taufik Hidayat, A.Md.",
  "Rika Amelia, S.E.",
  "Bayu Saputra, S.Kom.",
  "Sri Wahyuni, S.Sos.",
];

/** Deterministic pseudo-random numbers so the demo looks the same on every machine. */
const prng = (seedText: string) => mulberry32(seedOf(seedText));

const clamp = (x: number) => Math.min(1, Math.max(0, x));

function optionFor(q: CatalogueQuestion, target: number, rand: () => number): string {
  // Even good units have a few weak spots.
  const dip = rand() < 0.08 ? 0.6 : 0;
  const score = clamp(target - dip + (rand() - 0.5) * 0.5);
  const n = q.options.length;
  return q.options[Math.min(n - 1, Math.round((1 - score) * (n - 1)))].label;
}

function countsFor(formula: PercentageFormula, target: number, rand: () => number): Record<string, number> {
  const base = 4 + Math.floor(rand() * 30);
  const achieved = Math.round(base * clamp(target + (rand() - 0.5) * 0.3));
  switch (formula.kind) {
    case "ratio": {
      const counts: Record<string, number> = {};
      let remaining = base;
      formula.denominator.forEach((key, i) => {
        const part = i === formula.denominator.length - 1 ? remaining : Math.floor(remaining / 2);
        counts[key] = part;
        remaining -= part;
      });
      counts[formula.numerator] = achieved;
      return counts;
    }
    case "reduction": {
      const previous = 2 + Math.floor(rand() * 10);
      const current = Math.round(previous * (1 - clamp(target + (rand() - 0.5) * 0.4)));
      return { [formula.previous]: previous, [formula.current]: current, pelanggaranDisanksi: current };
    }
    case "complaints":
      return { [formula.due]: base, [formula.inProgress]: base - achieved, [formula.done]: achieved };
  }
}

interface AnswerDraft {
  optionLabel?: string;
  counts?: Record<string, number>;
}

function draftAnswer(q: CatalogueQuestion, maturity: number, rand: () => number): AnswerDraft {
  if (q.answerType === "PERSENTASE" && q.formula) return { counts: countsFor(q.formula, maturity, rand) };
  return { optionLabel: optionFor(q, maturity, rand) };
}

/** The TPI is usually stricter: one step lower on about a fifth of the answers. */
function tpiAnswer(q: CatalogueQuestion, self: AnswerDraft, rand: () => number): AnswerDraft {
  if (rand() > 0.2) return self;
  if (self.optionLabel) {
    const i = q.options.findIndex((o) => o.label === self.optionLabel);
    return { optionLabel: q.options[Math.min(q.options.length - 1, i + 1)].label };
  }
  if (self.counts && q.formula?.kind === "ratio") {
    return {
      counts: { ...self.counts, [q.formula.numerator]: Math.max(0, (self.counts[q.formula.numerator] ?? 0) - 1) },
    };
  }
  return self;
}

const CATATAN = [
  "Sesuai dokumen terlampir; telah diverifikasi oleh tim kerja.",
  "Dokumen pendukung tersedia; pelaksanaan dipantau setiap triwulan.",
  "Telah dilaksanakan sebagian, tindak lanjut dijadwalkan pada triwulan berikutnya.",
  "Bukti berupa SK, notulen rapat dan laporan monev.",
  "Dilaksanakan sesuai rencana kerja pembangunan ZI.",
  "Laporan kegiatan dan dokumentasi terlampir.",
];

const RETURN_REASONS = [
  "Bukti dukung belum memuat tanda tangan pimpinan; mohon unggah dokumen yang sah.",
  "Jumlah yang dilaporkan tidak sesuai dengan rekap e-LHKPN; mohon diperbaiki.",
  "Catatan belum menjelaskan mekanisme monev; lengkapi dengan notulen rapat.",
];

export async function seed(prisma: PrismaClient, opts: { year?: number; log?: (s: string) => void } = {}) {
  const log = opts.log ?? (() => {});
  const added = await syncCatalogues(prisma);
  if (added.length) log(`Katalog LKE dimuat: ${added.join(", ")}`);
  if (await prisma.instansi.findFirst({ where: { name: DEMO_INSTANSI } })) {
    log("Data demo sudah ada; tidak diubah.");
    return;
  }
  await seedDemo(prisma, opts.year ?? new Date().getFullYear());
  log("Data demo dibuat.");
}

async function seedDemo(prisma: PrismaClient, year: number) {
  const lastYear = year - 1;
  const instansi = await prisma.instansi.create({ data: { name: DEMO_INSTANSI, shortName: "Pemkab Contoh" } });

  const unitIds = new Map<string, string>();
  for (const u of UNITS) unitIds.set(u.key, createId());
  await prisma.unit.createMany({
    data: UNITS.map((u) => ({
      id: unitIds.get(u.key)!,
      instansiId: instansi.id,
      name: u.name,
      shortName: u.shortName,
      type: u.type,
      headName: u.head[0],
      headNip: u.head[1],
      proposedForZi: u.proposed,
      selectionCriteria: u.criteria,
    })),
  });
  for (const u of UNITS.filter((u) => u.parent)) {
    await prisma.unit.update({ where: { id: unitIds.get(u.key)! }, data: { parentId: unitIds.get(u.parent!)! } });
  }

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const userIds = new Map<string, string>();
  for (const u of demoUsers()) {
    const user = await prisma.user.create({
      data: {
        instansiId: instansi.id,
        unitId: unitIds.get(u.unit),
        name: u.name,
        nip: u.nip,
        email: u.email,
        passwordHash,
        roles: { create: u.roles.map((r) => ({ role: r.role, unitId: r.unit ? unitIds.get(r.unit) : null })) },
      },
    });
    userIds.set(u.email, user.id);
  }
  const admin = userIds.get("admin@contoh.go.id")!;
  const pimpinan = userIds.get("pimpinan@contoh.go.id")!;
  const tpiFor = (key: string) => userIds.get(TPI_A.includes(key) ? "tpi@contoh.go.id" : "tpi2@contoh.go.id")!;
  const slug = (key: string) => key.replace(/^pkm-/, "").replace(/^kec-/, "");
  const operatorFor = (key: string) => userIds.get(`operator.${slug(key)}@contoh.go.id`)!;

  // Periods: last year closed on the 2021-wording catalogue, this year running on the 2026 LKE.
  const periodes = new Map<number, { id: string; catalogue: Catalogue }>();
  for (const [y, catalogueId, status] of [
    [lastYear, "permenpanrb-90-2021", "DITUTUP"],
    [year, "lke-2026", "BERJALAN"],
  ] as const) {
    const periode = await prisma.periode.create({
      data: {
        instansiId: instansi.id,
        year: y,
        catalogueId,
        status,
        pmpziDeadline: isoDate(defaultPmpziDeadline(y)),
        stages: {
          create: defaultStageWindows(y).map((w) => ({
            stage: w.stage,
            startDate: isoDate(w.start),
            endDate: isoDate(w.end),
          })),
        },
      },
    });
    periodes.set(y, { id: periode.id, catalogue: getCatalogue(catalogueId) });
  }

  // Penetapan two years back, so last year's WBBM rests on a WBK already held.
  await prisma.penetapan.createMany({
    data: [
      {
        unitId: unitIds.get("disdukcapil")!,
        year: lastYear - 1,
        result: "WBK",
        decreeNumber: `B/${lastYear - 1}/M.PANRB/12/${lastYear - 1}`,
        decreeDate: isoDate(`${lastYear - 1}-12-12`),
      },
      ...UNITS.filter((u) => u.last).map((u) => ({
        unitId: unitIds.get(u.key)!,
        year: lastYear,
        result: u.last!.result,
        decreeNumber: u.last!.result === "TIDAK" ? null : `B/${412 + u.key.length}/M.SM.02.01/${lastYear}`,
        decreeDate: u.last!.result === "TIDAK" ? null : isoDate(`${lastYear}-12-10`),
      })),
    ],
  });

  const questionIds = new Map<string, Map<string, string>>();
  for (const { catalogue } of periodes.values()) {
    const rows = await prisma.lkeQuestion.findMany({
      where: { catalogueId: catalogue.id },
      select: { id: true, code: true },
    });
    questionIds.set(catalogue.id, new Map(rows.map((r) => [r.code, r.id])));
  }

  const storage = getStorage();
  const evidenceRows: Prisma.EvidenceCreateManyInput[] = [];
  async function addEvidence(answerId: string, unitKey: string, q: CatalogueQuestion, uploadedBy: string, at: Date) {
    const name = `${q.id} ${q.indicatorId} - ${UNITS.find((u) => u.key === unitKey)!.shortName}.pdf`;
    const bytes = pdf(`Bukti dukung ${q.id} - ${UNITS.find((u) => u.key === unitKey)!.name}`.replace(/[()\\]/g, ""));
    const key = `${instansi.id}/${createId()}`.toLowerCase();
    await storage.put(key, Readable.from(bytes), { size: bytes.length, contentType: "application/pdf" });
    evidenceRows.push({
      instansiId: instansi.id,
      answerId,
      originalName: name,
      size: bytes.length,
      mimeType: "application/pdf",
      sha256: createHash("sha256").update(bytes).digest("hex"),
      storageKey: key,
      uploadedById: uploadedBy,
      uploadedAt: at,
    });
  }

  const assessmentIds: string[] = [];
  for (const u of UNITS) {
    for (const [y, plan] of [
      [lastYear, u.last && { maturity: u.last.maturity, answered: 1, status: "APPROVED" as Status, evidence: 1 }],
      [year, u.now],
    ] as const) {
      if (!plan) continue;
      const { id: periodeId, catalogue } = periodes.get(y)!;
      const qids = questionIds.get(catalogue.id)!;
      const rand = prng(`${u.key}-${y}`);
      const closed = y === lastYear;
      const at = (month: number, day: number) => new Date(Date.UTC(y, month - 1, day, 3, 0, 0));
      const status = plan.status;
      const reviewed = ["IN_REVIEW", "RETURNED", "FINALIZED", "APPROVED"].includes(status);
      const assessment = await prisma.assessment.create({
        data: {
          unitId: unitIds.get(u.key)!,
          periodeId,
          status,
          revisionRound: status === "RETURNED" ? 1 : 0,
          submittedAt: status === "DRAFT" ? null : at(4, 14),
          finalizedAt: ["FINALIZED", "APPROVED"].includes(status) ? at(5, 20) : null,
          approvedAt: status === "APPROVED" ? at(5, 27) : null,
          // This year's units that have not submitted may still fill in: Bagian Organisasi reopened them
          // after the Pembinaan window closed.
          reopenedUntil: !closed && (status === "DRAFT" || status === "RETURNED") ? isoDate(`${y}-12-31`) : null,
          reopenReason:
            !closed && (status === "DRAFT" || status === "RETURNED")
              ? "Perpanjangan pengisian LKE sesuai surat Sekda"
              : null,
          lastActivityAt: closed ? at(5, 27) : new Date(Date.UTC(y, 8, 1 + Math.floor(rand() * 28), 2)),
        },
      });
      assessmentIds.push(assessment.id);

      const answers: Prisma.AnswerCreateManyInput[] = [];
      const evidenceFor: { answerId: string; q: CatalogueQuestion }[] = [];
      const questions = catalogue.questions;
      const answeredCount = Math.round(questions.length * plan.answered);
      // Answer the first areas fully before later ones, as units usually work area by area.
      const returned = new Set(status === "RETURNED" ? [questions[7].id, questions[52].id, questions[101].id] : []);
      const reviewedUpTo = status === "IN_REVIEW" ? Math.round(questions.length * 0.55) : questions.length;
      for (const [i, q] of questions.entries()) {
        if (i >= answeredCount) break;
        const self = draftAnswer(q, plan.maturity, rand);
        const selfId = createId();
        const isReturned = returned.has(q.id);
        const tpi = tpiAnswer(q, self, rand);
        const tpiChanged = JSON.stringify(tpi) !== JSON.stringify(self);
        const underReview = reviewed && i < reviewedUpTo;
        answers.push({
          id: selfId,
          assessmentId: assessment.id,
          questionId: qids.get(q.id)!,
          layer: "SELF",
          optionLabel: self.optionLabel,
          counts: self.counts,
          // A couple of answers still waiting for their catatan, as a unit nearly ready to submit.
          catatan:
            i >= questions.length - (("missingCatatan" in plan && plan.missingCatatan) || 0)
              ? null
              : CATATAN[Math.floor(rand() * CATATAN.length)],
          updatedAt: at(3, 10),
          reviewStatus: isReturned ? "RETURNED" : !underReview ? "PENDING" : tpiChanged ? "CHANGED" : "ACCEPTED",
          returnReason: isReturned ? RETURN_REASONS[[...returned].indexOf(q.id)] : null,
          updatedById: operatorFor(u.key),
          createdAt: at(3, 10),
        });
        if (underReview && !isReturned) {
          answers.push({
            assessmentId: assessment.id,
            questionId: qids.get(q.id)!,
            layer: "TPI",
            optionLabel: tpi.optionLabel,
            counts: tpi.counts,
            catatan: tpiChanged
              ? "Bukti dukung belum sepenuhnya memenuhi kriteria; nilai disesuaikan TPI."
              : "Sesuai bukti dukung.",
            reviewStatus: tpiChanged ? "CHANGED" : "ACCEPTED",
            updatedById: tpiFor(u.key),
            createdAt: at(5, 2),
            updatedAt: at(5, 2),
          });
        }
        if (rand() < plan.evidence) evidenceFor.push({ answerId: selfId, q });
      }
      await prisma.answer.createMany({ data: answers });
      // Files only for this year's units (last year's are summarised by their scores).
      if (!closed) {
        // Files are written a few at a time: each is synced to disk before it counts as stored.
        for (let i = 0; i < evidenceFor.length; i += 16) {
          await Promise.all(
            evidenceFor
              .slice(i, i + 16)
              .map(({ answerId, q }) => addEvidence(answerId, u.key, q, operatorFor(u.key), at(3, 12))),
          );
        }
      }

      const hasilSelf =
        u.last && closed
          ? { ipak: u.last.ipak, ipkp: u.last.ipkp, capaianKinerja: u.last.capaian }
          : plan.answered >= 0.6
            ? {
                ipak: Math.round((3.2 + plan.maturity * 0.6) * 100) / 100,
                ipkp: Math.round((3.05 + plan.maturity * 0.62) * 100) / 100,
                capaianKinerja: plan.maturity > 0.85 ? "A" : plan.maturity > 0.7 ? "B" : "C",
              }
            : null;
      if (hasilSelf) {
        await prisma.hasilInput.create({
          data: {
            assessmentId: assessment.id,
            layer: "SELF",
            ...hasilSelf,
            catatan: "Hasil survei SPAK/SPKP triwulan I–IV dan laporan kinerja.",
            updatedById: operatorFor(u.key),
          },
        });
        if (reviewed) {
          await prisma.hasilInput.create({
            data: {
              assessmentId: assessment.id,
              layer: "TPI",
              ...hasilSelf,
              catatan: "Sesuai laporan survei.",
              updatedById: tpiFor(u.key),
            },
          });
        }
      }
      if (status === "APPROVED") {
        await prisma.auditLog.create({
          data: {
            instansiId: instansi.id,
            actorId: pimpinan,
            action: "assessment.approve",
            entity: "Assessment",
            entityId: assessment.id,
            after: { status },
            createdAt: at(5, 27),
          },
        });
      }
    }
  }
  if (evidenceRows.length) await prisma.evidence.createMany({ data: evidenceRows });
  for (const id of assessmentIds) await recomputeAssessmentScores(prisma, id);

  // Pencanangan: last year's mass declaration and this year's for the newly proposed units.
  const declare = async (d: {
    title: string;
    date: string;
    place: string;
    signatories: number;
    units: string[];
    witnesses: [string, string][];
    periode: number;
  }) =>
    prisma.pencanangan.create({
      data: {
        instansiId: instansi.id,
        periodeId: periodes.get(d.periode)!.id,
        title: d.title,
        date: isoDate(d.date),
        place: d.place,
        signatoriesCount: d.signatories,
        createdById: admin,
        units: { create: d.units.map((k) => ({ unitId: unitIds.get(k)! })) },
        witnesses: { create: d.witnesses.map(([institution, name]) => ({ institution: institution as never, name })) },
      },
    });
  await declare({
    title: "Pencanangan Pembangunan Zona Integritas menuju WBK/WBBM",
    date: `${lastYear}-03-12`,
    place: "Pendopo Kabupaten Contoh",
    signatories: 412,
    units: ["disdukcapil", "dinkes", "dpmptsp", "bapenda", "rsud", "dishub", "pkm-sukamaju", "kec-cibeureum"],
    witnesses: [
      ["KEMENPANRB", "Asisten Deputi Pelayanan Publik Kementerian PANRB"],
      ["KPK", "Direktorat Koordinasi dan Supervisi Wilayah II KPK"],
      ["OMBUDSMAN", "Kepala Perwakilan Ombudsman RI"],
      ["POLRES", "Kapolres Contoh"],
    ],
    periode: lastYear,
  });
  await declare({
    title: "Pencanangan Zona Integritas dan Penandatanganan Pakta Integritas Tahap II",
    date: `${year}-02-20`,
    place: "Aula Setda Kabupaten Contoh",
    signatories: 236,
    units: ["dindikbud", "bkpsdm"],
    witnesses: [
      ["BPKP", "Perwakilan BPKP Provinsi"],
      ["KEJAKSAAN", "Kepala Kejaksaan Negeri Contoh"],
      ["BPS", "Kepala BPS Kabupaten Contoh"],
    ],
    periode: year,
  });

  // Monthly monev: a few action-plan items per unit this year, some past their date and not done.
  const activities: [string, string][] = [
    ["PENGUNGKIT.A", "Penyusunan SK Tim Kerja dan rencana kerja pembangunan ZI"],
    ["PENGUNGKIT.B", "Reviu SOP layanan utama berbasis peta proses bisnis"],
    ["PENGUNGKIT.C", "Penyusunan pola mutasi internal dan rencana pengembangan kompetensi"],
    ["PENGUNGKIT.D", "Monitoring capaian perjanjian kinerja triwulanan"],
    ["PENGUNGKIT.E", "Sosialisasi pengendalian gratifikasi dan WBS kepada pegawai"],
    ["PENGUNGKIT.F", "Survei kepuasan masyarakat dan publikasi hasilnya"],
  ];
  const plans: Prisma.RencanaAksiCreateManyInput[] = [];
  for (const u of UNITS.filter((u) => u.now)) {
    const rand = prng(`monev-${u.key}`);
    activities.forEach(([areaCode, activity], i) => {
      const month = 2 + i * 2;
      const r = rand();
      plans.push({
        unitId: unitIds.get(u.key)!,
        periodeId: periodes.get(year)!.id,
        areaCode,
        activity,
        targetDate: isoDate(`${year}-${String(month).padStart(2, "0")}-${month === 2 ? 28 : 30}`),
        personInCharge: `Ketua Pokja ${i + 1} ${u.shortName}`,
        status: r < u.now!.maturity - 0.15 ? "SELESAI" : r < u.now!.maturity + 0.1 ? "PROSES" : "BELUM",
      });
    });
  }
  await prisma.rencanaAksi.createMany({ data: plans });
}
