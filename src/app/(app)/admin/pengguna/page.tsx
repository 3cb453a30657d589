import type { Metadata } from "next";
import Link from "next/link";
import { FileSpreadsheet, Plus, Search } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/form";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { ROLE_LABELS, ROLES } from "@/domain/roles";
import { requirePermission } from "@/server/auth/guard";
import { getInstansiSettings, listUsers } from "@/server/queries/users";
import { SeparationOfDuties } from "./separation-of-duties";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Pengguna" };

export default async function UsersPage({ searchParams }: { searchParams: Promise<{ q?: string; peran?: string }> }) {
  const user = await requirePermission("user:manage");
  const { q, peran } = await searchParams;
  const [users, instansi] = await Promise.all([
    listUsers(user.instansiId, { q, role: ROLES.includes(peran as never) ? peran : undefined }),
    getInstansiSettings(user.instansiId),
  ]);
  return (
    <>
      <PageHeader
        title="Pengguna"
        description="Akun dan peran: admin, TPI (dengan unit yang dinilai), pimpinan, kepala dan operator OPD."
        actions={
          <div className="flex flex-wrap gap-2">
            <ButtonLink href="/admin/impor" variant="secondary">
              <FileSpreadsheet className="h-4 w-4" aria-hidden /> Impor dari .xlsx
            </ButtonLink>
            <ButtonLink href="/admin/pengguna/baru">
              <Plus className="h-4 w-4" aria-hidden /> Tambah pengguna
            </ButtonLink>
          </div>
        }
      />
      <SeparationOfDuties enabled={instansi.separationOfDuties} />
      <form className="mb-4 flex flex-wrap gap-2" role="search">
        <Input
          name="q"
          defaultValue={q}
          placeholder="Cari nama, email atau NIP"
          aria-label="Cari pengguna"
          className="max-w-xs"
        />
        <Select name="peran" defaultValue={peran ?? ""} aria-label="Saring peran" className="max-w-56">
          <option value="">Semua peran</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </Select>
        <Button type="submit" variant="secondary">
          <Search className="h-4 w-4" aria-hidden /> Cari
        </Button>
      </form>
      {users.length === 0 ? (
        <EmptyState title="Tidak ada pengguna yang cocok">Ubah kata kunci atau saringan peran.</EmptyState>
      ) : (
        <Card>
          <Table>
            <thead>
              <tr>
                <Th>Nama</Th>
                <Th>Peran</Th>
                <Th>Status</Th>
                <Th>Masuk terakhir</Th>
                <Th>
                  <span className="sr-only">Aksi</span>
                </Th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id}>
                  <Td>
                    <p className="font-medium text-slate-900">{u.name}</p>
                    <p className="text-xs text-slate-500">
                      {u.email}
                      {u.nip && ` · NIP ${u.nip}`}
                    </p>
                  </Td>
                  <Td>
                    <div className="flex flex-wrap gap-1">
                      {ROLES.filter((r) => u.roles.some((a) => a.role === r)).map((r) => {
                        const units = u.roles.filter((a) => a.role === r && a.unit).map((a) => a.unit!.shortName);
                        return (
                          <Badge
                            key={r}
                            tone={
                              r === "ADMIN" ? "violet" : r === "TPI" ? "blue" : r === "PIMPINAN" ? "amber" : "slate"
                            }
                            title={units.join(", ")}
                          >
                            {ROLE_LABELS[r]}
                            {units.length > 0 && (
                              <span className="font-normal">
                                · {units.length > 2 ? `${units.length} unit` : units.join(", ")}
                              </span>
                            )}
                          </Badge>
                        );
                      })}
                    </div>
                  </Td>
                  <Td>{u.active ? <Badge tone="green">Aktif</Badge> : <Badge tone="red">Nonaktif</Badge>}</Td>
                  <Td className="whitespace-nowrap text-slate-600">
                    {u.lastLoginAt ? formatDateTime(u.lastLoginAt) : "—"}
                  </Td>
                  <Td className="text-right">
                    <Link
                      href={`/admin/pengguna/${u.id}`}
                      className="text-sm font-medium text-brand-700 hover:underline"
                      aria-label={`Ubah ${u.name}`}
                    >
                      Ubah
                    </Link>
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
      )}
    </>
  );
}
