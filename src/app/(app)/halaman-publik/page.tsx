import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { publicUnitCode } from "@/lib/unit-code";
import { can, unitWhere } from "@/server/authz";
import { requirePermission } from "@/server/auth/guard";
import { getDb } from "@/server/db/client";
import { DokumenForm, DeleteDokumen } from "./dokumen-form";
import { PengaduanSettings } from "./pengaduan-settings";

export const metadata: Metadata = { title: "Halaman Publik" };

const KIND_LABELS = {
  MAKLUMAT: "Maklumat pelayanan",
  STANDAR_PELAYANAN: "Standar pelayanan",
  LAINNYA: "Dokumen lain",
} as const;

export default async function HalamanPublikPage() {
  const user = await requirePermission("dokumen-publik:manage");
  const db = getDb();
  const units = await db.unit.findMany({
    where: { ...unitWhere(user, "dokumen-publik:manage"), active: true },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      shortName: true,
      dokumenPublik: { orderBy: { createdAt: "asc" }, select: { id: true, kind: true, title: true, url: true } },
    },
  });
  const settings = can(user, "instansi:manage")
    ? await db.instansi.findUniqueOrThrow({
        where: { id: user.instansiId },
        select: { laporUrl: true, wbsUrl: true, pengaduanDueDays: true },
      })
    : null;
  return (
    <>
      <PageHeader
        title="Halaman Publik Unit"
        description="Yang tampil di halaman transparansi setiap unit (tanpa masuk): status ZI, dokumen yang dicantumkan di sini, hasil survei dan statistik pengaduan."
      />
      {settings && <PengaduanSettings initial={settings} />}
      <div className="space-y-4">
        {units.map((u) => {
          const code = publicUnitCode(u.shortName);
          return (
            <Card key={u.id} className="p-4" aria-labelledby={`u-${u.id}`}>
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h2 id={`u-${u.id}`} className="font-semibold">
                  {u.name}
                </h2>
                <span className="text-sm">
                  <Link href={`/publik/${code}`} className="text-brand-800 underline">
                    /publik/{code}
                  </Link>{" "}
                  ·{" "}
                  <Link href={`/publik/${code}/pengaduan`} className="text-brand-800 underline">
                    formulir pengaduan
                  </Link>
                </span>
              </div>
              {u.dokumenPublik.length > 0 && (
                <ul className="mt-2 space-y-1 text-sm">
                  {u.dokumenPublik.map((d) => (
                    <li key={d.id} className="flex flex-wrap items-center gap-2">
                      <span className="text-slate-600">{KIND_LABELS[d.kind]}:</span>
                      <a href={d.url} rel="noopener noreferrer" className="text-brand-800 underline">
                        {d.title}
                      </a>
                      <DeleteDokumen id={d.id} title={d.title} />
                    </li>
                  ))}
                </ul>
              )}
              <DokumenForm unitId={u.id} />
            </Card>
          );
        })}
      </div>
    </>
  );
}
