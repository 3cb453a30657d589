import { periodeClosed } from "@/domain/periode";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { getCatalogue } from "@/domain/catalogue/registry";
import { requirePermission } from "@/server/auth/guard";
import { isoFromDate } from "@/server/dates";
import { getRencanaAksi } from "@/server/queries/rencana-aksi";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { evidenceMaxBytes } from "@/server/storage/ingest";
import { RencanaAksiForm } from "../../rencana-aksi-form";
import { EvidenceFiles } from "@/components/evidence/evidence-files";
import { deleteRencanaAksiEvidenceAction } from "@/server/actions/evidence";

export const metadata: Metadata = { title: "Ubah Rencana Aksi" };

export default async function EditRencanaAksiPage({ params }: { params: Promise<{ id: string }> }) {
  const { instansiId } = await requirePermission("monev:write");
  const item = await getRencanaAksi(instansiId, (await params).id);
  if (!item) notFound();
  await requirePermission("monev:write", { instansiId, unitId: item.unitId });
  const areas = getCatalogue(item.periode.catalogueId).areas.map((a) => ({ id: a.id, name: a.name }));
  return (
    <>
      <PageHeader
        eyebrow="Monev Rencana Aksi"
        title="Ubah rencana aksi"
        description={`${item.unit.name} · periode ${item.periode.year}`}
      />
      <Card className="mb-6">
        <CardHeader
          title="Bukti pelaksanaan"
          description="Dokumen atau foto yang menunjukkan kegiatan ini dilaksanakan."
        />
        <CardBody>
          <EvidenceFiles
            uploadUrl={`/api/evidence?rencanaAksi=${encodeURIComponent(item.id)}`}
            inputId="file-rencana-aksi"
            uploadLabel="Unggah bukti rencana aksi"
            label="Bukti"
            editable={!periodeClosed(item.periode.status)}
            maxBytes={evidenceMaxBytes()}
            deleteAction={deleteRencanaAksiEvidenceAction}
            initial={item.evidence.map((e) => ({ ...e, uploadedAt: e.uploadedAt.toISOString() }))}
          />
        </CardBody>
      </Card>
      {periodeClosed(item.periode.status) ? (
        <Alert tone="info">Periode {item.periode.year} sudah ditutup; rencana aksinya tidak dapat diubah.</Alert>
      ) : (
        <RencanaAksiForm
          id={item.id}
          periodeId={item.periode.id}
          year={item.periode.year}
          areas={areas}
          units={[item.unit]}
          defaults={{
            unitId: item.unit.id,
            areaCode: item.areaCode,
            activity: item.activity,
            targetDate: isoFromDate(item.targetDate),
            personInCharge: item.personInCharge,
            status: item.status,
            notes: item.notes ?? "",
          }}
        />
      )}
    </>
  );
}
