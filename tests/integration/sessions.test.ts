/**
 * Sessions that end: the token's session version against the stored user, on every request
 * (loadUser with the session's claims, what getCurrentUser does), and the absolute lifetime.
 */
import { describe, expect, test } from "vitest";
import {
  changeOwnPasswordAction,
  resetPasswordAction,
  setUserActiveAction,
  updateUserAction,
} from "@/server/actions/users";
import { submitAssessmentAction } from "@/server/actions/lke-chain";
import { authenticate } from "@/server/auth/authenticate";
import { loadUser } from "@/server/auth/current-user";
import { authOptions } from "@/server/auth/options";
import { SESSION_ABSOLUTE_SECONDS, type SessionClaims } from "@/server/auth/session-policy";
import { sessionAs, useTestDatabase } from "./db";

const db = useTestDatabase();
const PASSWORD = "Integritas#2026";

/** Signs in as the browser would and returns the claims the token carries. */
async function signIn(email: string, password = PASSWORD): Promise<SessionClaims> {
  const result = await authenticate(db.prisma, email, password, "127.0.0.1");
  if (!result.ok) throw new Error(result.message);
  return { uid: result.userId, sv: result.sessionVersion, authAt: Math.floor(Date.now() / 1000) };
}

const stillSignedIn = async (claims: SessionClaims) => (await loadUser(claims.uid, claims)) !== null;

describe("a session ends", () => {
  test("at sign-out, for every copy of the cookie", async () => {
    const claims = await signIn("operator.dishub@contoh.go.id");
    const other = await signIn("operator.dishub@contoh.go.id");
    expect(await stillSignedIn(claims)).toBe(true);
    await authOptions.events!.signOut!({ token: { ...claims }, session: null as never });
    expect(await stillSignedIn(claims)).toBe(false);
    // Signing out ends the account's other sessions too (one version for the account).
    expect(await stillSignedIn(other)).toBe(false);
    expect(await stillSignedIn(await signIn("operator.dishub@contoh.go.id"))).toBe(true);
  });

  test("when the user changes their password; the new one works and must pass the policy", async () => {
    const claims = await signIn("operator.mekarsari@contoh.go.id");
    const me = await sessionAs(db.prisma, "operator.mekarsari@contoh.go.id");
    const change = (currentPassword: string, newPassword: string) =>
      changeOwnPasswordAction.run({ currentPassword, newPassword, confirmPassword: newPassword }, me);

    expect(await change("salah-sekali", "Kebun-Teh-Puncak-7")).toMatchObject({
      ok: false,
      fieldErrors: { currentPassword: "Kata sandi saat ini salah" },
    });
    expect(await change(PASSWORD, "password1234")).toMatchObject({
      ok: false,
      fieldErrors: { newPassword: expect.stringMatching(/terlalu umum/) },
    });
    expect(await change(PASSWORD, "operator.mekarsari#1")).toMatchObject({
      ok: false,
      fieldErrors: { newPassword: expect.stringMatching(/email atau NIP/) },
    });
    expect(await change(PASSWORD, "Pendek#1")).toMatchObject({
      ok: false,
      fieldErrors: { newPassword: expect.stringMatching(/minimal 12/) },
    });
    expect(
      await changeOwnPasswordAction.run(
        { currentPassword: PASSWORD, newPassword: "Kebun-Teh-Puncak-7", confirmPassword: "Kebun-Teh-Puncak-8" },
        me,
      ),
    ).toMatchObject({ ok: false, fieldErrors: { confirmPassword: expect.any(String) } });
    expect(await stillSignedIn(claims)).toBe(true);

    expect(await change(PASSWORD, "Kebun-Teh-Puncak-7")).toMatchObject({ ok: true });
    expect(await stillSignedIn(claims)).toBe(false);
    await expect(signIn("operator.mekarsari@contoh.go.id")).rejects.toThrow(/salah/);
    expect(await stillSignedIn(await signIn("operator.mekarsari@contoh.go.id", "Kebun-Teh-Puncak-7"))).toBe(true);
    const audit = await db.prisma.auditLog.findFirstOrThrow({
      where: { action: "user.changeOwnPassword", entityId: claims.uid },
    });
    expect(JSON.stringify(audit.after)).not.toMatch(/Kebun/);
  });

  test("at deactivation, and stays ended after reactivation", async () => {
    const admin = await sessionAs(db.prisma, "admin@contoh.go.id");
    const claims = await signIn("kepala.dishub@contoh.go.id");
    expect((await setUserActiveAction.run({ id: claims.uid, active: false }, admin)).ok).toBe(true);
    expect(await stillSignedIn(claims)).toBe(false);
    expect((await setUserActiveAction.run({ id: claims.uid, active: true }, admin)).ok).toBe(true);
    expect(await stillSignedIn(claims)).toBe(false);
    expect(await stillSignedIn(await signIn("kepala.dishub@contoh.go.id"))).toBe(true);
  });

  test("when an admin changes the user's roles, not when only the name changes", async () => {
    const admin = await sessionAs(db.prisma, "admin@contoh.go.id");
    const claims = await signIn("kepala.bapenda@contoh.go.id");
    const row = await db.prisma.user.findUniqueOrThrow({ where: { id: claims.uid }, include: { roles: true } });
    const base = {
      id: row.id,
      name: row.name,
      nip: row.nip ?? "",
      email: row.email,
      unitId: "",
      roles: ["KEPALA_OPD"],
      tpiUnitIds: [],
      opdUnitId: row.roles[0].unitId,
      active: true,
    };
    expect((await updateUserAction.run({ ...base, name: `${row.name} ` }, admin)).ok).toBe(true);
    expect(await stillSignedIn(claims)).toBe(true);
    expect((await updateUserAction.run({ ...base, roles: ["OPERATOR_OPD"] }, admin)).ok).toBe(true);
    expect(await stillSignedIn(claims)).toBe(false);
  });

  test("when an admin resets the password, whose owner must then choose a new one", async () => {
    const admin = await sessionAs(db.prisma, "admin@contoh.go.id");
    const claims = await signIn("kepala.sukamaju@contoh.go.id");
    expect((await resetPasswordAction.run({ id: claims.uid, password: "SandiSementara2026" }, admin)).ok).toBe(true);
    expect(await stillSignedIn(claims)).toBe(false);
    const fresh = await signIn("kepala.sukamaju@contoh.go.id", "SandiSementara2026");
    const user = await loadUser(fresh.uid, fresh);
    expect(user?.mustChangePassword).toBe(true);
    // Until then, no other action goes through.
    const session = { user, ip: "127.0.0.1" };
    const audit = await db.prisma.auditLog.count({ where: { action: { not: "access.denied" } } });
    expect(await submitAssessmentAction.run({ assessmentId: "apa-saja" }, session)).toEqual({
      ok: false,
      code: "FORBIDDEN",
      error: "Ganti dulu kata sandi sekali pakai Anda sebelum melanjutkan.",
    });
    expect(await db.prisma.auditLog.count({ where: { action: { not: "access.denied" } } })).toBe(audit);
    const changed = await changeOwnPasswordAction.run(
      {
        currentPassword: "SandiSementara2026",
        newPassword: "Kebun-Kopi-Sukamaju-3",
        confirmPassword: "Kebun-Kopi-Sukamaju-3",
      },
      session,
    );
    expect(changed.ok).toBe(true);
    const after = await signIn("kepala.sukamaju@contoh.go.id", "Kebun-Kopi-Sukamaju-3");
    expect((await loadUser(after.uid, after))?.mustChangePassword).toBe(false);
  });

  test("after the absolute lifetime, however active", async () => {
    const claims = await signIn("kepala.cibeureum@contoh.go.id");
    const now = Math.floor(Date.now() / 1000);
    expect(await stillSignedIn({ ...claims, authAt: now - SESSION_ABSOLUTE_SECONDS + 60 })).toBe(true);
    expect(await stillSignedIn({ ...claims, authAt: now - SESSION_ABSOLUTE_SECONDS - 60 })).toBe(false);
  });
});

describe("the audit trail", () => {
  test("records sign-ins, failed ones with their reason, without the password", async () => {
    const user = await db.prisma.user.findUniqueOrThrow({ where: { email: "kepala.dindikbud@contoh.go.id" } });
    const since = new Date(Date.now() - 1000);
    await signIn("kepala.dindikbud@contoh.go.id");
    expect((await authenticate(db.prisma, "kepala.dindikbud@contoh.go.id", "Tebakan-Salah-1", "10.1.2.3")).ok).toBe(
      false,
    );
    expect((await authenticate(db.prisma, "tidak.ada@contoh.go.id", "Tebakan-Salah-2", "10.1.2.3")).ok).toBe(false);
    // A password typed into the identifier field is not written down.
    expect((await authenticate(db.prisma, "Rahasia-Saya-77", "x", "10.1.2.3")).ok).toBe(false);
    const entries = await db.prisma.auditLog.findMany({
      where: {
        action: { startsWith: "auth." },
        entityId: { in: [user.id, "tidak.ada@contoh.go.id", "(tidak dikenal)"] },
        createdAt: { gte: since },
      },
      orderBy: { id: "asc" },
    });
    expect(
      entries.map((e) => [
        e.action,
        e.entityId,
        e.actorId,
        (e.after as { reason?: string } | null)?.reason ?? null,
        e.ip,
      ]),
    ).toEqual([
      ["auth.signIn", user.id, user.id, null, "127.0.0.1"],
      ["auth.signInFailed", user.id, null, "wrong-password", "10.1.2.3"],
      ["auth.signInFailed", "tidak.ada@contoh.go.id", null, "unknown-account", "10.1.2.3"],
      ["auth.signInFailed", "(tidak dikenal)", null, "unknown-account", "10.1.2.3"],
    ]);
    expect(await db.prisma.auditLog.count({ where: { entityId: { contains: "rahasia-saya" } } })).toBe(0);
    expect(entries[0].instansiId).toBe(user.instansiId);
    expect(JSON.stringify(entries.map((e) => e.after))).not.toMatch(/Tebakan|Integritas#2026/);
  });

  test("records each evidence download with who and from where", async () => {
    const { downloadEvidence } = await import("@/server/evidence/http");
    const tpi = await sessionAs(db.prisma, "tpi@contoh.go.id");
    const evidence = await db.prisma.evidence.findFirstOrThrow({
      where: { deletedAt: null, answer: { assessment: { unit: { shortName: "Dinkes" } } } },
    });
    const res = await downloadEvidence(evidence.id, { user: tpi.user, ip: "10.9.8.7" });
    expect(res.status).toBe(200);
    await res.arrayBuffer();
    const entry = await db.prisma.auditLog.findFirstOrThrow({
      where: { action: "evidence.download", entityId: evidence.id },
      orderBy: { id: "desc" },
    });
    expect(entry).toMatchObject({
      actorId: tpi.user.id,
      entity: "Evidence",
      ip: "10.9.8.7",
      instansiId: tpi.user.instansiId,
    });
  });
});
