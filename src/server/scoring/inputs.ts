import { isSettled, type ReviewStatus } from "@/domain/review";
import type { PrismaClient } from "@/generated/prisma/client";
import type { PredicateCode } from "@/domain/catalogue/types";
import type { Answers, AnswerValue, HasilInput } from "@/domain/scoring/types";
import type { Tx } from "@/server/db/client";

type Db = PrismaClient | Tx;
export type Layer = "SELF" | "TPI";

/** The stored form of one answer → the engine's value (label, or counts for a percentage question). */
export function answerValue(row: { optionLabel: string | null; counts: unknown }): AnswerValue | null {
  if (row.optionLabel) return row.optionLabel;
  if (row.counts && typeof row.counts === "object") return row.counts as Record<string, number>;
  return null;
}

export function hasilValue(
  row: { ipak: number | null; ipkp: number | null; capaianKinerja: string | null } | undefined,
): HasilInput {
  return { ipak: row?.ipak ?? null, ipkp: row?.ipkp ?? null, capaianKinerja: row?.capaianKinerja ?? null };
}

/** Answers of one layer keyed by question code. The TPI layer holds only what the TPI has reviewed. */
export function answersOf(
  rows: { layer: Layer; optionLabel: string | null; counts: unknown; question: { code: string } }[],
  layer: Layer,
): Answers {
  const out: Record<string, AnswerValue> = {};
  for (const row of rows) {
    if (row.layer !== layer) continue;
    const value = answerValue(row);
    if (value !== null) out[row.question.code] = value;
  }
  return out;
}

/**
 * The input of the TPI's projected score while its layer is incomplete: the TPI's answer where it has
 * reviewed, the unit's own elsewhere; the TPI's hasil values where set, the unit's otherwise.
 * Scored by the engine like any layer; shown only labelled as a projection.
 */
export function projectedInput(
  rows: { layer: Layer; optionLabel: string | null; counts: unknown; question: { code: string } }[],
  hasil: { layer: Layer; ipak: number | null; ipkp: number | null; capaianKinerja: string | null }[],
): { answers: Answers; hasil: HasilInput } {
  const self = hasilValue(hasil.find((h) => h.layer === "SELF"));
  const tpi = hasilValue(hasil.find((h) => h.layer === "TPI"));
  return {
    answers: { ...answersOf(rows, "SELF"), ...answersOf(rows, "TPI") },
    hasil: {
      ipak: tpi.ipak ?? self.ipak,
      ipkp: tpi.ipkp ?? self.ipkp,
      capaianKinerja: tpi.capaianKinerja ?? self.capaianKinerja,
    },
  };
}

/** How far the TPI is: questions it settled (accepted or changed), of all, and whether its hasil is complete. */
export function tpiProgress(
  questionCount: number,
  rows: { layer: Layer; reviewStatus: ReviewStatus }[],
  hasil: { layer: Layer; ipak: number | null; ipkp: number | null; capaianKinerja: string | null }[],
) {
  const reviewed = rows.filter((r) => r.layer === "SELF" && isSettled(r.reviewStatus)).length;
  const h = hasil.find((x) => x.layer === "TPI");
  const hasilComplete = !!h && h.ipak !== null && h.ipkp !== null && h.capaianKinerja !== null;
  return { reviewed, questions: questionCount, hasilComplete, complete: reviewed === questionCount && hasilComplete };
}

/** The highest predicate the unit already holds from an earlier year's penetapan (WBBM needs WBK). */
export async function previousPredicate(db: Db, unitId: string, year: number): Promise<PredicateCode | null> {
  const rows = await db.penetapan.findMany({
    where: { unitId, year: { lt: year }, result: { in: ["WBK", "WBBM"] } },
    select: { result: true },
  });
  if (rows.some((r) => r.result === "WBBM")) return "WBBM";
  if (rows.some((r) => r.result === "WBK")) return "WBK";
  return null;
}
