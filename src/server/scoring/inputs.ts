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

export function hasilValue(row: { ipak: number | null; ipkp: number | null; capaianKinerja: string | null } | undefined): HasilInput {
  return { ipak: row?.ipak ?? null, ipkp: row?.ipkp ?? null, capaianKinerja: row?.capaianKinerja ?? null };
}

/** Answers of one layer keyed by question code. The TPI layer holds only what the TPI has reviewed. */
export function answersOf(rows: { layer: Layer; optionLabel: string | null; counts: unknown; question: { code: string } }[], layer: Layer): Answers {
  const out: Record<string, AnswerValue> = {};
  for (const row of rows) {
    if (row.layer !== layer) continue;
    const value = answerValue(row);
    if (value !== null) out[row.question.code] = value;
  }
  return out;
}

/** The highest predicate the unit already holds from an earlier year's penetapan (WBBM needs WBK). */
export async function previousPredicate(db: Db, unitId: string, year: number): Promise<PredicateCode | null> {
  const rows = await db.penetapan.findMany({ where: { unitId, year: { lt: year }, result: { in: ["WBK", "WBBM"] } }, select: { result: true } });
  if (rows.some((r) => r.result === "WBBM")) return "WBBM";
  if (rows.some((r) => r.result === "WBK")) return "WBK";
  return null;
}
