"use client";

import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Table, Td, Th } from "@/components/ui/table";
import { importHasilAction } from "@/server/actions/hasil-import";
import type { HasilPreviewRow } from "@/server/lke-xlsx/hasil-import";

const show = (v: { ipak: number | null; ipkp: number | null; capaianKinerja: string | null } | null) =>
  v ? `${v.ipak ?? "–"} · ${v.ipkp ?? "–"} · ${v.capaianKinerja ?? "–"}` : "—";

export function HasilImport({ periodeId }: { periodeId: string }) {
  const [layer, setLayer] = useState<"TPI" | "SELF">("TPI");
  const [preview, setPreview] = useState<{ rows: HasilPreviewRow[]; fileName: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  async function upload(file: File) {
    setError(null);
    setDone(null);
    setPreview(null);
    const res = await fetch(`/api/ikhtisar/impor-hasil?periode=${encodeURIComponent(periodeId)}&lapisan=${layer}`, {
      method: "POST",
      headers: { "X-File-Name": encodeURIComponent(file.name), "Content-Type": "application/octet-stream" },
      body: file,
    });
    const json = await res.json();
    if (!res.ok) setError(json.error ?? "Berkas tidak dapat dibaca.");
    else setPreview(json);
  }

  const good = preview ? preview.rows.filter((r) => r.problems.length === 0 && r.assessmentId) : [];
  function apply() {
    if (!preview) return;
    startTransition(async () => {
      const result = await importHasilAction({
        layer,
        fileName: preview.fileName,
        rows: good.map((r) => ({
          assessmentId: r.assessmentId!,
          ...r.incoming,
          capaianKinerja: r.incoming.capaianKinerja as "A" | null,
          fromFile: r.fromFile,
          version: r.current?.version ?? 0,
        })),
      });
      if (result.ok) {
        setDone(`Nilai hasil ${result.data.applied} unit tersimpan.`);
        setPreview(null);
      } else setError(result.error);
    });
  }

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-4 rounded-md border border-slate-200 bg-white p-4">
        <div>
          <label htmlFor="lapisan" className="block text-sm font-medium text-slate-800">
            Simpan sebagai
          </label>
          <select
            id="lapisan"
            className="mt-1 rounded border border-slate-300 px-2 py-1 text-sm"
            value={layer}
            onChange={(e) => setLayer(e.target.value as "TPI" | "SELF")}
          >
            <option value="TPI">Nilai hasil TPI</option>
            <option value="SELF">Nilai hasil unit (mandiri)</option>
          </select>
        </div>
        <div>
          <label htmlFor="berkas-hasil" className="block text-sm font-medium text-slate-800">
            Berkas nilai hasil (.xlsx)
          </label>
          <input
            id="berkas-hasil"
            type="file"
            accept=".xlsx"
            className="mt-1 block text-sm"
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) void upload(f);
            }}
          />
        </div>
      </div>
      {error && (
        <Alert tone="error" title="Impor tidak dapat dilanjutkan">
          {error}
        </Alert>
      )}
      {done && (
        <Alert tone="success" title="Impor selesai">
          {done}
        </Alert>
      )}
      {preview && (
        <section aria-labelledby="pratinjau-hasil" className="space-y-3">
          <h2 id="pratinjau-hasil" className="text-lg font-semibold text-slate-900">
            Pratinjau: {preview.fileName}
          </h2>
          <Table aria-label="Pratinjau nilai hasil per unit">
            <thead>
              <tr>
                <Th>Baris</Th>
                <Th>Unit di berkas</Th>
                <Th>Unit</Th>
                <Th>Sekarang (IPAK · IPKP · capaian)</Th>
                <Th>Dari berkas</Th>
                <Th>Masalah</Th>
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((r) => (
                <tr key={r.row}>
                  <Td>{r.row}</Td>
                  <Td>{r.unitText}</Td>
                  <Td>{r.unitName ?? "—"}</Td>
                  <Td>{show(r.current)}</Td>
                  <Td>{show(r.incoming)}</Td>
                  <Td className="text-red-700">{r.problems.join("; ")}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <Button onClick={apply} disabled={pending || good.length === 0}>
            {pending ? "Menyimpan…" : `Terapkan ${good.length} unit`}
          </Button>
        </section>
      )}
    </div>
  );
}
