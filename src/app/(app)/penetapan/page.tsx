import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Select } from "@/components/ui/form";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { formatDate } from "@/lib/format";
import { can } from "@/server/authz";
import { requirePermission } from "@/server/auth/guard";
import { todayIso } from "@/server/dates";
import { penetapanByUnit, penetapanUnitOptions } from "@/server/queries/penetapan";
import { PenetapanForm, type RecordedPenetapan } from "./penetapan-form";
import { PredikatBadge } from "./predikat-badge";

export const metadata: Metadata = { title: "Penetapan" };

const RECENT_YEARS = 4;

export default async function PenetapanPage({
  searchParams,
}: {
  searchParams: Promise<{ tahun?: string; unit?: string }>;
}) {
  const user = await requirePermission("penetapan:read");
  const canManage = can(user, "penetapan:manage");
  const currentYear = Number(todayIso().slice(0, 4));
  const params = await searchParams;
  const units = await penetapanByUnit(user);

  const recordedYears = units.flatMap((u) => u.penetapan.map((p) => p.year));
  const firstYear = Math.min(currentYear - RECENT_YEARS + 1, ...recordedYears);
  const yearOptions = Array.from({ length: currentYear - firstYear + 1 }, (_, i) => currentYear - i);
  const chosenYear = yearOptions.includes(Number(params.tahun)) ? Number(params.tahun) : null;
  const matrixYears = Array.from({ length: RECENT_YEARS }, (_, i) => currentYear - RECENT_YEARS + 1 + i);

  const records: RecordedPenetapan[] = units.flatMap((u) =>
    u.penetapan.map((p) => ({
      unitId: u.id,
      year: p.year,
      result: p.result,
      decreeNumber: p.decreeNumber,
      decreeDate: p.decreeDate,
      notes: p.notes,
    })),
  );
  const formUnits = canManage ? await penetapanUnitOptions(user.instansiId) : [];
  const editUnit = canManage && formUnits.some((u) => u.id === params.unit) ? params.unit! : "";
  const editYear = chosenYear ?? currentYear;
  const editing = records.find((r) => r.unitId === editUnit && r.year === editYear);

  const table =
    units.length === 0 ? (
      <EmptyState title="Belum ada unit">
        Belum ada unit yang diusulkan membangun Zona Integritas atau memiliki hasil penetapan.
      </EmptyState>
    ) : chosenYear === null ? (
      <Card>
        <CardHeader
          title={`Hasil penetapan ${matrixYears[0]}–${currentYear}`}
          description="WBK: Wilayah Bebas dari Korupsi · WBBM: Wilayah Birokrasi Bersih dan Melayani · Tidak: tidak memperoleh predikat"
        />
        <Table data-testid="penetapan-matrix">
          <thead>
            <tr>
              <Th>Unit</Th>
              {matrixYears.map((y) => (
                <Th key={y} className="text-center">
                  <Link href={`/penetapan?tahun=${y}`} className="hover:underline">
                    {y}
                  </Link>
                </Th>
              ))}
            </tr>
          </thead>
          <tbody>
            {units.map((u) => (
              <tr key={u.id}>
                <Td className="sm:min-w-56">
                  <p className="font-medium text-slate-900" title={u.name}>
                    <span className="sm:hidden">{u.shortName}</span>
                    <span className="hidden sm:inline">{u.name}</span>
                  </p>
                  <p className="hidden text-xs text-slate-500 sm:block">
                    {u.shortName}
                    {!u.active && " · nonaktif"}
                  </p>
                </Td>
                {matrixYears.map((y) => {
                  const p = u.penetapan.find((x) => x.year === y);
                  return (
                    <Td key={y} className="text-center">
                      {p ? (
                        <PredikatBadge result={p.result} title={p.decreeNumber ?? undefined} />
                      ) : (
                        <span className="text-slate-500" aria-label="Belum dicatat">
                          —
                        </span>
                      )}
                    </Td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </Table>
      </Card>
    ) : (
      <Card>
        <CardHeader title={`Hasil penetapan ${chosenYear}`} />
        <Table data-testid="penetapan-year">
          <thead>
            <tr>
              <Th>Unit</Th>
              <Th>Hasil</Th>
              <Th>Nomor SK</Th>
              <Th>Tanggal SK</Th>
              <Th>Catatan</Th>
              {canManage && (
                <Th>
                  <span className="sr-only">Aksi</span>
                </Th>
              )}
            </tr>
          </thead>
          <tbody>
            {units.map((u) => {
              const p = u.penetapan.find((x) => x.year === chosenYear);
              return (
                <tr key={u.id}>
                  <Td className="min-w-56">
                    <p className="font-medium text-slate-900">{u.name}</p>
                    <p className="text-xs text-slate-500">{u.shortName}</p>
                  </Td>
                  <Td>
                    {p ? (
                      <PredikatBadge result={p.result} />
                    ) : (
                      <span className="text-sm text-slate-500">Belum dicatat</span>
                    )}
                  </Td>
                  <Td className="whitespace-nowrap">{p?.decreeNumber ?? "—"}</Td>
                  <Td className="whitespace-nowrap">{p?.decreeDate ? formatDate(p.decreeDate) : "—"}</Td>
                  <Td className="min-w-48 text-slate-600">{p?.notes ?? "—"}</Td>
                  {canManage && (
                    <Td className="text-right">
                      <Link
                        href={`/penetapan?tahun=${chosenYear}&unit=${u.id}#catat`}
                        className="text-sm font-medium text-brand-700 hover:underline"
                        aria-label={`${p ? "Ubah" : "Catat"} penetapan ${u.name} ${chosenYear}`}
                      >
                        {p ? "Ubah" : "Catat"}
                      </Link>
                    </Td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </Table>
      </Card>
    );

  return (
    <>
      <PageHeader
        title="Penetapan Predikat"
        description="Hasil penetapan predikat Zona Integritas (WBK/WBBM) setiap unit per tahun. Predikat WBBM hanya dapat diraih unit yang telah memperoleh WBK pada tahun sebelumnya."
      />
      <form className="mb-4 flex flex-wrap items-center gap-2" action="/penetapan">
        <Select
          name="tahun"
          defaultValue={chosenYear ? String(chosenYear) : ""}
          aria-label="Saring tahun"
          className="max-w-56"
        >
          <option value="">{RECENT_YEARS} tahun terakhir</option>
          {yearOptions.map((y) => (
            <option key={y} value={y}>
              Tahun {y}
            </option>
          ))}
        </Select>
        <Button type="submit" variant="secondary">
          Tampilkan
        </Button>
      </form>
      {canManage ? (
        <div className="grid items-start gap-6 xl:grid-cols-[minmax(0,1fr)_22rem]">
          <div className="min-w-0">{table}</div>
          <PenetapanForm
            key={`${editUnit}:${editYear}`}
            units={formUnits}
            records={records}
            currentYear={currentYear}
            defaults={{
              unitId: editUnit,
              year: editYear,
              result: editing?.result ?? "WBK",
              decreeNumber: editing?.decreeNumber ?? "",
              decreeDate: editing?.decreeDate ?? "",
              notes: editing?.notes ?? "",
            }}
          />
        </div>
      ) : (
        table
      )}
    </>
  );
}
