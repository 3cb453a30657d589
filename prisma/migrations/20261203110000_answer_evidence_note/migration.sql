-- Evidence named in an imported workbook (the "Bukti Dukung" text and links) kept with the answer.
ALTER TABLE "Answer" ADD COLUMN "evidenceNote" TEXT,
ADD COLUMN "evidenceLinks" TEXT[] DEFAULT ARRAY[]::TEXT[];
