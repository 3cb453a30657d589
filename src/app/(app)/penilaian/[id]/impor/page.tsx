import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/server/auth/current-user";
import { IMPORT_MAX_BYTES } from "@/server/lke-xlsx/app";
import { loadAssessmentView } from "@/server/queries/assessments";
import { ImportWorkbook } from "./import-workbook";

export const metadata: Metadata = { title: "Impor LKE dari Excel" };

export default async function ImportPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const result = await loadAssessmentView(user, id, undefined);
  if (result.outcome === "missing") notFound();
  if (result.outcome === "forbidden") forbidden();
  const view = result.view;
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href={`/penilaian/${view.id}`} className="hover:underline">
            {view.unit.name} · {view.year}
          </Link>
        }
        title="Impor LKE dari Excel"
        description="Unggah LKE Zona Integritas (Lampiran III, lembar “LKE ZI”) yang sudah diisi. Aplikasi menampilkan pratinjau per pertanyaan; jawaban baru disimpan setelah Anda menekan Terapkan."
      />
      <ImportWorkbook assessmentId={view.id} maxMb={IMPORT_MAX_BYTES / 1024 / 1024} />
    </>
  );
}
