import type { NextAuthOptions } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/server/db/client";
import { authenticate } from "./authenticate";
import { SESSION_IDLE_SECONDS, sessionClaims } from "./session-policy";

function clientIp(headers: unknown): string {
  if (!headers) return "unknown";
  const get = (name: string) =>
    headers instanceof Headers
      ? headers.get(name)
      : ((headers as Record<string, string | string[] | undefined>)[name] ?? null);
  const value = get("x-zi-client-ip");
  return (Array.isArray(value) ? value[0] : value) || "unknown";
}

export interface SessionAssignment {
  role: string;
  unitId: string | null;
}

// next-auth 4 ships CommonJS: bundlers unwrap its default export, plain Node ESM (scripts) does not.
const CredentialsProvider = (Credentials as unknown as { default?: typeof Credentials }).default ?? Credentials;

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_IDLE_SECONDS },
  // Secure cookies whenever the public URL is https (NEXTAUTH_URL is required in production).
  useSecureCookies: process.env.NEXTAUTH_URL?.startsWith("https://") ?? false,
  pages: { signIn: "/masuk", error: "/masuk" },
  secret: process.env.NEXTAUTH_SECRET,
  providers: [
    CredentialsProvider({
      name: "NIP atau email",
      credentials: {
        identifier: { label: "NIP atau email", type: "text" },
        password: { label: "Kata sandi", type: "password" },
      },
      async authorize(credentials, req) {
        const result = await authenticate(
          getDb(),
          credentials?.identifier ?? "",
          credentials?.password ?? "",
          clientIp(req?.headers),
        );
        // next-auth passes a thrown message back to the sign-in form.
        if (!result.ok) throw new Error(result.message);
        const assignments = await getDb().roleAssignment.findMany({
          where: { userId: result.userId },
          select: { role: true, unitId: true },
        });
        return { id: result.userId, assignments, sessionVersion: result.sessionVersion } as {
          id: string;
          assignments: SessionAssignment[];
          sessionVersion: number;
        };
      },
    }),
  ],
  // The session carries the user id, roles and unit scope as of sign-in (for the browser), the user's
  // session version and the sign-in time. Pages, routes and actions re-read the user on every request
  // (current-user.ts) and refuse a session whose version is no longer the user's or that is older than
  // the absolute lifetime, so a sign-out, password change, deactivation or role change ends it at once.
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        const assignments = (user as { assignments?: SessionAssignment[] }).assignments ?? [];
        token.uid = user.id;
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
        token.authAt = Math.floor(Date.now() / 1000);
        token.roles = [...new Set(assignments.map((a) => a.role))];
        token.units = assignments.filter((a) => a.unitId).map((a) => ({ role: a.role, unitId: a.unitId }));
      }
      return token;
    },
    session({ session, token }) {
      if (session.user) {
        Object.assign(session.user, {
          id: token.uid,
          roles: token.roles ?? [],
          units: token.units ?? [],
          sv: token.sv,
          authAt: token.authAt,
        });
      }
      return session;
    },
  },
  events: {
    // Signing out ends this session everywhere: a copy of the cookie stops working too.
    async signOut({ token }) {
      const claims = sessionClaims(token);
      if (claims)
        await getDb().user.updateMany({
          where: { id: claims.uid, sessionVersion: claims.sv },
          data: { sessionVersion: { increment: 1 } },
        });
    },
  },
};
