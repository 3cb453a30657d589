-- The stage I LHE as handed over when the LKE was returned (PDF bytes in the evidence storage).
CREATE TABLE "LheArchive" (
    "id" TEXT NOT NULL,
    "assessmentId" TEXT NOT NULL,
    "stage" INTEGER NOT NULL,
    "revisionRound" INTEGER NOT NULL,
    "storageKey" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "total" DOUBLE PRECISION NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LheArchive_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "LheArchive_storageKey_key" ON "LheArchive"("storageKey");
CREATE UNIQUE INDEX "LheArchive_assessmentId_revisionRound_key" ON "LheArchive"("assessmentId", "revisionRound");

ALTER TABLE "LheArchive" ADD CONSTRAINT "LheArchive_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
