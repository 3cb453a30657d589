-- CreateEnum
CREATE TYPE "PengaduanStatus" AS ENUM ('DITERIMA', 'DIPROSES', 'SELESAI', 'DITOLAK');

-- CreateEnum
CREATE TYPE "DokumenPublikKind" AS ENUM ('MAKLUMAT', 'STANDAR_PELAYANAN', 'LAINNYA');

-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'PENGADUAN_BARU';

-- AlterTable
ALTER TABLE "Instansi" ADD COLUMN     "laporUrl" TEXT,
ADD COLUMN     "pengaduanDueDays" INTEGER NOT NULL DEFAULT 14,
ADD COLUMN     "wbsUrl" TEXT;

-- AlterTable
ALTER TABLE "Answer" ADD COLUMN     "provenance" JSONB;

-- CreateTable
CREATE TABLE "Pengaduan" (
    "id" TEXT NOT NULL,
    "instansiId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "trackingCode" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "reporterName" TEXT,
    "reporterContact" TEXT,
    "status" "PengaduanStatus" NOT NULL DEFAULT 'DITERIMA',
    "dueDate" DATE NOT NULL,
    "rejectReason" TEXT,
    "closedAt" TIMESTAMP(3),
    "ipHash" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Pengaduan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PengaduanTanggapan" (
    "id" TEXT NOT NULL,
    "pengaduanId" TEXT NOT NULL,
    "toStatus" "PengaduanStatus",
    "body" TEXT NOT NULL,
    "public" BOOLEAN NOT NULL DEFAULT true,
    "authorId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PengaduanTanggapan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PengaduanLampiran" (
    "id" TEXT NOT NULL,
    "pengaduanId" TEXT NOT NULL,
    "originalName" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "mimeType" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PengaduanLampiran_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DokumenPublik" (
    "id" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "kind" "DokumenPublikKind" NOT NULL,
    "title" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "description" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DokumenPublik_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Pengaduan_trackingCode_key" ON "Pengaduan"("trackingCode");

-- CreateIndex
CREATE INDEX "Pengaduan_unitId_createdAt_idx" ON "Pengaduan"("unitId", "createdAt");

-- CreateIndex
CREATE INDEX "Pengaduan_ipHash_createdAt_idx" ON "Pengaduan"("ipHash", "createdAt");

-- CreateIndex
CREATE INDEX "PengaduanTanggapan_pengaduanId_createdAt_idx" ON "PengaduanTanggapan"("pengaduanId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "PengaduanLampiran_storageKey_key" ON "PengaduanLampiran"("storageKey");

-- CreateIndex
CREATE INDEX "PengaduanLampiran_pengaduanId_idx" ON "PengaduanLampiran"("pengaduanId");

-- CreateIndex
CREATE INDEX "DokumenPublik_unitId_idx" ON "DokumenPublik"("unitId");

-- AddForeignKey
ALTER TABLE "Pengaduan" ADD CONSTRAINT "Pengaduan_instansiId_fkey" FOREIGN KEY ("instansiId") REFERENCES "Instansi"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pengaduan" ADD CONSTRAINT "Pengaduan_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PengaduanTanggapan" ADD CONSTRAINT "PengaduanTanggapan_pengaduanId_fkey" FOREIGN KEY ("pengaduanId") REFERENCES "Pengaduan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PengaduanLampiran" ADD CONSTRAINT "PengaduanLampiran_pengaduanId_fkey" FOREIGN KEY ("pengaduanId") REFERENCES "Pengaduan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DokumenPublik" ADD CONSTRAINT "DokumenPublik_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
