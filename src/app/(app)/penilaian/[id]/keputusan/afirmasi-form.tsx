"use client";

import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox, Field, Textarea } from "@/components/ui/form";
import { setAfirmasiAction } from "@/server/actions/portalrb-afirmasi";

/** ADMIN or the unit's TPI marks the proposal as affirmation (WBK-AFIRMASI in PortalRB), with its basis. */
export function AfirmasiForm({
  assessmentId,
  initial,
}: {
  assessmentId: string;
  initial: { afirmasi: boolean; reason: string };
}) {
  const [afirmasi, setAfirmasi] = useState(initial.afirmasi);
  const [reason, setReason] = useState(initial.reason);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [pending, start] = useTransition();
  const save = () =>
    start(async () => {
      setError(null);
      setSaved(false);
      const result = await setAfirmasiAction({ assessmentId, afirmasi, reason });
      if (result.ok) setSaved(true);
      else setError(result.error);
    });
  return (
    <form
      className="space-y-3"
      data-testid="afirmasi-form"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <Checkbox
        label="Usulkan sebagai WBK afirmasi"
        checked={afirmasi}
        onChange={(e) => {
          setAfirmasi(e.target.checked);
          setSaved(false);
        }}
      />
      {afirmasi && (
        <Field label="Dasar afirmasi" htmlFor="afirmasi-reason" hint="Dibaca peninjau PortalRB (minimal 10 karakter).">
          <Textarea
            id="afirmasi-reason"
            rows={2}
            maxLength={500}
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
              setSaved(false);
            }}
          />
        </Field>
      )}
      {error && <Alert tone="error">{error}</Alert>}
      <div className="flex flex-wrap items-center gap-3">
        <Button size="sm" type="submit" disabled={pending}>
          {pending ? "Menyimpan…" : "Simpan afirmasi"}
        </Button>
        {saved && (
          <span role="status" className="text-xs font-medium text-emerald-700">
            Tersimpan
          </span>
        )}
      </div>
    </form>
  );
}
