-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "UnitType" AS ENUM ('DINAS', 'BADAN', 'RSUD', 'PUSKESMAS', 'KECAMATAN', 'BAGIAN', 'UPT', 'LAINNYA');

-- CreateEnum
CREATE TYPE "SelectionCriterion" AS ENUM ('PELAYANAN_STRATEGIS', 'SUMBER_DAYA_BESAR', 'KEBERHASILAN_RB_TINGGI');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'TPI', 'PIMPINAN', 'KEPALA_OPD', 'OPERATOR_OPD');

-- CreateEnum
CREATE TYPE "LkeComponentKind" AS ENUM ('PENGUNGKIT', 'HASIL');

-- CreateEnum
CREATE TYPE "LkeSubAreaKind" AS ENUM ('PEMENUHAN', 'REFORM');

-- CreateEnum
CREATE TYPE "AnswerType" AS ENUM ('YA_TIDAK', 'ABC', 'ABCD', 'ABCDE', 'PERSENTASE', 'INDEKS_SURVEI');

-- CreateEnum
CREATE TYPE "PeriodeStatus" AS ENUM ('PERSIAPAN', 'BERJALAN', 'DITUTUP');

-- CreateEnum
CREATE TYPE "Stage" AS ENUM ('PENGUSULAN', 'PEMBINAAN', 'PENILAIAN', 'EVALUASI', 'PENETAPAN');

-- CreateEnum
CREATE TYPE "AssessmentStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'IN_REVIEW', 'RETURNED', 'FINALIZED', 'APPROVED');

-- CreateEnum
CREATE TYPE "AnswerLayer" AS ENUM ('SELF', 'TPI');

-- CreateEnum
CREATE TYPE "ReviewStatus" AS ENUM ('PENDING', 'ACCEPTED', 'CHANGED', 'RETURNED', 'REVISED');

-- CreateEnum
CREATE TYPE "HasilField" AS ENUM ('IPAK', 'IPKP', 'CAPAIAN_KINERJA');

-- CreateEnum
CREATE TYPE "WitnessInstitution" AS ENUM ('KEMENPANRB', 'KPK', 'OMBUDSMAN', 'BPK', 'BPKP', 'KEJAKSAAN', 'POLRES', 'BPS', 'DPRD', 'TOKOH_MASYARAKAT', 'LAINNYA');

-- CreateEnum
CREATE TYPE "Predikat" AS ENUM ('WBK', 'WBBM', 'TIDAK');

-- CreateEnum
CREATE TYPE "RencanaAksiStatus" AS ENUM ('BELUM', 'PROSES', 'SELESAI');

-- CreateTable
CREATE TABLE "Instansi" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "shortName" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Instansi_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Unit" (
    "id" TEXT NOT NULL,
    "instansiId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "shortName" TEXT NOT NULL,
    "type" "UnitType" NOT NULL,
    "parentId" TEXT,
    "headName" TEXT,
    "headNip" TEXT,
    "proposedForZi" BOOLEAN NOT NULL DEFAULT false,
    "selectionCriteria" "SelectionCriterion"[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Unit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "instansiId" TEXT NOT NULL,
    "unitId" TEXT,
    "name" TEXT NOT NULL,
    "nip" TEXT,
    "email" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "lastLoginAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoleAssignment" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "unitId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RoleAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoginAttempt" (
    "id" TEXT NOT NULL,
    "identifier" TEXT NOT NULL,
    "ip" TEXT NOT NULL,
    "success" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LoginAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LkeCatalogue" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "regulation" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "settings" JSONB NOT NULL,
    "definition" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LkeCatalogue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LkeComponent" (
    "id" TEXT NOT NULL,
    "catalogueId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "kind" "LkeComponentKind" NOT NULL,
    "name" TEXT NOT NULL,
    "weight" DOUBLE PRECISION NOT NULL,
    "minWbk" DOUBLE PRECISION,
    "minWbbm" DOUBLE PRECISION,
    "position" INTEGER NOT NULL,

    CONSTRAINT "LkeComponent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LkeArea" (
    "id" TEXT NOT NULL,
    "catalogueId" TEXT NOT NULL,
    "componentId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "weight" DOUBLE PRECISION NOT NULL,
    "minWbkPct" DOUBLE PRECISION,
    "minWbbmPct" DOUBLE PRECISION,
    "minWbk" DOUBLE PRECISION,
    "minWbbm" DOUBLE PRECISION,
    "position" INTEGER NOT NULL,

    CONSTRAINT "LkeArea_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LkeSubArea" (
    "id" TEXT NOT NULL,
    "catalogueId" TEXT NOT NULL,
    "areaId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "kind" "LkeSubAreaKind" NOT NULL,
    "name" TEXT NOT NULL,
    "weight" DOUBLE PRECISION NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "LkeSubArea_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LkeIndicator" (
    "id" TEXT NOT NULL,
    "catalogueId" TEXT NOT NULL,
    "areaId" TEXT NOT NULL,
    "subAreaId" TEXT,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "weight" DOUBLE PRECISION NOT NULL,
    "minWbk" DOUBLE PRECISION,
    "minWbbm" DOUBLE PRECISION,
    "position" INTEGER NOT NULL,

    CONSTRAINT "LkeIndicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LkeQuestion" (
    "id" TEXT NOT NULL,
    "catalogueId" TEXT NOT NULL,
    "areaId" TEXT NOT NULL,
    "indicatorId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "answerType" "AnswerType" NOT NULL,
    "weight" DOUBLE PRECISION NOT NULL,
    "inputs" JSONB,
    "formula" JSONB,
    "position" INTEGER NOT NULL,

    CONSTRAINT "LkeQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LkeOption" (
    "id" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "criteria" TEXT NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "LkeOption_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Periode" (
    "id" TEXT NOT NULL,
    "instansiId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "catalogueId" TEXT NOT NULL,
    "status" "PeriodeStatus" NOT NULL DEFAULT 'BERJALAN',
    "pmpziDeadline" DATE NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Periode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PeriodeStage" (
    "id" TEXT NOT NULL,
    "periodeId" TEXT NOT NULL,
    "stage" "Stage" NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE NOT NULL,

    CONSTRAINT "PeriodeStage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Assessment" (
    "id" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "periodeId" TEXT NOT NULL,
    "status" "AssessmentStatus" NOT NULL DEFAULT 'DRAFT',
    "revisionRound" INTEGER NOT NULL DEFAULT 0,
    "returnNote" TEXT,
    "submittedAt" TIMESTAMP(3),
    "finalizedAt" TIMESTAMP(3),
    "approvedAt" TIMESTAMP(3),
    "reopenedUntil" TIMESTAMP(3),
    "reopenReason" TEXT,
    "lastActivityAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Assessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Answer" (
    "id" TEXT NOT NULL,
    "assessmentId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "layer" "AnswerLayer" NOT NULL,
    "optionLabel" TEXT,
    "counts" JSONB,
    "catatan" TEXT,
    "reviewStatus" "ReviewStatus" NOT NULL DEFAULT 'PENDING',
    "returnReason" TEXT,
    "revisionCount" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Answer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HasilInput" (
    "id" TEXT NOT NULL,
    "assessmentId" TEXT NOT NULL,
    "layer" "AnswerLayer" NOT NULL,
    "ipak" DOUBLE PRECISION,
    "ipkp" DOUBLE PRECISION,
    "capaianKinerja" TEXT,
    "catatan" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HasilInput_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssessmentScore" (
    "id" TEXT NOT NULL,
    "assessmentId" TEXT NOT NULL,
    "layer" "AnswerLayer" NOT NULL,
    "total" DOUBLE PRECISION NOT NULL,
    "pengungkit" DOUBLE PRECISION NOT NULL,
    "pemenuhan" DOUBLE PRECISION NOT NULL,
    "reform" DOUBLE PRECISION NOT NULL,
    "hasil" DOUBLE PRECISION NOT NULL,
    "birokrasiBersih" DOUBLE PRECISION NOT NULL,
    "ipak" DOUBLE PRECISION NOT NULL,
    "ipkp" DOUBLE PRECISION NOT NULL,
    "capaianKinerja" DOUBLE PRECISION NOT NULL,
    "wbkEligible" BOOLEAN NOT NULL,
    "wbbmEligible" BOOLEAN NOT NULL,
    "areas" JSONB NOT NULL,
    "wbkUnmet" TEXT[],
    "wbbmUnmet" TEXT[],
    "answeredCount" INTEGER NOT NULL,
    "evidenceCount" INTEGER NOT NULL,
    "questionCount" INTEGER NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AssessmentScore_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Evidence" (
    "id" TEXT NOT NULL,
    "instansiId" TEXT NOT NULL,
    "answerId" TEXT,
    "hasilInputId" TEXT,
    "hasilField" "HasilField",
    "pencananganId" TEXT,
    "rencanaAksiId" TEXT,
    "originalName" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "mimeType" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "uploadedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" TIMESTAMP(3),
    "deletedById" TEXT,

    CONSTRAINT "Evidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Pencanangan" (
    "id" TEXT NOT NULL,
    "instansiId" TEXT NOT NULL,
    "periodeId" TEXT,
    "title" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "place" TEXT NOT NULL,
    "signatoriesCount" INTEGER NOT NULL,
    "notes" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Pencanangan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PencananganUnit" (
    "pencananganId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,

    CONSTRAINT "PencananganUnit_pkey" PRIMARY KEY ("pencananganId","unitId")
);

-- CreateTable
CREATE TABLE "PencananganWitness" (
    "id" TEXT NOT NULL,
    "pencananganId" TEXT NOT NULL,
    "institution" "WitnessInstitution" NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "PencananganWitness_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Penetapan" (
    "id" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "result" "Predikat" NOT NULL,
    "decreeNumber" TEXT,
    "decreeDate" DATE,
    "notes" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Penetapan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RencanaAksi" (
    "id" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "periodeId" TEXT NOT NULL,
    "areaCode" TEXT NOT NULL,
    "activity" TEXT NOT NULL,
    "targetDate" DATE NOT NULL,
    "personInCharge" TEXT NOT NULL,
    "status" "RencanaAksiStatus" NOT NULL DEFAULT 'BELUM',
    "notes" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RencanaAksi_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" BIGSERIAL NOT NULL,
    "instansiId" TEXT,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "ip" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Unit_instansiId_active_idx" ON "Unit"("instansiId", "active");

-- CreateIndex
CREATE UNIQUE INDEX "Unit_instansiId_shortName_key" ON "Unit"("instansiId", "shortName");

-- CreateIndex
CREATE UNIQUE INDEX "User_nip_key" ON "User"("nip");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_instansiId_idx" ON "User"("instansiId");

-- CreateIndex
CREATE INDEX "RoleAssignment_unitId_idx" ON "RoleAssignment"("unitId");

-- CreateIndex
CREATE UNIQUE INDEX "RoleAssignment_userId_role_unitId_key" ON "RoleAssignment"("userId", "role", "unitId");

-- CreateIndex
CREATE INDEX "LoginAttempt_identifier_createdAt_idx" ON "LoginAttempt"("identifier", "createdAt");

-- CreateIndex
CREATE INDEX "LoginAttempt_ip_createdAt_idx" ON "LoginAttempt"("ip", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "LkeComponent_catalogueId_code_key" ON "LkeComponent"("catalogueId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "LkeArea_catalogueId_code_key" ON "LkeArea"("catalogueId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "LkeSubArea_catalogueId_code_key" ON "LkeSubArea"("catalogueId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "LkeIndicator_catalogueId_code_key" ON "LkeIndicator"("catalogueId", "code");

-- CreateIndex
CREATE INDEX "LkeQuestion_areaId_idx" ON "LkeQuestion"("areaId");

-- CreateIndex
CREATE UNIQUE INDEX "LkeQuestion_catalogueId_code_key" ON "LkeQuestion"("catalogueId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "LkeOption_questionId_label_key" ON "LkeOption"("questionId", "label");

-- CreateIndex
CREATE UNIQUE INDEX "Periode_instansiId_year_key" ON "Periode"("instansiId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "PeriodeStage_periodeId_stage_key" ON "PeriodeStage"("periodeId", "stage");

-- CreateIndex
CREATE INDEX "Assessment_periodeId_status_idx" ON "Assessment"("periodeId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Assessment_unitId_periodeId_key" ON "Assessment"("unitId", "periodeId");

-- CreateIndex
CREATE UNIQUE INDEX "Answer_assessmentId_questionId_layer_key" ON "Answer"("assessmentId", "questionId", "layer");

-- CreateIndex
CREATE UNIQUE INDEX "HasilInput_assessmentId_layer_key" ON "HasilInput"("assessmentId", "layer");

-- CreateIndex
CREATE UNIQUE INDEX "AssessmentScore_assessmentId_layer_key" ON "AssessmentScore"("assessmentId", "layer");

-- CreateIndex
CREATE UNIQUE INDEX "Evidence_storageKey_key" ON "Evidence"("storageKey");

-- CreateIndex
CREATE INDEX "Evidence_answerId_idx" ON "Evidence"("answerId");

-- CreateIndex
CREATE INDEX "Evidence_hasilInputId_idx" ON "Evidence"("hasilInputId");

-- CreateIndex
CREATE INDEX "Evidence_pencananganId_idx" ON "Evidence"("pencananganId");

-- CreateIndex
CREATE INDEX "Evidence_rencanaAksiId_idx" ON "Evidence"("rencanaAksiId");

-- CreateIndex
CREATE INDEX "Pencanangan_instansiId_date_idx" ON "Pencanangan"("instansiId", "date");

-- CreateIndex
CREATE INDEX "PencananganUnit_unitId_idx" ON "PencananganUnit"("unitId");

-- CreateIndex
CREATE UNIQUE INDEX "Penetapan_unitId_year_key" ON "Penetapan"("unitId", "year");

-- CreateIndex
CREATE INDEX "RencanaAksi_periodeId_unitId_idx" ON "RencanaAksi"("periodeId", "unitId");

-- CreateIndex
CREATE INDEX "AuditLog_entity_entityId_idx" ON "AuditLog"("entity", "entityId");

-- CreateIndex
CREATE INDEX "AuditLog_instansiId_createdAt_idx" ON "AuditLog"("instansiId", "createdAt");

-- AddForeignKey
ALTER TABLE "Unit" ADD CONSTRAINT "Unit_instansiId_fkey" FOREIGN KEY ("instansiId") REFERENCES "Instansi"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Unit" ADD CONSTRAINT "Unit_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_instansiId_fkey" FOREIGN KEY ("instansiId") REFERENCES "Instansi"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleAssignment" ADD CONSTRAINT "RoleAssignment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleAssignment" ADD CONSTRAINT "RoleAssignment_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LkeComponent" ADD CONSTRAINT "LkeComponent_catalogueId_fkey" FOREIGN KEY ("catalogueId") REFERENCES "LkeCatalogue"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LkeArea" ADD CONSTRAINT "LkeArea_componentId_fkey" FOREIGN KEY ("componentId") REFERENCES "LkeComponent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LkeSubArea" ADD CONSTRAINT "LkeSubArea_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "LkeArea"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LkeIndicator" ADD CONSTRAINT "LkeIndicator_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "LkeArea"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LkeIndicator" ADD CONSTRAINT "LkeIndicator_subAreaId_fkey" FOREIGN KEY ("subAreaId") REFERENCES "LkeSubArea"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LkeQuestion" ADD CONSTRAINT "LkeQuestion_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "LkeArea"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LkeQuestion" ADD CONSTRAINT "LkeQuestion_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "LkeIndicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LkeOption" ADD CONSTRAINT "LkeOption_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "LkeQuestion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Periode" ADD CONSTRAINT "Periode_instansiId_fkey" FOREIGN KEY ("instansiId") REFERENCES "Instansi"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Periode" ADD CONSTRAINT "Periode_catalogueId_fkey" FOREIGN KEY ("catalogueId") REFERENCES "LkeCatalogue"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PeriodeStage" ADD CONSTRAINT "PeriodeStage_periodeId_fkey" FOREIGN KEY ("periodeId") REFERENCES "Periode"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_periodeId_fkey" FOREIGN KEY ("periodeId") REFERENCES "Periode"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Answer" ADD CONSTRAINT "Answer_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Answer" ADD CONSTRAINT "Answer_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "LkeQuestion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HasilInput" ADD CONSTRAINT "HasilInput_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentScore" ADD CONSTRAINT "AssessmentScore_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_answerId_fkey" FOREIGN KEY ("answerId") REFERENCES "Answer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_hasilInputId_fkey" FOREIGN KEY ("hasilInputId") REFERENCES "HasilInput"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_pencananganId_fkey" FOREIGN KEY ("pencananganId") REFERENCES "Pencanangan"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_rencanaAksiId_fkey" FOREIGN KEY ("rencanaAksiId") REFERENCES "RencanaAksi"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pencanangan" ADD CONSTRAINT "Pencanangan_instansiId_fkey" FOREIGN KEY ("instansiId") REFERENCES "Instansi"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pencanangan" ADD CONSTRAINT "Pencanangan_periodeId_fkey" FOREIGN KEY ("periodeId") REFERENCES "Periode"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PencananganUnit" ADD CONSTRAINT "PencananganUnit_pencananganId_fkey" FOREIGN KEY ("pencananganId") REFERENCES "Pencanangan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PencananganUnit" ADD CONSTRAINT "PencananganUnit_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PencananganWitness" ADD CONSTRAINT "PencananganWitness_pencananganId_fkey" FOREIGN KEY ("pencananganId") REFERENCES "Pencanangan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Penetapan" ADD CONSTRAINT "Penetapan_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RencanaAksi" ADD CONSTRAINT "RencanaAksi_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RencanaAksi" ADD CONSTRAINT "RencanaAksi_periodeId_fkey" FOREIGN KEY ("periodeId") REFERENCES "Periode"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_instansiId_fkey" FOREIGN KEY ("instansiId") REFERENCES "Instansi"("id") ON DELETE SET NULL ON UPDATE CASCADE;
