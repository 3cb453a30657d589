-- The unit an audit entry concerns, so the ledger can be read per unit. Entries written before this
-- keep NULL (the log is append-only; they are found through their entity instead).
ALTER TABLE "AuditLog" ADD COLUMN "unitId" TEXT;

CREATE INDEX "AuditLog_instansiId_unitId_createdAt_idx" ON "AuditLog"("instansiId", "unitId", "createdAt");
