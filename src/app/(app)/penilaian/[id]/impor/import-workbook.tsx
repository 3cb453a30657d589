"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, Td, Th } from "@/components/ui/table";
import { importLkeAnswersAction } from "@/server/actions/lke-import";
import type { ImportPreview, PreviewChange } from "@/server/lke-xlsx/app";

const CHANGE: Record<PreviewChange, { label: string; tone: BadgeTone }> = {
  baru: { label: "Baru", tone: "green" },
  ubah: { label: "Berubah", tone: "blue" },
  sama: { label: "Sama", tone: "slate" },
  kosong: { label: "Kosong di berkas", tone: "slate" },
  masalah: { label: "Bermasalah", tone: "red" },
};

export function ImportWorkbook({ assessmentId, maxMb }: { assessmentId: string; maxMb: number }) {
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [onlyChanges, setOnlyChanges] = useState(true);
  const [busy, setBusy] = useState(false);
  const [pending, startTransition] = useTransition();

  async function upload(file: File) {
    setError(null);
    setDone(null);
    setPreview(null);
    if (file.size > maxMb * 1024 * 1024) {
      setError(`Berkas terlalu besar (maksimal ${maxMb} MB).`);
      return;
    }
    setBusy(true);
    try {
      const res = await fetch(`/api/penilaian/${assessmentId}/impor-xlsx`, {
        method: "POST",
        headers: { "X-File-Name": encodeURIComponent(file.name), "Content-Type": "application/octet-stream" },
        body: file,
      });
      const json = await res.json();
      if (!res.ok) setError(json.error ?? "Berkas tidak dapat dibaca.");
      else setPreview(json as ImportPreview);
    } catch {
      setError("Unggahan gagal. Periksa koneksi lalu coba lagi.");
    } finally {
      setBusy(false);
    }
  }

  const changes = preview ? preview.rows.filter((r) => r.change === "baru" || r.change === "ubah") : [];
  const hasil = preview && preview.hasil.change === "ubah" ? preview.hasil : null;

  function apply() {
    if (!preview) return;
    startTransition(async () => {
      const result = await importLkeAnswersAction({
        assessmentId,
        fileName: preview.fileName,
        changes: changes.map((r) => ({
          questionCode: r.code,
          value: r.value as string | Record<string, number>,
          catatan: r.catatan,
          version: r.version,
          evidenceText: r.evidenceText,
          evidenceLinks: r.evidenceLinks,
        })),
        hasil: hasil
          ? {
              ipak: hasil.incoming.ipak ?? null,
              ipkp: hasil.incoming.ipkp ?? null,
              capaianKinerja: (hasil.incoming.capaianKinerja as "A" | null) ?? null,
              version: hasil.current.version,
            }
          : null,
      });
      if (result.ok) {
        setDone(
          `${result.data.applied} jawaban${result.data.hasil ? " dan nilai komponen hasil" : ""} dari ${preview.fileName} tersimpan.`,
        );
        setPreview(null);
      } else setError(result.error);
    });
  }

  const rows = preview ? preview.rows.filter((r) => !onlyChanges || r.change !== "sama") : [];
  return (
    <div className="space-y-4">
      <div className="rounded-md border border-slate-200 bg-white p-4">
        <label htmlFor="berkas-lke" className="block text-sm font-medium text-slate-800">
          Berkas LKE (.xlsx, maksimal {maxMb} MB)
        </label>
        <input
          id="berkas-lke"
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          className="mt-2 block text-sm"
          disabled={busy || pending}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void upload(file);
          }}
        />
        {busy && <p className="mt-2 text-sm text-slate-600">Membaca berkas…</p>}
      </div>
      {error && (
        <Alert tone="error" title="Impor tidak dapat dilanjutkan">
          {error}
        </Alert>
      )}
      {done && (
        <Alert tone="success" title="Impor selesai">
          {done}{" "}
          <Link className="underline" href={`/penilaian/${assessmentId}`}>
            Kembali ke LKE
          </Link>
        </Alert>
      )}
      {preview && (
        <section aria-labelledby="pratinjau" className="space-y-3" data-testid="import-preview">
          <h2 id="pratinjau" className="text-lg font-semibold text-slate-900">
            Pratinjau: {preview.fileName}
          </h2>
          <p className="text-sm text-slate-700">
            {preview.counts.baru} baru · {preview.counts.ubah} berubah · {preview.counts.sama} sama ·{" "}
            {preview.counts.kosong} kosong di berkas · {preview.counts.masalah} bermasalah
            {preview.onBehalf && " · diimpor atas nama unit (tercatat di log audit)"}
          </p>
          {preview.fileProblems.length > 0 && (
            <Alert tone="warning" title="Baris yang tidak dikenali">
              <ul className="list-disc pl-5">
                {preview.fileProblems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </Alert>
          )}
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={onlyChanges} onChange={(e) => setOnlyChanges(e.target.checked)} />{" "}
            Sembunyikan jawaban yang sama
          </label>
          <Table aria-label="Pratinjau impor per pertanyaan">
            <thead>
              <tr>
                <Th>Kode</Th>
                <Th>Pertanyaan</Th>
                <Th>Jawaban sekarang</Th>
                <Th>Jawaban dari berkas</Th>
                <Th>Keterangan</Th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.code} data-code={r.code}>
                  <Td className="font-mono text-xs">{r.code}</Td>
                  <Td className="max-w-md">{r.text}</Td>
                  <Td>{r.current?.text || <span className="text-slate-600">belum dijawab</span>}</Td>
                  <Td>
                    {r.incoming?.text || <span className="text-slate-600">—</span>}
                    {r.incoming?.evidence && (
                      <p className="mt-1 text-xs text-slate-600">Bukti: {r.incoming.evidence}</p>
                    )}
                  </Td>
                  <Td>
                    <Badge tone={CHANGE[r.change].tone}>{CHANGE[r.change].label}</Badge>
                    {r.problems.map((p) => (
                      <p key={p} className="mt-1 text-xs text-red-700">
                        {p}
                      </p>
                    ))}
                  </Td>
                </tr>
              ))}
              <tr>
                <Td className="font-mono text-xs">HASIL</Td>
                <Td>IPAK · IPKP · capaian kinerja</Td>
                <Td>
                  {preview.hasil.current.ipak ?? "–"} · {preview.hasil.current.ipkp ?? "–"} ·{" "}
                  {preview.hasil.current.capaianKinerja ?? "–"}
                </Td>
                <Td>
                  {preview.hasil.incoming.ipak ?? "–"} · {preview.hasil.incoming.ipkp ?? "–"} ·{" "}
                  {preview.hasil.incoming.capaianKinerja ?? "–"}
                </Td>
                <Td>
                  <Badge tone={CHANGE[preview.hasil.change].tone}>{CHANGE[preview.hasil.change].label}</Badge>
                  {preview.hasil.problems.map((p) => (
                    <p key={p} className="mt-1 text-xs text-red-700">
                      {p}
                    </p>
                  ))}
                </Td>
              </tr>
            </tbody>
          </Table>
          <div className="flex flex-wrap items-center gap-3">
            <Button onClick={apply} disabled={pending || (changes.length === 0 && !hasil)}>
              {pending ? "Menyimpan…" : `Terapkan ${changes.length} jawaban${hasil ? " dan nilai hasil" : ""}`}
            </Button>
            <p className="text-sm text-slate-600">
              Jawaban bermasalah tidak ikut disimpan. Bila ada yang diubah orang lain sejak pratinjau, tidak ada yang
              disimpan.
            </p>
          </div>
        </section>
      )}
    </div>
  );
}
