import { describe, expect, test } from "vitest";
import { accountKey, authenticate, WRONG_CREDENTIALS } from "@/server/auth/authenticate";
import { DEMO_PASSWORD } from "../../prisma/seed";
import { useTestDatabase } from "./db";

const db = useTestDatabase();

describe("sign-in", () => {
  test("NIP or email with the right password signs in; the attempt is recorded", async () => {
    const byEmail = await authenticate(db.prisma, "  Admin@Contoh.go.id ", DEMO_PASSWORD, "10.0.0.1");
    expect(byEmail.ok).toBe(true);
    const byNip = await authenticate(db.prisma, "198203152006042003", DEMO_PASSWORD, "10.0.0.1");
    const tpi = await db.prisma.user.findUniqueOrThrow({ where: { email: "tpi@contoh.go.id" } });
    expect(byNip).toEqual({ ok: true, userId: tpi.id, sessionVersion: tpi.sessionVersion });
    expect(await db.prisma.loginAttempt.count({ where: { ip: "10.0.0.1", success: true } })).toBe(2);
  });

  test("a wrong password or unknown account gets the same message", async () => {
    expect(await authenticate(db.prisma, "pimpinan@contoh.go.id", "salah-sekali-1", "10.0.0.2")).toEqual({
      ok: false,
      message: WRONG_CREDENTIALS,
    });
    expect(await authenticate(db.prisma, "tidak.ada@contoh.go.id", "salah-sekali-1", "10.0.0.2")).toEqual({
      ok: false,
      message: WRONG_CREDENTIALS,
    });
  });

  test("after 5 failures in 15 minutes the account is locked, even for the right password", async () => {
    const account = "kepala.bapenda@contoh.go.id";
    for (let i = 0; i < 5; i++) {
      expect(await authenticate(db.prisma, account, `salah-${i}-xyz`, `10.1.0.${i}`)).toEqual({
        ok: false,
        message: WRONG_CREDENTIALS,
      });
    }
    const locked = await authenticate(db.prisma, account, DEMO_PASSWORD, "10.1.0.99");
    expect(locked.ok).toBe(false);
    if (!locked.ok)
      expect(locked.message).toMatch(
        /^Terlalu banyak percobaan masuk yang gagal untuk akun ini \(5 kali dalam 15 menit\)\. Coba lagi setelah pukul \d\d[.:]\d\d\.$/,
      );
    // Another account from the same addresses is not affected.
    expect((await authenticate(db.prisma, "kepala.dinkes@contoh.go.id", DEMO_PASSWORD, "10.1.0.99")).ok).toBe(true);
  });

  test("the email and the NIP of one account share one failure count", async () => {
    const user = await db.prisma.user.findUniqueOrThrow({ where: { email: "kepala.dishub@contoh.go.id" } });
    for (let i = 0; i < 5; i++) {
      const identifier = i % 2 ? user.email : user.nip!;
      expect((await authenticate(db.prisma, identifier, `salah-${i}-abc`, `10.5.0.${i}`)).ok).toBe(false);
    }
    const locked = await authenticate(db.prisma, user.nip!, DEMO_PASSWORD, "10.5.0.9");
    expect(locked).toMatchObject({ ok: false, message: expect.stringMatching(/untuk akun ini \(5 kali/) });
  });

  test("parallel wrong guesses cannot get past the limit", async () => {
    const account = "operator.bkpsdm@contoh.go.id";
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => authenticate(db.prisma, account, `tebak-${i}-x`, `10.6.0.${i}`)),
    );
    expect(results.filter((r) => !r.ok && r.message === WRONG_CREDENTIALS)).toHaveLength(5);
    expect(results.filter((r) => !r.ok && r.message.startsWith("Terlalu banyak"))).toHaveLength(7);
  });

  test("failures older than 15 minutes no longer count", async () => {
    const account = "kepala.rsud@contoh.go.id";
    const user = await db.prisma.user.findUniqueOrThrow({ where: { email: account } });
    const old = new Date(Date.now() - 16 * 60_000);
    await db.prisma.loginAttempt.createMany({
      data: Array.from({ length: 6 }, () => ({
        identifier: accountKey(user.id, account),
        ip: "10.2.0.1",
        success: false,
        createdAt: old,
      })),
    });
    expect((await authenticate(db.prisma, account, DEMO_PASSWORD, "10.2.0.1")).ok).toBe(true);
  });

  test("one address failing across many accounts is locked out", async () => {
    const ip = "10.3.0.1";
    for (let i = 0; i < 20; i++) await authenticate(db.prisma, `coba${i}@contoh.go.id`, "salah-salah-1", ip);
    const blocked = await authenticate(db.prisma, "operator.rsud@contoh.go.id", DEMO_PASSWORD, ip);
    expect(blocked.ok).toBe(false);
    if (!blocked.ok) expect(blocked.message).toMatch(/^Terlalu banyak percobaan masuk yang gagal dari alamat ini\./);
    expect((await authenticate(db.prisma, "operator.rsud@contoh.go.id", DEMO_PASSWORD, "10.3.0.2")).ok).toBe(true);
  });

  test("a deactivated account cannot sign in", async () => {
    await db.prisma.user.update({ where: { email: "operator.dishub@contoh.go.id" }, data: { active: false } });
    expect(await authenticate(db.prisma, "operator.dishub@contoh.go.id", DEMO_PASSWORD, "10.4.0.1")).toEqual({
      ok: false,
      message: "Akun Anda dinonaktifkan. Hubungi Bagian Organisasi.",
    });
  });
});

describe("the session", () => {
  test("carries the user id, roles and unit scope from sign-in", async () => {
    const { authOptions } = await import("@/server/auth/options");
    const credentials = authOptions.providers[0] as unknown as {
      options: { authorize: (c: Record<string, string>, req: unknown) => Promise<{ id: string }> };
    };
    const user = await credentials.options.authorize(
      { identifier: "tpi@contoh.go.id", password: DEMO_PASSWORD },
      { headers: { "x-zi-client-ip": "10.9.0.1" } },
    );
    const token = await authOptions.callbacks!.jwt!({ token: {}, user: user as never, account: null } as never);
    const session = await authOptions.callbacks!.session!({ session: { user: {}, expires: "" }, token } as never);
    const tpi = await db.prisma.user.findUniqueOrThrow({
      where: { email: "tpi@contoh.go.id" },
      include: { roles: true },
    });
    expect(session.user).toMatchObject({ id: tpi.id, roles: ["TPI"] });
    expect((session.user as { units: { unitId: string }[] }).units.map((u) => u.unitId).sort()).toEqual(
      tpi.roles.map((r) => r.unitId).sort(),
    );
    await expect(
      credentials.options.authorize({ identifier: "tpi@contoh.go.id", password: "salah-sekali-9" }, { headers: {} }),
    ).rejects.toThrow(WRONG_CREDENTIALS);
  });
});
