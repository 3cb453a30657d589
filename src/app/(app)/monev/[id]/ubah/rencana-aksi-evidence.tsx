"use client";

import { EvidenceFiles, type EvidenceFile } from "@/components/evidence/evidence-files";
import { deleteRencanaAksiEvidenceAction } from "@/server/actions/evidence";

export function RencanaAksiEvidence({ rencanaAksiId, editable, maxBytes, initial }: { rencanaAksiId: string; editable: boolean; maxBytes: number; initial: EvidenceFile[] }) {
  return (
    <EvidenceFiles
      uploadUrl={`/api/evidence?rencanaAksi=${encodeURIComponent(rencanaAksiId)}`}
      inputId="file-rencana-aksi"
      uploadLabel="Unggah bukti rencana aksi"
      label="Bukti"
      initial={initial}
      editable={editable}
      maxBytes={maxBytes}
      deleteAction={deleteRencanaAksiEvidenceAction}
    />
  );
}
