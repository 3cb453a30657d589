/**
 * What `npm start` decides from the environment before it serves: whether to load the demo
 * instansi, which address to listen on, and whether a production start is allowed at all.
 */
type Env = Partial<Record<string, string>>;

/** Demo data by default only on the embedded database (the "try it" path); with DATABASE_URL only when asked. */
export function wantsDemoSeed(env: Env, dbKind: "pglite" | "postgres"): boolean {
  return (env.SEED_DEMO ?? (dbKind === "pglite" ? "1" : "0")) === "1";
}

/** A server holding demo accounts (their password is in the README) listens only locally unless HOST says otherwise. */
export function listenHost(env: Env, demoPresent: boolean): string {
  return env.HOST?.trim() || (demoPresent ? "127.0.0.1" : "0.0.0.0");
}

/** Why a start must be refused, one line each; empty when it may go on. */
export function startProblems(env: Env, demoPresent: boolean): string[] {
  if (env.NODE_ENV !== "production") return [];
  const problems: string[] = [];
  if (!env.NEXTAUTH_URL?.trim()) {
    problems.push("NEXTAUTH_URL wajib diisi di produksi (alamat publik aplikasi, mis. https://zi.example.go.id).");
  } else if (!URL.canParse(env.NEXTAUTH_URL)) {
    problems.push(`NEXTAUTH_URL bukan alamat yang sah: ${JSON.stringify(env.NEXTAUTH_URL)}.`);
  }
  if (demoPresent && env.ALLOW_DEMO !== "1") {
    problems.push(
      "Basis data memuat data demo (akun dengan kata sandi yang tercantum di README). Di produksi gunakan basis data tanpa demo, " +
        "atau setel ALLOW_DEMO=1 bila memang untuk demonstrasi.",
    );
  }
  return problems;
}
