/**
 * A province-sized dataset for the benchmark: many instansi, each with its units, users, three
 * years of periodes, both LKE layers complete, stored scores from the engine, evidence rows and audit
 * rows. Rows go in as multi-row inserts from arrays (`INSERT … SELECT * FROM unnest(…)`), thousands
 * per statement, never one insert per row.
 *
 *   tsx scripts/bench/province-dataset.ts [--instansi 30] [--units 100] [--years 3]
 *
 * Needs DATABASE_URL pointing at an empty (or freshly migrated) PostgreSQL database.
 */
import { parseArgs } from "node:util";
import pg from "pg";
import { getCatalogue } from "../../src/domain/catalogue/registry";
import type { Catalogue, CatalogueQuestion } from "../../src/domain/catalogue/types";
import { scoreAssessment } from "../../src/domain/scoring/score";
import type { AnswerValue } from "../../src/domain/scoring/types";
import { defaultPmpziDeadline, defaultStageWindows } from "../../src/domain/timeline";
import { mulberry32, seedOf } from "../../src/lib/prng";
import { hashPassword } from "../../src/server/auth/password";
import { syncCatalogues } from "../../src/server/catalogue-sync";
import { openDatabase } from "../../src/server/db/connect";
import { migrate } from "../../src/server/db/migrate";
import { runDataMigrations } from "../../src/server/db/data-migrations";
import { createId } from "../../src/server/ids";
import { storedScore } from "../../src/server/scoring/recompute";

export const BENCH_PASSWORD = "Bench#Integritas2026";
export const BENCH_SUPERADMIN = "superadmin@uji.go.id";

export interface ProvinceOptions {
  instansi: number;
  unitsPerInstansi: number;
  years: number;
  /** The running year; earlier years are closed. */
  year: number;
  log?: (line: string) => void;
}

export interface ProvinceDataset {
  instansi: number;
  units: number;
  users: number;
  assessments: number;
  answers: number;
  evidence: number;
  audit: number;
  seconds: number;
  /** One instansi's ids and accounts, for the load generator. */
  sample: { instansiId: string; adminEmail: string; unitIds: string[]; operatorEmails: string[] };
}

/** A column and its SQL type; array-typed columns travel as text literals ("{a,b}") and are cast back. */
type Column = [name: string, sqlType: string];

/** Inserts rows column-wise in batches: one statement per `batch` rows. */
async function insert(pool: pg.Pool, table: string, columns: Column[], rows: unknown[][], batch = 20_000) {
  const list = columns.map(([n]) => `"${n}"`).join(", ");
  const params = columns.map(([, t], i) => `$${i + 1}::${t.endsWith("[]") ? "text" : t}[]`).join(", ");
  const select = columns.map(([, t], i) => (t.endsWith("[]") ? `c${i}::${t}` : `c${i}`)).join(", ");
  const alias = columns.map((_, i) => `c${i}`).join(", ");
  const sql = `INSERT INTO "${table}" (${list}) SELECT ${select} FROM unnest(${params}) AS t(${alias})`;
  for (let from = 0; from < rows.length; from += batch) {
    const chunk = rows.slice(from, from + batch);
    await pool.query(
      sql,
      columns.map((_, i) => chunk.map((r) => r[i])),
    );
  }
}

const clamp = (x: number) => Math.min(1, Math.max(0, x));

function answerFor(q: CatalogueQuestion, maturity: number, rand: () => number): AnswerValue {
  if (q.answerType === "PERSENTASE" && q.formula) {
    const base = 4 + Math.floor(rand() * 30);
    const achieved = Math.round(base * clamp(maturity + (rand() - 0.5) * 0.3));
    const f = q.formula;
    switch (f.kind) {
      case "ratio": {
        const counts: Record<string, number> = { [f.numerator]: achieved };
        f.denominator.forEach((key, i) => (counts[key] = i === 0 ? base : 0));
        return counts;
      }
      case "reduction": {
        const previous = 2 + Math.floor(rand() * 10);
        const current = Math.round(previous * (1 - clamp(maturity)));
        return { [f.previous]: previous, [f.current]: current, pelanggaranDisanksi: current };
      }
      case "complaints":
        return { [f.due]: base, [f.inProgress]: base - achieved, [f.done]: achieved };
    }
  }
  const n = q.options.length;
  const score = clamp(maturity + (rand() - 0.5) * 0.5);
  return q.options[Math.min(n - 1, Math.round((1 - score) * (n - 1)))].label;
}

export async function generateProvince(url: string, opts: ProvinceOptions): Promise<ProvinceDataset> {
  const log = opts.log ?? (() => {});
  const t0 = Date.now();
  const db = await openDatabase({ url });
  await migrate(db.runner);
  // Recorded as done while the database is empty: the scores below already come from today's engine.
  await runDataMigrations(db.prisma);
  await syncCatalogues(db.prisma);
  await db.close();

  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const questionIds = new Map<string, string>();
  for (const r of (await pool.query(`SELECT id, "catalogueId", code FROM "LkeQuestion"`)).rows) {
    questionIds.set(`${r.catalogueId}:${r.code}`, r.id);
  }
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const now = new Date();
  const years = Array.from({ length: opts.years }, (_, i) => opts.year - opts.years + 1 + i);
  const catalogueFor = (year: number): Catalogue => getCatalogue(year >= 2026 ? "lke-2026" : "permenpanrb-90-2021");

  const totals = { units: 0, users: 0, assessments: 0, answers: 0, evidence: 0, audit: 0 };
  let sample: ProvinceDataset["sample"] | undefined;

  for (let i = 0; i < opts.instansi; i++) {
    const rand = mulberry32(seedOf(`provinsi-${i}`));
    const instansiId = createId();
    const tag = `i${String(i + 1).padStart(3, "0")}`;
    await insert(
      pool,
      "Instansi",
      [
        ["id", "text"],
        ["name", "text"],
        ["updatedAt", "timestamp"],
      ],
      [[instansiId, `Pemerintah Kabupaten Uji ${i + 1}`, now]],
    );

    const units = Array.from({ length: opts.unitsPerInstansi }, (_, u) => ({
      id: createId(),
      shortName: `UNIT-${String(u + 1).padStart(3, "0")}`,
      maturity: 0.45 + rand() * 0.5,
    }));
    await insert(
      pool,
      "Unit",
      [
        ["id", "text"],
        ["instansiId", "text"],
        ["name", "text"],
        ["shortName", "text"],
        ["type", '"UnitType"'],
        ["proposedForZi", "boolean"],
        ["updatedAt", "timestamp"],
      ],
      units.map((u, k) => [u.id, instansiId, `Dinas Uji ${k + 1}`, u.shortName, "DINAS", true, now]),
    );

    // An admin, a pimpinan, five TPI (each for a fifth of the units), a head and an operator per unit.
    const users: unknown[][] = [];
    const roles: unknown[][] = [];
    const person = (email: string, name: string, unitId: string | null) => {
      const id = createId();
      users.push([id, instansiId, unitId, name, email, passwordHash, now]);
      return id;
    };
    roles.push([createId(), person(`admin.${tag}@uji.go.id`, "Admin Uji", null), "ADMIN", null]);
    // The province's SUPERADMIN sits in the first instansi (as it would in the Pemprov's).
    if (i === 0) roles.push([createId(), person(BENCH_SUPERADMIN, "Superadmin Provinsi", null), "SUPERADMIN", null]);
    roles.push([createId(), person(`pimpinan.${tag}@uji.go.id`, "Sekda Uji", null), "PIMPINAN", null]);
    const tpis = Array.from({ length: 5 }, (_, t) => person(`tpi${t + 1}.${tag}@uji.go.id`, `TPI ${t + 1}`, null));
    const operators: string[] = [];
    const operatorEmails: string[] = [];
    units.forEach((u, k) => {
      roles.push([createId(), person(`kepala${k + 1}.${tag}@uji.go.id`, `Kepala ${k + 1}`, u.id), "KEPALA_OPD", u.id]);
      const email = `operator${k + 1}.${tag}@uji.go.id`;
      const op = person(email, `Operator ${k + 1}`, u.id);
      operators.push(op);
      operatorEmails.push(email);
      roles.push([createId(), op, "OPERATOR_OPD", u.id]);
      roles.push([createId(), tpis[k % tpis.length], "TPI", u.id]);
    });
    await insert(
      pool,
      "User",
      [
        ["id", "text"],
        ["instansiId", "text"],
        ["unitId", "text"],
        ["name", "text"],
        ["email", "text"],
        ["passwordHash", "text"],
        ["updatedAt", "timestamp"],
      ],
      users,
    );
    await insert(
      pool,
      "RoleAssignment",
      [
        ["id", "text"],
        ["userId", "text"],
        ["role", '"Role"'],
        ["unitId", "text"],
      ],
      roles,
    );

    const periodes: unknown[][] = [];
    const stages: unknown[][] = [];
    const assessments: unknown[][] = [];
    const answers: unknown[][] = [];
    const hasil: unknown[][] = [];
    const scores: unknown[][] = [];
    const evidence: unknown[][] = [];
    const audit: unknown[][] = [];
    for (const year of years) {
      const catalogue = catalogueFor(year);
      const periodeId = createId();
      const running = year === opts.year;
      periodes.push([
        periodeId,
        instansiId,
        year,
        catalogue.id,
        running ? "BERJALAN" : "DITUTUP",
        defaultPmpziDeadline(year),
        now,
      ]);
      for (const w of defaultStageWindows(year)) stages.push([createId(), periodeId, w.stage, w.start, w.end]);
      units.forEach((unit, k) => {
        const assessmentId = createId();
        const status = running
          ? (["DRAFT", "SUBMITTED", "IN_REVIEW", "FINALIZED", "APPROVED"] as const)[k % 5]
          : "APPROVED";
        assessments.push([assessmentId, unit.id, periodeId, status, now]);
        const maturity = clamp(unit.maturity + (year - opts.year) * 0.03);
        const layers: Record<"SELF" | "TPI", Record<string, AnswerValue>> = { SELF: {}, TPI: {} };
        const withEvidence = new Set<string>();
        for (const q of catalogue.questions) {
          const self = answerFor(q, maturity, rand);
          const tpi = rand() < 0.2 ? answerFor(q, maturity - 0.15, rand) : self;
          layers.SELF[q.id] = self;
          layers.TPI[q.id] = tpi;
          const qid = questionIds.get(`${catalogue.id}:${q.id}`)!;
          for (const [layer, value] of [
            ["SELF", self],
            ["TPI", tpi],
          ] as const) {
            const answerId = createId();
            const label = typeof value === "string" ? value : null;
            const counts = typeof value === "string" ? null : JSON.stringify(value);
            // Every answer carries its catatan, as a submitted LKE must.
            answers.push([
              answerId,
              assessmentId,
              qid,
              layer,
              label,
              counts,
              layer === "TPI" ? "ACCEPTED" : "PENDING",
              operators[k],
              now,
              "Sesuai dokumen pendukung",
            ]);
            if (layer === "SELF" && rand() < 0.35) {
              withEvidence.add(q.id);
              const hex = createId().padEnd(64, "0").slice(0, 64);
              evidence.push([
                createId(),
                instansiId,
                answerId,
                `bukti-${q.id}.pdf`,
                40_000,
                "application/pdf",
                hex,
                `bench/${createId()}`,
                operators[k],
              ]);
            }
            if (running && layer === "SELF") {
              audit.push([
                instansiId,
                operators[k],
                "answer.save",
                "Answer",
                answerId,
                JSON.stringify({ layer, value }),
              ]);
            }
          }
        }
        const hasilInput = {
          ipak: 2.8 + maturity * 1.2,
          ipkp: 2.7 + maturity * 1.25,
          capaianKinerja: maturity > 0.8 ? "A" : "B",
        };
        for (const layer of ["SELF", "TPI"] as const) {
          hasil.push([
            createId(),
            assessmentId,
            layer,
            hasilInput.ipak,
            hasilInput.ipkp,
            hasilInput.capaianKinerja,
            now,
          ]);
          const scorecard = scoreAssessment({
            catalogue,
            answers: layers[layer],
            hasil: hasilInput,
            previousPredicate: null,
          });
          const row = storedScore(catalogue, scorecard, withEvidence, withEvidence.size);
          scores.push([
            createId(),
            assessmentId,
            layer,
            row.total,
            row.pengungkit,
            row.pemenuhan,
            row.reform,
            row.hasil,
            row.birokrasiBersih,
            row.ipak,
            row.ipkp,
            row.capaianKinerja,
            row.wbkEligible,
            row.wbbmEligible,
            JSON.stringify(row.areas),
            `{${row.wbkUnmet.join(",")}}`,
            `{${row.wbbmUnmet.join(",")}}`,
            row.answeredCount,
            row.evidenceCount,
            row.questionCount,
          ]);
        }
      });
    }
    await insert(
      pool,
      "Periode",
      [
        ["id", "text"],
        ["instansiId", "text"],
        ["year", "int"],
        ["catalogueId", "text"],
        ["status", '"PeriodeStatus"'],
        ["pmpziDeadline", "date"],
        ["updatedAt", "timestamp"],
      ],
      periodes,
    );
    await insert(
      pool,
      "PeriodeStage",
      [
        ["id", "text"],
        ["periodeId", "text"],
        ["stage", '"Stage"'],
        ["startDate", "date"],
        ["endDate", "date"],
      ],
      stages,
    );
    await insert(
      pool,
      "Assessment",
      [
        ["id", "text"],
        ["unitId", "text"],
        ["periodeId", "text"],
        ["status", '"AssessmentStatus"'],
        ["updatedAt", "timestamp"],
      ],
      assessments,
    );
    await insert(
      pool,
      "Answer",
      [
        ["id", "text"],
        ["assessmentId", "text"],
        ["questionId", "text"],
        ["layer", '"AnswerLayer"'],
        ["optionLabel", "text"],
        ["counts", "jsonb"],
        ["reviewStatus", '"ReviewStatus"'],
        ["updatedById", "text"],
        ["updatedAt", "timestamp"],
        ["catatan", "text"],
      ],
      answers,
    );
    await insert(
      pool,
      "HasilInput",
      [
        ["id", "text"],
        ["assessmentId", "text"],
        ["layer", '"AnswerLayer"'],
        ["ipak", "float8"],
        ["ipkp", "float8"],
        ["capaianKinerja", "text"],
        ["updatedAt", "timestamp"],
      ],
      hasil,
    );
    await insert(
      pool,
      "AssessmentScore",
      [
        ["id", "text"],
        ["assessmentId", "text"],
        ["layer", '"AnswerLayer"'],
        ["total", "float8"],
        ["pengungkit", "float8"],
        ["pemenuhan", "float8"],
        ["reform", "float8"],
        ["hasil", "float8"],
        ["birokrasiBersih", "float8"],
        ["ipak", "float8"],
        ["ipkp", "float8"],
        ["capaianKinerja", "float8"],
        ["wbkEligible", "boolean"],
        ["wbbmEligible", "boolean"],
        ["areas", "jsonb"],
        ["wbkUnmet", "text[]"],
        ["wbbmUnmet", "text[]"],
        ["answeredCount", "int"],
        ["evidenceCount", "int"],
        ["questionCount", "int"],
      ],
      scores,
    );
    await insert(
      pool,
      "Evidence",
      [
        ["id", "text"],
        ["instansiId", "text"],
        ["answerId", "text"],
        ["originalName", "text"],
        ["size", "int"],
        ["mimeType", "text"],
        ["sha256", "text"],
        ["storageKey", "text"],
        ["uploadedById", "text"],
      ],
      evidence,
    );
    await insert(
      pool,
      "AuditLog",
      [
        ["instansiId", "text"],
        ["actorId", "text"],
        ["action", "text"],
        ["entity", "text"],
        ["entityId", "text"],
        ["after", "jsonb"],
      ],
      audit,
    );

    totals.units += units.length;
    totals.users += users.length;
    totals.assessments += assessments.length;
    totals.answers += answers.length;
    totals.evidence += evidence.length;
    totals.audit += audit.length;
    sample ??= { instansiId, adminEmail: `admin.${tag}@uji.go.id`, unitIds: units.map((u) => u.id), operatorEmails };
    log(`instansi ${i + 1}/${opts.instansi}: ${totals.answers} jawaban (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  }
  await pool.query("ANALYZE");
  await pool.end();
  return { instansi: opts.instansi, ...totals, seconds: (Date.now() - t0) / 1000, sample: sample! };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      instansi: { type: "string", default: "30" },
      units: { type: "string", default: "100" },
      years: { type: "string", default: "3" },
    },
  });
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL harus diisi (basis data PostgreSQL kosong).");
    process.exit(2);
  }
  const result = await generateProvince(url, {
    instansi: Number(values.instansi),
    unitsPerInstansi: Number(values.units),
    years: Number(values.years),
    year: new Date().getFullYear(),
    log: console.log,
  });
  const { sample: _sample, ...counts } = result;
  console.log(JSON.stringify(counts));
}
