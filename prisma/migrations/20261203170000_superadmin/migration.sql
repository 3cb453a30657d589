-- A province- or ministry-level role above the instansi (roll-up across instansi, creating instansi).
ALTER TYPE "Role" ADD VALUE IF NOT EXISTS 'SUPERADMIN' BEFORE 'ADMIN';
