/**
 * The role the application runs as on a real PostgreSQL, apart from the role that owns the schema and
 * runs the migrations: it reads and writes the data but may only INSERT and SELECT the audit log —
 * no UPDATE, DELETE or TRUNCATE, and (not being the owner) it cannot drop the append-only triggers.
 */
import type { SqlRunner } from "./migrate";

const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

const quoteLiteral = (s: string) => `'${s.replace(/'/g, "''")}'`;

export function appRoleStatements(role: string, password: string | null): string[] {
  if (!ROLE_NAME.test(role))
    throw new Error(`Nama peran basis data tidak sah: ${role} (huruf kecil, angka, garis bawah).`);
  return [
    `DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = ${quoteLiteral(role)}) THEN CREATE ROLE "${role}" ${password ? "LOGIN" : "NOLOGIN"}; END IF; END $$`,
    ...(password ? [`ALTER ROLE "${role}" LOGIN PASSWORD ${quoteLiteral(password)}`] : []),
    `GRANT USAGE ON SCHEMA public TO "${role}"`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "${role}"`,
    `GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO "${role}"`,
    `REVOKE UPDATE, DELETE, TRUNCATE ON "AuditLog" FROM "${role}"`,
    // The migration ledger is the owner's business.
    `REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON "_prisma_migrations" FROM "${role}"`,
  ];
}

/** Creates or updates the role; run again after migrations that add tables. */
export async function applyAppRole(runner: SqlRunner, role: string, password: string | null) {
  await runner.transaction(async (tx) => {
    for (const sql of appRoleStatements(role, password)) await tx.exec(sql);
  });
}
