-- A–D answers score the catalogue's listed 1 / 0.67 / 0.33 / 0 (Lampiran III workbook, PortalRB multipliers),
-- not exact thirds; the stored catalogue mirror follows. Stored scores are recomputed by the data step
-- 20261202080001_data_rescore_official_option_values (src/server/db/data-migrations.ts).
UPDATE "LkeOption" o SET "score" = CASE o."label" WHEN 'B' THEN 0.67 WHEN 'C' THEN 0.33 ELSE o."score" END
FROM "LkeQuestion" q
WHERE o."questionId" = q."id" AND q."answerType" = 'ABCD' AND o."label" IN ('B', 'C');

-- Catalogue text fixes (typos in the source texts).
UPDATE "LkeQuestion" SET "text" = regexp_replace("text", 'penyederhanaan jabata$', 'penyederhanaan jabatan') WHERE "code" = 'PRB1A';
UPDATE "LkeQuestion" SET "text" = replace(replace(replace("text", 'dtindaklanjuti', 'ditindaklanjuti'), 'danevaluasi', 'dan evaluasi'), 'kegiatanUnit', 'kegiatan Unit');
UPDATE "LkeOption" SET "criteria" = replace(replace(replace("criteria", 'dtindaklanjuti', 'ditindaklanjuti'), 'danevaluasi', 'dan evaluasi'), 'kegiatanUnit', 'kegiatan Unit');

-- How a percentage question whose base count is 0 scores, per periode (ADMIN setting; default 0 as before).
CREATE TYPE "ZeroBaseRule" AS ENUM ('ZERO', 'ONE', 'EXCLUDE');
ALTER TABLE "Periode" ADD COLUMN "zeroBase" "ZeroBaseRule" NOT NULL DEFAULT 'ZERO';
