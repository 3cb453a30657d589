"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { ErrorText, Field, Input } from "@/components/ui/form";
import { setInstansiLogoAction } from "@/server/actions/instansi-settings";

export function LogoForm({ hasLogo }: { hasLogo: boolean }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const submit = (logo: File | null) =>
    start(async () => {
      const result = await setInstansiLogoAction({ logo });
      setError(result.ok ? null : (result.fieldErrors?.logo ?? result.error));
      setDone(result.ok ? (result.data.set ? "Logo disimpan." : "Logo dihapus.") : null);
      if (result.ok) router.refresh();
    });
  return (
    <form
      className="flex flex-wrap items-end gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        const file = (new FormData(e.currentTarget).get("logo") as File | null) ?? null;
        submit(file && file.size > 0 ? file : null);
      }}
    >
      <p className="w-full text-sm text-slate-700" data-testid="logo-state">
        {hasLogo ? "Logo sudah diatur." : "Belum ada logo: kop memakai nama instansi saja."}
      </p>
      <Field label="Berkas logo" htmlFor="logo-file" className="w-full max-w-sm">
        <Input id="logo-file" name="logo" type="file" accept="image/png,image/jpeg" />
      </Field>
      <Button type="submit" disabled={pending}>
        Simpan logo
      </Button>
      {hasLogo && (
        <Button variant="secondary" disabled={pending} onClick={() => submit(null)}>
          Hapus logo
        </Button>
      )}
      <ErrorText message={error} className="w-full" />
      {done && (
        <p role="status" className="w-full text-sm text-emerald-800">
          {done}
        </p>
      )}
    </form>
  );
}
