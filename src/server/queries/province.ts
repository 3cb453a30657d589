/**
 * The SUPERADMIN's roll-up across every instansi of the deployment, in three queries whatever the number
 * of instansi and units: the instansi with their active unit counts, the year's periodes with their stage
 * windows, and one row per LKE with only the stored figures the roll-up needs (area scores folded to
 * id/score/weight triples in SQL, not the whole stored JSON). The callers check `province:read`.
 */
import "server-only";
import { ASSESSMENT_STATUSES, type AssessmentStatus } from "@/domain/review";
import { scoreLayerFor } from "@/domain/readiness";
import { rollUp, type RollupAssessment, type RollupFigures, type RollupRow } from "@/domain/rollup";
import { isoFromDate, todayIso } from "@/server/dates";
import { getDb } from "@/server/db/client";
import { scheduleOf } from "./overview";

export interface ProvinceRollup {
  year: number;
  /** Years any instansi has a periode for, newest first. */
  years: number[];
  rows: RollupRow[];
  totals: RollupFigures;
}

interface AssessmentFactRow {
  instansiId: string;
  status: AssessmentStatus;
  reopenedUntil: Date | null;
  total: number | null;
  pengungkit: number | null;
  hasil: number | null;
  wbkEligible: boolean | null;
  wbbmEligible: boolean | null;
  areas: [string, number, number][] | null;
}

/** The statuses whose figures come from the TPI layer, from the one rule in src/domain/readiness. */
const TPI_LAYER_STATUSES = ASSESSMENT_STATUSES.filter((s) => scoreLayerFor(s) === "TPI");

export async function getProvinceRollup(year?: number, today = todayIso()): Promise<ProvinceRollup> {
  const db = getDb();
  const yearRows = await db.periode.findMany({ distinct: ["year"], select: { year: true }, orderBy: { year: "desc" } });
  const years = yearRows.map((y) => y.year);
  const currentYear = Number(today.slice(0, 4));
  const chosen = year && years.includes(year) ? year : (years.find((y) => y <= currentYear) ?? years[0] ?? currentYear);

  const [instansi, periodes, facts] = await Promise.all([
    db.instansi.findMany({
      orderBy: { name: "asc" },
      select: { id: true, name: true, _count: { select: { units: { where: { active: true } } } } },
    }),
    db.periode.findMany({
      where: { year: chosen },
      select: {
        instansiId: true,
        id: true,
        year: true,
        status: true,
        catalogueId: true,
        pmpziDeadline: true,
        stages: { select: { stage: true, startDate: true, endDate: true } },
      },
    }),
    // The layer that speaks for the LKE, falling back to the unit's own before the TPI layer is scored.
    db.$queryRaw<AssessmentFactRow[]>`
      SELECT p."instansiId", a.status::text AS status, a."reopenedUntil",
             s.total, s.pengungkit, s.hasil, s."wbkEligible", s."wbbmEligible",
             (SELECT jsonb_agg(jsonb_build_array(e->>'id', (e->>'score')::float8, (e->>'weight')::float8))
                FROM jsonb_array_elements(s.areas) e) AS areas
        FROM "Assessment" a
        JOIN "Periode" p ON p.id = a."periodeId" AND p.year = ${chosen}
        JOIN "Unit" u ON u.id = a."unitId" AND u.active
        LEFT JOIN LATERAL (
          SELECT sc.* FROM "AssessmentScore" sc
           WHERE sc."assessmentId" = a.id
           ORDER BY (sc.layer::text = CASE WHEN a.status::text = ANY(${TPI_LAYER_STATUSES}::text[]) THEN 'TPI' ELSE 'SELF' END) DESC,
                    (sc.layer::text = 'SELF') DESC
           LIMIT 1
        ) s ON true`,
  ]);

  const periodeOf = new Map(periodes.map((p) => [p.instansiId, scheduleOf(p)]));
  const assessments: RollupAssessment[] = facts.map((f) => ({
    instansiId: f.instansiId,
    status: f.status,
    reopenedUntil: f.reopenedUntil && isoFromDate(f.reopenedUntil),
    score:
      f.total === null
        ? null
        : {
            total: f.total,
            pengungkit: f.pengungkit ?? 0,
            hasil: f.hasil ?? 0,
            wbkEligible: !!f.wbkEligible,
            wbbmEligible: !!f.wbbmEligible,
            areas: (f.areas ?? []).map(([id, score, weight]) => ({ id, score, weight })),
          },
  }));
  const { rows, totals } = rollUp(
    instansi.map((i) => ({ id: i.id, name: i.name, units: i._count.units, periode: periodeOf.get(i.id) ?? null })),
    assessments,
    today,
  );
  return { year: chosen, years, rows, totals };
}

/** One instansi by id with its periode of the year (for the read-only look inside it). */
export async function getInstansiForRollup(instansiId: string, year: number) {
  return getDb().instansi.findUnique({
    where: { id: instansiId },
    select: {
      id: true,
      name: true,
      periodes: { where: { year }, select: { id: true, year: true, catalogueId: true } },
    },
  });
}
