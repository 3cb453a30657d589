import { Prisma } from "@/generated/prisma/client";
import type { AnswerValue } from "@/domain/scoring/types";
import type { Tx } from "@/server/db/client";
import { ConflictError } from "@/server/errors";

type AnswerKey = { assessmentId: string; questionId: string; layer: "SELF" | "TPI" };

/** Column values for an answer: an option label, or the counts of a percentage question. */
export function answerColumns(value: AnswerValue | null) {
  return {
    optionLabel: typeof value === "string" ? value : null,
    counts: value !== null && typeof value === "object" ? (value as Prisma.InputJsonValue) : Prisma.DbNull,
  };
}

/** What another person saved, for the conflict message and the "use their value" button. */
export async function currentAnswer(tx: Tx, key: AnswerKey) {
  const row = await tx.answer.findUnique({ where: { assessmentId_questionId_layer: key } });
  if (!row) return null;
  const by = row.updatedById
    ? await tx.user.findUnique({ where: { id: row.updatedById }, select: { name: true } })
    : null;
  return {
    value: row.optionLabel ?? (row.counts as Record<string, number> | null),
    catatan: row.catatan ?? "",
    version: row.version,
    updatedBy: by?.name ?? "pengguna lain",
    updatedAt: row.updatedAt.toISOString(),
  };
}

export type CurrentAnswer = NonNullable<Awaited<ReturnType<typeof currentAnswer>>>;

/** Optimistic concurrency failed: refuse with the other person's value, never overwrite silently. */
export async function conflict(tx: Tx, key: AnswerKey): Promise<never> {
  const current = await currentAnswer(tx, key);
  throw new ConflictError(
    current
      ? `Jawaban ini baru saja diubah oleh ${current.updatedBy}. Periksa nilai mereka, lalu pilih yang akan disimpan.`
      : "Jawaban ini baru saja diubah oleh pengguna lain. Muat ulang halaman.",
    current,
  );
}

/** The audit form of an answer row. */
export function answerSnapshot(
  row: {
    optionLabel: string | null;
    counts: unknown;
    catatan: string | null;
    reviewStatus: string;
    returnReason?: string | null;
    version: number;
    evidenceNote?: string | null;
    evidenceLinks?: readonly string[];
  } | null,
  code: string,
  layer: "SELF" | "TPI",
) {
  return (
    row && {
      question: code,
      layer,
      value: row.optionLabel ?? row.counts ?? null,
      catatan: row.catatan,
      reviewStatus: row.reviewStatus,
      returnReason: row.returnReason ?? null,
      version: row.version,
      // Evidence named by an imported workbook, audited with the answer it belongs to.
      ...(row.evidenceNote || row.evidenceLinks?.length
        ? { buktiDukung: { teks: row.evidenceNote ?? "", tautan: row.evidenceLinks ?? [] } }
        : {}),
    }
  );
}
