/**
 * The stage I LHE is what the TPI hands the unit when it returns the LKE. The unit then revises its
 * answers and the TPI later finalises (stage II), so stage I is rendered once, at the return, and its
 * PDF kept in the evidence storage: later downloads get that document, with the date it was made.
 */
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { getDb, type Tx } from "@/server/db/client";
import { getStorage } from "@/server/storage/storage";
import { newStorageKey } from "@/server/storage/keys";
import { lheFileName } from "./lhe";

export interface ArchivedLhe {
  assessmentId: string;
  storageKey: string;
  total: number;
  createdAt: Date;
  fileName: string;
}

/** Stores a rendered stage I LHE for the LKE's current return round (inside the return's transaction). */
export async function storeLheArchive(
  tx: Tx,
  input: { assessmentId: string; pdf: Buffer; total: number; createdById: string; createdAt: Date },
) {
  const storageKey = newStorageKey("lhe");
  const storage = getStorage();
  await storage.put(storageKey, Readable.from(input.pdf), {
    size: input.pdf.byteLength,
    contentType: "application/pdf",
  });
  try {
    const { revisionRound } = await tx.assessment.findUniqueOrThrow({
      where: { id: input.assessmentId },
      select: { revisionRound: true },
    });
    return await tx.lheArchive.create({
      data: {
        assessmentId: input.assessmentId,
        stage: 1,
        revisionRound,
        storageKey,
        size: input.pdf.byteLength,
        sha256: createHash("sha256").update(input.pdf).digest("hex"),
        total: input.total,
        createdById: input.createdById,
        createdAt: input.createdAt,
      },
    });
  } catch (e) {
    // The row was not written: the bytes must not stay behind.
    await storage.discard(storageKey);
    throw e;
  }
}

/** The stage I LHE of the LKE's latest return, or null when none was archived. */
export async function latestLheArchive(assessmentId: string): Promise<ArchivedLhe | null> {
  const row = await getDb().lheArchive.findFirst({
    where: { assessmentId, stage: 1 },
    orderBy: { revisionRound: "desc" },
    select: {
      storageKey: true,
      total: true,
      createdAt: true,
      assessment: { select: { unit: { select: { name: true } }, periode: { select: { year: true } } } },
    },
  });
  if (!row) return null;
  return {
    assessmentId,
    storageKey: row.storageKey,
    total: row.total,
    createdAt: row.createdAt,
    fileName: lheFileName({ unitName: row.assessment.unit.name, year: row.assessment.periode.year, stage: 1 }),
  };
}
