-- Hit counters shared by every server process (the survey's per-address limit); keys are HMACs, not addresses.
CREATE TABLE "RateWindow" (
    "key" TEXT NOT NULL,
    "windowStart" BIGINT NOT NULL,
    "expiresAt" BIGINT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "RateWindow_pkey" PRIMARY KEY ("key")
);

CREATE INDEX "RateWindow_expiresAt_idx" ON "RateWindow"("expiresAt");
