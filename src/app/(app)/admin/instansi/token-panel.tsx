"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ErrorText, Field, Input } from "@/components/ui/form";
import { Table, Td, Th } from "@/components/ui/table";
import { formatDateTimeLocal } from "@/lib/client-format";
import { createApiTokenAction, revokeApiTokenAction } from "@/server/actions/instansi-settings";

export interface TokenRow {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** Create a token (shown once), see when each was last used, revoke. */
export function TokenPanel({ tokens }: { tokens: TokenRow[] }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);

  return (
    <div className="space-y-4">
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          start(async () => {
            const result = await createApiTokenAction({ name });
            if (!result.ok) {
              setError(result.error);
              setFieldError(result.fieldErrors?.name);
              return;
            }
            setError(null);
            setFieldError(undefined);
            setName("");
            setCreated({ name: result.data.name, token: result.data.token });
            router.refresh();
          });
        }}
      >
        <Field label="Nama token" htmlFor="token-name" error={fieldError} className="w-full max-w-sm">
          <Input
            id="token-name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="PortalRB 2026"
            maxLength={80}
          />
        </Field>
        <Button type="submit" disabled={pending}>
          Buat token
        </Button>
      </form>
      <ErrorText message={error} />
      {created && (
        <Alert tone="success" title={`Token "${created.name}" dibuat`}>
          <p>Salin sekarang dan daftarkan di PortalRB: token ini tidak akan ditampilkan lagi.</p>
          <code
            className="mt-2 block break-all rounded bg-white px-2 py-1 font-mono text-sm text-slate-900 ring-1 ring-slate-300"
            data-testid="new-api-token"
          >
            {created.token}
          </code>
        </Alert>
      )}
      {tokens.length === 0 ? (
        <p className="text-sm text-slate-600">Belum ada token.</p>
      ) : (
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Daftar token API">
          <Table>
            <thead>
              <tr>
                <Th>Nama</Th>
                <Th>Awalan</Th>
                <Th>Dibuat</Th>
                <Th>Terakhir dipakai</Th>
                <Th>Status</Th>
                <Th>
                  <span className="sr-only">Tindakan</span>
                </Th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((t) => (
                <tr key={t.id} data-testid="api-token-row">
                  <Td>{t.name}</Td>
                  <Td>
                    <code className="font-mono text-xs">{t.prefix}…</code>
                  </Td>
                  <Td>{formatDateTimeLocal(t.createdAt)}</Td>
                  <Td>{t.lastUsedAt ? formatDateTimeLocal(t.lastUsedAt) : "Belum pernah"}</Td>
                  <Td>{t.revokedAt ? `Dicabut ${formatDateTimeLocal(t.revokedAt)}` : "Aktif"}</Td>
                  <Td>
                    {!t.revokedAt && (
                      <Button
                        variant="danger"
                        size="sm"
                        disabled={pending}
                        onClick={() =>
                          start(async () => {
                            if (!window.confirm(`Cabut token "${t.name}"? PortalRB tidak dapat memakainya lagi.`))
                              return;
                            const result = await revokeApiTokenAction({ id: t.id });
                            setError(result.ok ? null : result.error);
                            if (result.ok) router.refresh();
                          })
                        }
                      >
                        Cabut
                      </Button>
                    )}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      )}
    </div>
  );
}
