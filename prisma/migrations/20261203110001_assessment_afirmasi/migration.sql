-- A unit proposed to PortalRB as WBK by affirmation (kategori "WBK-AFIRMASI"), with the basis given.
ALTER TABLE "Assessment" ADD COLUMN "afirmasi" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "afirmasiReason" TEXT;
