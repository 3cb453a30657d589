import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Select } from "@/components/ui/form";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";
import { requirePermission } from "@/server/auth/guard";
import { auditActionLabel, auditEntityLabel } from "@/domain/audit-labels";
import { Input } from "@/components/ui/form";
import { auditEntities, auditFilterOptions, listAudit } from "@/server/queries/audit";

export const metadata: Metadata = { title: "Log Audit" };

function summary(value: unknown): string {
  if (value === null || value === undefined) return "—";
  const text = JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 160)}…` : text;
}

type Params = { entitas?: string; tindakan?: string; pengguna?: string; dari?: string; sampai?: string; sebelum?: string };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Params> }) {
  const user = await requirePermission("audit:read");
  const { entitas, tindakan, pengguna, dari, sampai, sebelum } = await searchParams;
  const [{ rows, nextBefore }, entities, options] = await Promise.all([
    listAudit(user.instansiId, { entity: entitas, action: tindakan, actorId: pengguna, from: dari, to: sampai, before: sebelum }),
    auditEntities(user.instansiId),
    auditFilterOptions(user.instansiId),
  ]);
  const kept = Object.fromEntries(Object.entries({ entitas, tindakan, pengguna, dari, sampai }).filter((e): e is [string, string] => !!e[1]));
  return (
    <>
      <PageHeader title="Log Audit" description="Setiap perubahan data tercatat di sini dan tidak dapat diubah atau dihapus." />
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
        <Input type="date" name="dari" defaultValue={dari ?? ""} aria-label="Dari tanggal" className="max-w-40" />
        <Input type="date" name="sampai" defaultValue={sampai ?? ""} aria-label="Sampai tanggal" className="max-w-40" />
        <Button type="submit" variant="secondary">
          Saring
        </Button>
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
                <Th>Sebelum</Th>
                <Th>Sesudah</Th>
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
                    <p className="text-xs text-slate-500">
                      {auditEntityLabel(r.entity)} {r.entityId.slice(0, 10)}
                    </p>
                  </Td>
                  <Td className="max-w-64 break-all font-mono text-xs text-slate-600">{summary(r.before)}</Td>
                  <Td className="max-w-64 break-all font-mono text-xs text-slate-600">{summary(r.after)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
      )}
      {nextBefore && (
        <div className="mt-4 text-right">
          <Link className="text-sm font-medium text-brand-700 hover:underline" href={`/admin/audit?${new URLSearchParams({ ...kept, sebelum: nextBefore })}`}>
            Catatan lebih lama →
          </Link>
        </div>
      )}
    </>
  );
}
