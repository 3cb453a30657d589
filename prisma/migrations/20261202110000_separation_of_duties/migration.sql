-- AlterTable
ALTER TABLE "Instansi" ADD COLUMN "separationOfDuties" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "Assessment" ADD COLUMN "finalizedById" TEXT;
