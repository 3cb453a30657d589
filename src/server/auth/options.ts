import type { NextAuthOptions } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/server/db/client";
import { authenticate } from "./authenticate";

function clientIp(headers: unknown): string {
  if (!headers) return "unknown";
  const get = (name: string) =>
    headers instanceof Headers ? headers.get(name) : ((headers as Record<string, string | string[] | undefined>)[name] ?? null);
  const value = get("x-zi-client-ip");
  return (Array.isArray(value) ? value[0] : value) || "unknown";
}

export const SESSION_MAX_AGE = 8 * 60 * 60;

// next-auth 4 ships CommonJS: bundlers unwrap its default export, plain Node ESM (scripts) does not.
const CredentialsProvider = (Credentials as unknown as { default?: typeof Credentials }).default ?? Credentials;

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE },
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
        const result = await authenticate(getDb(), credentials?.identifier ?? "", credentials?.password ?? "", clientIp(req?.headers));
        // next-auth passes a thrown message back to the sign-in form.
        if (!result.ok) throw new Error(result.message);
        return { id: result.userId };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.uid = user.id;
      return token;
    },
    session({ session, token }) {
      if (session.user) (session.user as { id?: string }).id = token.uid as string;
      return session;
    },
  },
};
