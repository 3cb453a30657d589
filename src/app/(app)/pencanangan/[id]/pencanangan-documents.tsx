"use client";

import { EvidenceFiles, type EvidenceFile } from "@/components/evidence/evidence-files";
import { deletePencananganDocumentAction } from "@/server/actions/evidence";

export function PencananganDocuments({ pencananganId, editable, maxBytes, initial }: { pencananganId: string; editable: boolean; maxBytes: number; initial: EvidenceFile[] }) {
  return (
    <EvidenceFiles
      uploadUrl={`/api/evidence?pencanangan=${encodeURIComponent(pencananganId)}`}
      inputId="file-pencanangan"
      uploadLabel="Unggah dokumen atau foto pencanangan"
      label="Berkas"
      initial={initial}
      editable={editable}
      maxBytes={maxBytes}
      deleteAction={deletePencananganDocumentAction}
    />
  );
}
