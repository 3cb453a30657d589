"use client";

import { useState } from "react";
import { signIn } from "next-auth/react";
import { LogIn } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/form";

export function SignInForm({ callbackUrl, sessionEnded }: { callbackUrl: string; sessionEnded: boolean }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      identifier: String(form.get("identifier") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    if (!result || result.error) {
      setPending(false);
      setError(
        result?.error && result.error !== "CredentialsSignin" ? result.error : "NIP/email atau kata sandi salah.",
      );
      return;
    }
    // A full navigation so every server component reads the new session.
    window.location.assign(callbackUrl);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {sessionEnded && !error && <Alert tone="info">Sesi Anda telah berakhir. Silakan masuk kembali.</Alert>}
      {error && <Alert tone="error">{error}</Alert>}
      <Field label="NIP atau email" htmlFor="identifier">
        <Input id="identifier" name="identifier" autoComplete="username" required autoFocus />
      </Field>
      <Field label="Kata sandi" htmlFor="password">
        <Input id="password" name="password" type="password" autoComplete="current-password" required />
      </Field>
      <Button type="submit" className="w-full" disabled={pending}>
        <LogIn className="h-4 w-4" aria-hidden />
        {pending ? "Memeriksa…" : "Masuk"}
      </Button>
    </form>
  );
}
