-- CreateEnum
CREATE TYPE "SurveyKind" AS ENUM ('SPAK', 'SPKP');

-- CreateEnum
CREATE TYPE "SurveyRoundStatus" AS ENUM ('OPEN', 'CLOSED');

-- AlterTable
ALTER TABLE "HasilInput" ADD COLUMN "ipakSource" JSONB,
ADD COLUMN "ipkpSource" JSONB;

-- CreateTable
CREATE TABLE "SurveyInstrument" (
    "id" TEXT NOT NULL,
    "instansiId" TEXT NOT NULL,
    "kind" "SurveyKind" NOT NULL,
    "version" INTEGER NOT NULL,
    "elements" JSONB NOT NULL,
    "scaleMin" INTEGER NOT NULL DEFAULT 1,
    "scaleMax" INTEGER NOT NULL DEFAULT 4,
    "respondentFields" TEXT[],
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SurveyInstrument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyRound" (
    "id" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "status" "SurveyRoundStatus" NOT NULL DEFAULT 'OPEN',
    "spakInstrumentId" TEXT NOT NULL,
    "spkpInstrumentId" TEXT NOT NULL,
    "minRespondents" INTEGER NOT NULL DEFAULT 30,
    "closesOn" DATE,
    "openedById" TEXT,
    "openedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedById" TEXT,
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "SurveyRound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyResponse" (
    "id" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "answers" JSONB NOT NULL,
    "respondent" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "voidedAt" TIMESTAMP(3),
    "voidReason" TEXT,
    "voidedById" TEXT,

    CONSTRAINT "SurveyResponse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyDeviceUse" (
    "roundId" TEXT NOT NULL,
    "deviceHash" TEXT NOT NULL,

    CONSTRAINT "SurveyDeviceUse_pkey" PRIMARY KEY ("roundId","deviceHash")
);

-- CreateIndex
CREATE UNIQUE INDEX "SurveyInstrument_instansiId_kind_version_key" ON "SurveyInstrument"("instansiId", "kind", "version");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyRound_token_key" ON "SurveyRound"("token");

-- CreateIndex
CREATE INDEX "SurveyRound_unitId_year_idx" ON "SurveyRound"("unitId", "year");

-- CreateIndex
CREATE INDEX "SurveyResponse_roundId_createdAt_idx" ON "SurveyResponse"("roundId", "createdAt");

-- AddForeignKey
ALTER TABLE "SurveyInstrument" ADD CONSTRAINT "SurveyInstrument_instansiId_fkey" FOREIGN KEY ("instansiId") REFERENCES "Instansi"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyRound" ADD CONSTRAINT "SurveyRound_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyRound" ADD CONSTRAINT "SurveyRound_spakInstrumentId_fkey" FOREIGN KEY ("spakInstrumentId") REFERENCES "SurveyInstrument"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyRound" ADD CONSTRAINT "SurveyRound_spkpInstrumentId_fkey" FOREIGN KEY ("spkpInstrumentId") REFERENCES "SurveyInstrument"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyResponse" ADD CONSTRAINT "SurveyResponse_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "SurveyRound"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyDeviceUse" ADD CONSTRAINT "SurveyDeviceUse_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "SurveyRound"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Responses are append-only: no DELETE, and the only UPDATE is voiding a response once (answers never change).
CREATE FUNCTION "survey_response_guard"() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'SurveyResponse bersifat append-only: DELETE ditolak' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD."voidedAt" IS NOT NULL
     OR NEW."voidedAt" IS NULL
     OR NEW."id" IS DISTINCT FROM OLD."id"
     OR NEW."roundId" IS DISTINCT FROM OLD."roundId"
     OR NEW."answers" IS DISTINCT FROM OLD."answers"
     OR NEW."respondent" IS DISTINCT FROM OLD."respondent"
     OR NEW."createdAt" IS DISTINCT FROM OLD."createdAt" THEN
    RAISE EXCEPTION 'SurveyResponse bersifat append-only: hanya pembatalan sekali yang boleh' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "SurveyResponse_append_only"
  BEFORE UPDATE OR DELETE ON "SurveyResponse"
  FOR EACH ROW EXECUTE FUNCTION "survey_response_guard"();
