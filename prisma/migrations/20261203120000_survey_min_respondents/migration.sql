-- AlterTable
ALTER TABLE "Instansi" ADD COLUMN     "surveyMinRespondents" INTEGER NOT NULL DEFAULT 30;
