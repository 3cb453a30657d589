import type { Metadata } from "next";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { defaultInstrument, SURVEY_KIND_LABELS } from "@/domain/survey/instruments";
import { requirePermission } from "@/server/auth/guard";
import { getDb } from "@/server/db/client";
import { instrumentView, KINDS, latestInstrument } from "@/server/survey/results";
import { InstrumentForm } from "./instrument-form";
import { SurveySettings } from "./survey-settings";

export const metadata: Metadata = { title: "Instrumen survei" };

export default async function InstrumentsPage() {
  const user = await requirePermission("survey:instrument");
  const instansi = await getDb().instansi.findUniqueOrThrow({
    where: { id: user.instansiId },
    select: { surveyMinRespondents: true },
  });
  const current = await Promise.all(
    KINDS.map(async (kind) => {
      const row = await latestInstrument(getDb(), user.instansiId, kind);
      return { kind, version: row?.version ?? null, data: row ? instrumentView(row) : defaultInstrument(kind) };
    }),
  );
  return (
    <div className="space-y-6">
      <PageHeader
        title="Instrumen survei SPAK dan SPKP"
        description="Unsur, skala dan pertanyaan responden yang dipakai saat unit membuka putaran survei baru."
      />
      <Card>
        <CardHeader
          title="Pengaturan survei"
          description="Nilai awal minimal responden saat putaran baru dibuka; di bawahnya hasil ditampilkan dengan peringatan. Putaran yang sudah dibuka tidak berubah."
        />
        <CardBody>
          <SurveySettings surveyMinRespondents={instansi.surveyMinRespondents} />
        </CardBody>
      </Card>
      {current.map((c) => (
        <Card key={c.kind}>
          <CardHeader
            title={`${SURVEY_KIND_LABELS[c.kind].name} (${SURVEY_KIND_LABELS[c.kind].short})`}
            description={c.version === null ? "Bawaan aplikasi (belum pernah diubah)" : `Versi ${c.version}`}
          />
          <CardBody>
            <InstrumentForm
              kind={c.kind}
              initial={{ elements: c.data.elements, scale: c.data.scale, respondentFields: c.data.respondentFields }}
            />
          </CardBody>
        </Card>
      ))}
    </div>
  );
}
