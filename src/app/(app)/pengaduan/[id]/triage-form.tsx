"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Checkbox, ErrorText, Field, Select, Textarea } from "@/components/ui/form";
import { replyPengaduanAction, triagePengaduanAction } from "@/server/actions/pengaduan";

type Next = { value: "DITERIMA" | "DIPROSES" | "SELESAI" | "DITOLAK"; label: string };

/** The next step on a complaint (with the reply the complainant reads), or a reply/internal note alone. */
export function TriageForm({ pengaduanId, version, next }: { pengaduanId: string; version: number; next: Next[] }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [toStatus, setToStatus] = useState<Next["value"] | "">(next[0]?.value ?? "");
  const [body, setBody] = useState("");
  const [internal, setInternal] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  const submit = () =>
    start(async () => {
      const result = toStatus
        ? await triagePengaduanAction({ pengaduanId, toStatus, body, version })
        : await replyPengaduanAction({ pengaduanId, body, public: !internal });
      if (!result.ok) {
        setError(result.error);
        setFieldErrors(result.fieldErrors ?? {});
        return;
      }
      setError(null);
      setFieldErrors({});
      setBody("");
      router.refresh();
    });

  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <h2 className="font-semibold">Tindak lanjut</h2>
      <Field label="Langkah" htmlFor="toStatus" error={fieldErrors.toStatus}>
        <Select id="toStatus" value={toStatus} onChange={(e) => setToStatus(e.target.value as Next["value"] | "")}>
          {next.map((n) => (
            <option key={n.value} value={n.value}>
              Ubah status: {n.label}
            </option>
          ))}
          <option value="">Tambah tanggapan tanpa mengubah status</option>
        </Select>
      </Field>
      <Field
        label="Tanggapan"
        htmlFor="body"
        error={fieldErrors.body}
        hint="Selesai dan ditolak wajib disertai tanggapan untuk pelapor."
      >
        <Textarea id="body" value={body} onChange={(e) => setBody(e.target.value)} rows={5} />
      </Field>
      {!toStatus && (
        <Checkbox
          label="Catatan internal (tidak terlihat oleh pelapor)"
          checked={internal}
          onChange={(e) => setInternal(e.target.checked)}
        />
      )}
      <ErrorText message={error} />
      <Button type="submit" disabled={pending}>
        {pending ? "Menyimpan…" : "Simpan"}
      </Button>
    </form>
  );
}
