-- AlterTable
ALTER TABLE "Assessment" ALTER COLUMN "reopenedUntil" SET DATA TYPE DATE;
