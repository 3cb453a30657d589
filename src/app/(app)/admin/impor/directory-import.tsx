"use client";

import { useState, useTransition } from "react";
import { Download, FileSpreadsheet } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import {
  importDirectoryAction,
  previewDirectoryImportAction,
  type ImportedUser,
} from "@/server/actions/directory-import";
import type { DirectoryPlan, PlanRow } from "@/server/directory-import/plan";
import { ROLE_LABELS } from "@/domain/roles";
import { UNIT_TYPE_LABELS } from "@/server/actions/units.validation";

const MAX_BYTES = 1536 * 1024;

export function DirectoryImport() {
  const [file, setFile] = useState<File | null>(null);
  const [plan, setPlan] = useState<DirectoryPlan | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ units: number; users: ImportedUser[] } | null>(null);
  const [pending, start] = useTransition();

  const choose = (f: File | null) => {
    setFile(f);
    setPlan(null);
    setDone(null);
    setError(f && f.size > MAX_BYTES ? "Berkas terlalu besar: maksimal 1,5 MB." : null);
  };

  const preview = () =>
    start(async () => {
      if (!file) return;
      const result = await previewDirectoryImportAction({ file });
      if (result.ok) {
        setPlan(result.data);
        setError(null);
      } else {
        setPlan(null);
        setError(result.error);
      }
    });

  const apply = () =>
    start(async () => {
      if (!file) return;
      const result = await importDirectoryAction({ file });
      if (result.ok) {
        setDone(result.data);
        setPlan(null);
        setError(null);
      } else setError(result.error);
    });

  return (
    <div className="space-y-4">
      <Card>
        <CardBody className="space-y-3">
          <p className="text-sm text-slate-700">
            Isi lembar <strong>Unit</strong> dan <strong>Pengguna</strong> pada templat. Unit dan pengguna yang sudah
            ada tidak diubah: singkatan dan email yang sudah terdaftar ditandai sebagai masalah.
          </p>
          <a
            href="/api/admin/impor/templat"
            className="inline-flex items-center gap-1.5 text-sm font-medium text-brand-700 underline"
          >
            <Download className="h-4 w-4" aria-hidden /> Unduh templat impor (.xlsx)
          </a>
          <div className="flex flex-wrap items-center gap-3">
            <label className="text-sm font-medium text-slate-800" htmlFor="directory-file">
              Berkas .xlsx
            </label>
            <input
              id="directory-file"
              type="file"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              className="text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm"
              onChange={(e) => choose(e.target.files?.[0] ?? null)}
            />
            <Button variant="secondary" onClick={preview} disabled={!file || pending || (file?.size ?? 0) > MAX_BYTES}>
              <FileSpreadsheet className="h-4 w-4" aria-hidden /> Pratinjau
            </Button>
          </div>
        </CardBody>
      </Card>

      {error && (
        <Alert tone="error" title="Tidak dapat diimpor">
          {error}
        </Alert>
      )}

      {plan && (
        <>
          {plan.problems > 0 ? (
            <Alert tone="error" title={`${plan.problems} baris bermasalah`}>
              Perbaiki baris yang ditandai di berkas, lalu pilih dan pratinjau lagi. Tidak ada yang disimpan sebelum
              semua baris benar.
            </Alert>
          ) : (
            <Alert tone="success" title="Semua baris siap diimpor">
              {plan.units.length} unit dan {plan.users.length} pengguna akan dibuat.
            </Alert>
          )}
          <PlanTable
            title="Lembar Unit"
            rows={plan.units}
            describe={(d) => `${d.name} (${UNIT_TYPE_LABELS[d.type]})${d.proposedForZi ? " · diusulkan ZI" : ""}`}
          />
          <PlanTable
            title="Lembar Pengguna"
            rows={plan.users}
            describe={(d) => `${d.name} · ${d.roles.map((r) => ROLE_LABELS[r]).join(", ")}`}
          />
          <div className="flex justify-end">
            <Button onClick={apply} disabled={pending || plan.problems > 0}>
              Impor {plan.units.length} unit dan {plan.users.length} pengguna
            </Button>
          </div>
        </>
      )}

      {done && (
        <Card>
          <CardHeader
            title={`Impor selesai: ${done.units} unit dan ${done.users.length} pengguna dibuat`}
            description="Kata sandi sekali pakai ini hanya tampil sekarang. Sampaikan kepada pemiliknya secara pribadi; saat masuk pertama mereka wajib menggantinya."
          />
          {done.users.length > 0 && (
            <Table>
              <thead>
                <tr>
                  <Th>Nama</Th>
                  <Th>Email</Th>
                  <Th>Kata sandi sekali pakai</Th>
                </tr>
              </thead>
              <tbody>
                {done.users.map((u) => (
                  <tr key={u.email}>
                    <Td>{u.name}</Td>
                    <Td>{u.email}</Td>
                    <Td className="font-mono">{u.password}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
      )}
    </div>
  );
}

function PlanTable<T>({ title, rows, describe }: { title: string; rows: PlanRow<T>[]; describe: (data: T) => string }) {
  if (rows.length === 0) return null;
  return (
    <Card>
      <CardHeader title={title} description={`${rows.length} baris`} />
      <Table>
        <thead>
          <tr>
            <Th>Baris</Th>
            <Th>Singkatan / email</Th>
            <Th>Status</Th>
            <Th>Keterangan</Th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.row} data-testid={`baris-${title === "Lembar Unit" ? "unit" : "pengguna"}-${r.row}`}>
              <Td>{r.row}</Td>
              <Td>{r.label}</Td>
              <Td>{r.errors.length > 0 ? <Badge tone="red">Bermasalah</Badge> : <Badge tone="green">Siap</Badge>}</Td>
              <Td>
                {r.errors.length > 0 ? (
                  <ul className="list-disc space-y-0.5 pl-4 text-red-800">
                    {r.errors.map((e) => (
                      <li key={e}>{e}</li>
                    ))}
                  </ul>
                ) : (
                  r.data && <span className="text-slate-700">{describe(r.data)}</span>
                )}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </Card>
  );
}
