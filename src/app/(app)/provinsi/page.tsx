import type { Metadata } from "next";
import Link from "next/link";
import { Plus } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { getCatalogue } from "@/domain/catalogue/registry";
import { CATALOGUES } from "@/domain/catalogue/registry";
import { formatPercent, formatScore } from "@/domain/scoring/format";
import type { RollupFigures } from "@/domain/rollup";
import { requirePermission } from "@/server/auth/guard";
import { can } from "@/server/authz";
import { getProvinceRollup } from "@/server/queries/province";

export const metadata: Metadata = { title: "Rekap Provinsi" };

const mean = (v: number | null) => (v === null ? <span className="text-slate-500">—</span> : formatScore(v));

/** The six pengungkit areas, named from the newest catalogue (both catalogues share their ids). */
function areaColumns() {
  const newest = [...CATALOGUES.values()].sort((a, b) => b.year - a.year)[0];
  return getCatalogue(newest.id).areas.map((a, i) => ({ id: a.id, code: String.fromCharCode(65 + i), name: a.name }));
}

export default async function ProvinceRollupPage({ searchParams }: { searchParams: Promise<{ tahun?: string }> }) {
  const user = await requirePermission("province:read");
  const { tahun } = await searchParams;
  const rollup = await getProvinceRollup(Number(tahun) || undefined);
  const areas = areaColumns();
  const t = rollup.totals;
  const cards: [string, number, string][] = [
    ["Instansi", rollup.rows.length, "dalam rekap ini"],
    ["Unit ber-LKE", t.proposed, `dari ${t.units} unit aktif`],
    ["Siap WBK", t.readyWbk, "memenuhi syarat WBK"],
    ["Siap WBBM", t.readyWbbm, "memenuhi syarat WBBM"],
    ["Terlambat", t.late, "melewati tenggat tahapnya"],
  ];

  return (
    <>
      <PageHeader
        eyebrow={`Tahun ${rollup.year}`}
        title="Rekap Provinsi"
        description="Rekap seluruh instansi: unit yang diusulkan, kesiapan WBK/WBBM, keterlambatan, dan rata-rata nilai. Nilai diambil dari penilaian TPI bila LKE sudah difinalkan, selain itu dari penilaian mandiri unit."
        actions={
          can(user, "instansi:create") && (
            <ButtonLink href="/provinsi/instansi-baru">
              <Plus className="h-4 w-4" aria-hidden /> Tambah instansi
            </ButtonLink>
          )
        }
      />
      {rollup.years.length > 1 && (
        <nav aria-label="Pilih tahun" className="mb-4 flex flex-wrap gap-2 text-sm">
          {rollup.years.map((y) => (
            <Link
              key={y}
              href={`/provinsi?tahun=${y}`}
              aria-current={y === rollup.year ? "page" : undefined}
              className={
                y === rollup.year
                  ? "rounded-md bg-brand-700 px-3 py-1 font-medium text-white"
                  : "rounded-md border border-slate-300 px-3 py-1 text-brand-700 hover:bg-brand-50"
              }
            >
              {y}
            </Link>
          ))}
        </nav>
      )}
      {rollup.rows.length === 0 ? (
        <EmptyState title="Belum ada instansi">Tambahkan instansi pertama beserta admin-nya.</EmptyState>
      ) : (
        <div className="space-y-6">
          <dl className="grid grid-cols-2 gap-3 md:grid-cols-5" data-testid="rollup-summary">
            {cards.map(([label, value, hint]) => (
              <div key={label} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
                <dt className="text-sm font-medium text-slate-600">{label}</dt>
                <dd className="mt-2 text-3xl font-semibold tabular-nums text-slate-900">{value}</dd>
                <dd className="mt-1 text-xs text-slate-500">{hint}</dd>
              </div>
            ))}
          </dl>
          <Card>
            <CardHeader
              title="Per instansi"
              description="Klik nama instansi untuk melihat unit-unitnya (hanya baca)."
            />
            <Table data-testid="rollup-table">
              <thead>
                <tr>
                  <Th>Instansi</Th>
                  <Th className="text-right">Unit aktif</Th>
                  <Th className="text-right">Ber-LKE</Th>
                  <Th className="text-right">Siap WBK</Th>
                  <Th className="text-right">Siap WBBM</Th>
                  <Th className="text-right">Terlambat</Th>
                  <Th className="text-right">Rata-rata total</Th>
                  <Th className="text-right">Pengungkit</Th>
                  <Th className="text-right">Hasil</Th>
                </tr>
              </thead>
              <tbody>
                {rollup.rows.map((r) => (
                  <tr key={r.instansiId} data-testid="rollup-row" data-instansi={r.name}>
                    <Td>
                      <Link
                        href={`/provinsi/${r.instansiId}?tahun=${rollup.year}`}
                        className="font-medium text-brand-700 underline"
                      >
                        {r.name}
                      </Link>
                      {!r.hasPeriode && (
                        <p className="mt-1">
                          <Badge tone="amber">Belum ada periode {rollup.year}</Badge>
                        </p>
                      )}
                    </Td>
                    <Figures f={r} />
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr className="border-t-2 border-slate-300 font-semibold" data-testid="rollup-totals">
                  <Td>Seluruh instansi</Td>
                  <Figures f={t} />
                </tr>
              </tfoot>
            </Table>
          </Card>
          <Card>
            <CardHeader
              title="Rata-rata capaian per area pengungkit"
              description="Persentase bobot area yang tercapai, rata-rata atas LKE yang sudah bernilai."
            />
            <Table data-testid="rollup-areas">
              <caption className="sr-only">Rata-rata capaian per area pengungkit per instansi</caption>
              <thead>
                <tr>
                  <Th>Instansi</Th>
                  {areas.map((a) => (
                    <Th key={a.id} className="text-right">
                      <abbr title={a.name} className="no-underline">
                        {a.code}
                      </abbr>
                      <span className="sr-only"> {a.name}</span>
                    </Th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {[...rollup.rows.map((r) => [r.name, r] as const), ["Seluruh instansi", t] as const].map(
                  ([name, f]) => (
                    <tr key={name}>
                      <Td>{name}</Td>
                      {areas.map((a) => (
                        <Td key={a.id} className="text-right tabular-nums">
                          {f.areaPct[a.id] === undefined ? (
                            <span className="text-slate-500">—</span>
                          ) : (
                            formatPercent(f.areaPct[a.id])
                          )}
                        </Td>
                      ))}
                    </tr>
                  ),
                )}
              </tbody>
            </Table>
            <p className="px-4 py-3 text-xs text-slate-600">{areas.map((a) => `${a.code} = ${a.name}`).join(" · ")}</p>
          </Card>
        </div>
      )}
    </>
  );
}

function Figures({ f }: { f: RollupFigures }) {
  return (
    <>
      <Td className="text-right tabular-nums">{f.units}</Td>
      <Td className="text-right tabular-nums">{f.proposed}</Td>
      <Td className="text-right tabular-nums">{f.readyWbk}</Td>
      <Td className="text-right tabular-nums">{f.readyWbbm}</Td>
      <Td className={f.late > 0 ? "text-right font-semibold tabular-nums text-red-700" : "text-right tabular-nums"}>
        {f.late}
      </Td>
      <Td className="text-right tabular-nums">{mean(f.avgTotal)}</Td>
      <Td className="text-right tabular-nums">{mean(f.avgPengungkit)}</Td>
      <Td className="text-right tabular-nums">{mean(f.avgHasil)}</Td>
    </>
  );
}
