"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { ErrorText, Field, Input, Textarea } from "@/components/ui/form";

/**
 * The complaint form. Sent as multipart (attachments included) to /api/publik/pengaduan; the server
 * checks everything again. The hidden "alamatSitus" field is a trap for bots.
 */
export function PengaduanForm({
  unitCode,
  maxFiles,
  maxSize,
}: {
  unitCode: string;
  maxFiles: number;
  maxSize: string;
}) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setPending(true);
    setError(null);
    setFieldErrors({});
    try {
      const data = new FormData(e.currentTarget);
      const res = await fetch("/api/publik/pengaduan", { method: "POST", body: data });
      const body = (await res.json().catch(() => ({}))) as {
        ok?: boolean;
        trackingCode?: string;
        error?: string;
        fieldErrors?: Record<string, string>;
      };
      if (!res.ok || !body.ok || !body.trackingCode) {
        setError(body.error ?? "Pengaduan belum terkirim. Coba lagi.");
        setFieldErrors(body.fieldErrors ?? {});
        return;
      }
      router.push(`/publik/lacak?kode=${encodeURIComponent(body.trackingCode)}&baru=1`);
    } catch {
      setError("Koneksi terputus. Periksa jaringan Anda lalu kirim ulang.");
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="mt-6 space-y-4" encType="multipart/form-data" noValidate>
      <input type="hidden" name="unitCode" value={unitCode} />
      <div className="absolute -left-[9999px] h-px w-px overflow-hidden" aria-hidden="true">
        <label htmlFor="alamatSitus">Jangan diisi</label>
        <input id="alamatSitus" name="alamatSitus" type="text" tabIndex={-1} autoComplete="off" />
      </div>
      <Field label="Pokok pengaduan" htmlFor="subject" error={fieldErrors.subject}>
        <Input id="subject" name="subject" required maxLength={200} aria-invalid={Boolean(fieldErrors.subject)} />
      </Field>
      <Field
        label="Uraian pengaduan"
        htmlFor="description"
        error={fieldErrors.description}
        hint="Apa yang terjadi, kapan, dan di layanan mana (minimal 20 karakter)."
      >
        <Textarea
          id="description"
          name="description"
          required
          rows={6}
          maxLength={5000}
          aria-invalid={Boolean(fieldErrors.description)}
        />
      </Field>
      <Field label="Nama (boleh dikosongkan)" htmlFor="reporterName" error={fieldErrors.reporterName}>
        <Input id="reporterName" name="reporterName" autoComplete="name" maxLength={120} />
      </Field>
      <Field
        label="Email atau nomor telepon (boleh dikosongkan)"
        htmlFor="reporterContact"
        error={fieldErrors.reporterContact}
      >
        <Input id="reporterContact" name="reporterContact" maxLength={200} />
      </Field>
      <Field
        label={`Lampiran (opsional, maksimal ${maxFiles} berkas @ ${maxSize})`}
        htmlFor="lampiran"
        hint="PDF, foto (JPG/PNG/WebP/GIF), dokumen Office atau OpenDocument."
      >
        <input
          id="lampiran"
          name="lampiran"
          type="file"
          multiple
          accept=".pdf,.jpg,.jpeg,.png,.webp,.gif,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp"
          className="block w-full text-sm"
        />
      </Field>
      <ErrorText message={error} />
      <Button type="submit" disabled={pending} className="w-full sm:w-auto">
        {pending ? "Mengirim…" : "Kirim pengaduan"}
      </Button>
    </form>
  );
}
