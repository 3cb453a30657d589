import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Select } from "@/components/ui/form";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";
import { requirePermission } from "@/server/auth/guard";
import { auditActionLabel, auditEntityLabel, auditTargetLabel } from "@/domain/audit-labels";
import { Input } from "@/components/ui/form";
import { auditEntities, auditFilterOptions, listAudit } from "@/server/queries/audit";
import { auditChanges } from "@/domain/audit-changes";

export const metadata: Metadata = { title: "Log Audit" };

/** At most this many changed fields per entry on the page; the export has them all. */
const SHOWN_CHANGES = 6;

type Params = {
  entitas?: string;
  tindakan?: string;
  pengguna?: string;
  unit?: string;
  dari?: string;
  sampai?: string;
  sebelum?: string;
};

export default async function AuditPage({ searchParams }: { searchParams: Promise<Params> }) {
  const user = await requirePermission("audit:read");
  const { entitas, tindakan, pengguna, unit, dari, sampai, sebelum } = await searchParams;
  const [{ rows, nextBefore }, entities, options] = await Promise.all([
    listAudit(user.instansiId, {
      entity: entitas,
      action: tindakan,
      actorId: pengguna,
      unitId: unit,
      from: dari,
      to: sampai,
      before: sebelum,
    }),
    auditEntities(user.instansiId),
    auditFilterOptions(user.instansiId),
  ]);
  const kept = Object.fromEntries(
    Object.entries({ entitas, tindakan, pengguna, unit, dari, sampai }).filter((e): e is [string, string] => !!e[1]),
  );
  return (
    <>
      <PageHeader
        title="Log Audit"
        description="Setiap perubahan data tercatat di sini dan tidak dapat diubah atau dihapus."
      />
      <form className="mb-4 flex flex-wrap gap-2">
        <Select name="entitas" defaultValue={entitas ?? ""} aria-label="Saring entitas" className="max-w-56">
          <option value="">Semua entitas</option>
          {entities.map((e) => (
            <option key={e} value={e}>
              {auditEntityLabel(e)}
            </option>
          ))}
        </Select>
        <Select name="tindakan" defaultValue={tindakan ?? ""} aria-label="Saring tindakan" className="max-w-64">
          <option value="">Semua tindakan</option>
          {options.actions.map((a) => (
            <option key={a} value={a}>
              {auditActionLabel(a)}
            </option>
          ))}
        </Select>
        <Select name="pengguna" defaultValue={pengguna ?? ""} aria-label="Saring pengguna" className="max-w-64">
          <option value="">Semua pengguna</option>
          {options.users.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </Select>
        <Select name="unit" defaultValue={unit ?? ""} aria-label="Saring unit" className="max-w-64">
          <option value="">Semua unit</option>
          {options.units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </Select>
        <Input type="date" name="dari" defaultValue={dari ?? ""} aria-label="Dari tanggal" className="max-w-40" />
        <Input type="date" name="sampai" defaultValue={sampai ?? ""} aria-label="Sampai tanggal" className="max-w-40" />
        <Button type="submit" variant="secondary">
          Saring
        </Button>
        <a
          href={`/api/audit/ekspor?${new URLSearchParams(kept)}`}
          className="inline-flex items-center rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50"
        >
          Unduh .xlsx
        </a>
      </form>
      {rows.length === 0 ? (
        <EmptyState title="Belum ada catatan audit" />
      ) : (
        <Card>
          <Table>
            <thead>
              <tr>
                <Th>Waktu</Th>
                <Th>Pelaku</Th>
                <Th>Tindakan</Th>
                <Th>Perubahan (sebelum → sesudah)</Th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <Td className="whitespace-nowrap text-slate-600">{formatDateTime(r.createdAt)}</Td>
                  <Td>
                    <p>{r.actorName}</p>
                    {r.ip && <p className="text-xs text-slate-500">{r.ip}</p>}
                  </Td>
                  <Td>
                    <p className="text-sm font-semibold">{auditActionLabel(r.action)}</p>
                    <p className="font-mono text-xs text-slate-500">{r.action}</p>
                    <p className="text-xs text-slate-600">{auditTargetLabel(r.entity, r.entityId)}</p>
                  </Td>
                  <Td className="max-w-xl text-xs text-slate-700">
                    <Changes before={r.before} after={r.after} />
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
      )}
      {nextBefore && (
        <div className="mt-4 text-right">
          <Link
            className="text-sm font-medium text-brand-700 hover:underline"
            href={`/admin/audit?${new URLSearchParams({ ...kept, sebelum: nextBefore })}`}
          >
            Catatan lebih lama →
          </Link>
        </div>
      )}
    </>
  );
}

function Changes({ before, after }: { before: unknown; after: unknown }) {
  const changes = auditChanges(before, after);
  if (changes.length === 0) return <span className="text-slate-500">—</span>;
  return (
    <ul className="space-y-0.5">
      {changes.slice(0, SHOWN_CHANGES).map((c) => (
        <li key={c.field} className="break-words">
          <span className="font-mono text-slate-600">{c.field}</span>: {c.before} →{" "}
          <strong className="font-semibold">{c.after}</strong>
        </li>
      ))}
      {changes.length > SHOWN_CHANGES && (
        <li className="text-slate-500">… dan {changes.length - SHOWN_CHANGES} isian lain (lihat unduhan .xlsx)</li>
      )}
    </ul>
  );
}
