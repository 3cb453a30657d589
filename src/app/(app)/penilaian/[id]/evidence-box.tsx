"use client";

import { EvidenceFiles, type EvidenceFile } from "@/components/evidence/evidence-files";
import { deleteEvidenceAction } from "@/server/actions/evidence";
import type { LiveScores } from "@/server/lke/context";
import { useWorkspace } from "./assessment-workspace";

/** The evidence of one question or one hasil input; an upload updates the live score. */
export function EvidenceBox({
  questionCode,
  hasilField,
  initial,
  editable,
  label = "Bukti dukung",
  onCreatedVersion,
}: {
  questionCode?: string;
  hasilField?: string;
  initial: EvidenceFile[];
  editable: boolean;
  label?: string;
  /** An upload may create the answer (or hasil) row: the form then learns that row's version. */
  onCreatedVersion?: (version: number) => void;
}) {
  const { view, maxBytes, setScores } = useWorkspace();
  const target = questionCode ? `question=${questionCode}` : `hasil=${hasilField}`;
  return (
    <EvidenceFiles
      uploadUrl={`/api/evidence?assessmentId=${encodeURIComponent(view.id)}&${target}`}
      inputId={`file-${questionCode ?? hasilField}`}
      uploadLabel={`Unggah ${label.toLowerCase()} ${questionCode ?? hasilField}`}
      label={label}
      initial={initial}
      editable={editable}
      maxBytes={maxBytes}
      deleteAction={deleteEvidenceAction}
      onUploaded={(r) => {
        setScores(r.scores as LiveScores);
        if (typeof r.createdVersion === "number") onCreatedVersion?.(r.createdVersion);
      }}
    />
  );
}
