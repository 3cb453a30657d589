import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { ClipboardCheck, FileDown } from "lucide-react";
import type { RadarArea } from "@/components/charts/area-radar-chart";
import type { HalfArea } from "@/components/charts/pemenuhan-reform-chart";
import { AreaRadarChart, PemenuhanReformChart, TrendChart } from "@/components/charts/lazy";
import { LayerBadge, StatusBadge } from "@/components/dashboard/badges";
import { ButtonLink, buttonClass } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { LAYER_LABELS } from "@/domain/readiness";
import { formatScore, formatScoreAgainst } from "@/domain/scoring/format";
import { zeroBaseRuleSentence } from "@/domain/scoring/zero-base";
import { compileCatalogue } from "@/domain/scoring/score";
import { formatDateTime } from "@/lib/format";
import { requireUser } from "@/server/auth/current-user";
import { ForbiddenError } from "@/server/errors";
import { getActivePeriode, listPeriodes } from "@/server/periode";
import { getScorecard, type ScorecardResult } from "@/server/queries/scorecard";
import { EvidenceCompleteness } from "./evidence-completeness";
import { GapPath } from "./gap-actions";
import { HasilTable } from "./hasil-table";
import { LayerComparison } from "./layer-comparison";
import { PrintButton } from "./print-button";
import { PrintKop } from "./print-kop";
import { VerdictCard } from "./verdict-card";

export const metadata: Metadata = { title: "Rapor Unit" };

/** The layer's label inside a sentence (keeps "TPI" in capitals). */
const LAYER_PHRASE = { SELF: "penilaian mandiri", TPI: "penilaian TPI" } as const;

const PENETAPAN_LABELS = { WBK: "WBK", WBBM: "WBBM", TIDAK: "Tidak memperoleh predikat" } as const;

export default async function ScorecardPage({
  params,
  searchParams,
}: {
  params: Promise<{ unitId: string }>;
  searchParams: Promise<{ tahun?: string }>;
}) {
  const user = await requireUser();
  const { unitId } = await params;
  const { tahun } = await searchParams;
  const [periodes, active] = await Promise.all([listPeriodes(user.instansiId), getActivePeriode(user.instansiId)]);
  const requested = Number(tahun);
  const year =
    Number.isInteger(requested) && periodes.some((p) => p.year === requested) ? requested : (active?.year ?? null);

  let data: ScorecardResult;
  try {
    // Without any periode there is nothing to score, but the permission still applies.
    data = await getScorecard(user, unitId, year ?? 0);
  } catch (e) {
    if (e instanceof ForbiddenError) forbidden();
    throw e;
  }
  if (!data.found) notFound();

  const yearLinks = periodes.length > 1 && (
    <nav aria-label="Tahun rapor" className="no-print flex flex-wrap items-center gap-1 text-sm">
      {periodes
        .map((p) => p.year)
        .sort((a, b) => a - b)
        .map((y) =>
          y === year ? (
            <span key={y} aria-current="page" className="rounded-md bg-brand-700 px-2.5 py-1 font-medium text-white">
              {y}
            </span>
          ) : (
            <Link
              key={y}
              href={`/rapor/${unitId}?tahun=${y}`}
              className="rounded-md px-2.5 py-1 font-medium text-brand-700 ring-1 ring-slate-300 hover:bg-slate-50"
            >
              {y}
            </Link>
          ),
        )}
    </nav>
  );

  if (data.periodeMissing) {
    return (
      <>
        <PageHeader eyebrow="Rapor unit" title={data.unit.name} actions={yearLinks} />
        <EmptyState title="Belum ada periode penilaian">
          Rapor dapat dilihat setelah admin membuat periode tahun berjalan.
        </EmptyState>
      </>
    );
  }

  const { unit, periode, catalogue, assessment, shown, gap } = data;
  const sc = shown.scorecard;
  const compiled = compileCatalogue(catalogue);
  const zeroBaseQuestions = Object.entries(sc.questions)
    .filter(([, q]) => q.zeroBase)
    .map(([id]) => id);
  const letters: Record<string, string> = Object.fromEntries(
    catalogue.areas.map((a, i) => [a.id, String.fromCharCode(65 + i)]),
  );
  const areaNames: Record<string, string> = Object.fromEntries(
    catalogue.areas.map((a) => [a.id, `${letters[a.id]}. ${a.name}`]),
  );
  const radar: RadarArea[] = sc.areas.map((a, i) => ({
    id: a.id,
    letter: letters[a.id],
    name: a.name,
    score: a.score,
    weight: a.weight,
    pct: a.pct,
    minWbkPct: catalogue.areas[i].minPct.WBK,
    minWbbmPct: catalogue.areas[i].minPct.WBBM,
    minWbk: compiled.areas[i].min.WBK,
    minWbbm: compiled.areas[i].min.WBBM,
  }));
  const halves: HalfArea[] = sc.areas.map((a, i) => ({
    id: a.id,
    letter: letters[a.id],
    name: a.name,
    pemenuhan: a.pemenuhan,
    pemenuhanMax: compiled.areas[i].halfWeight.PEMENUHAN,
    reform: a.reform,
    reformMax: compiled.areas[i].halfWeight.REFORM,
  }));
  const lkeHref =
    assessment && data.canOpenLke
      ? (code: string) => `/penilaian/${assessment.id}?q=${encodeURIComponent(code)}`
      : null;
  const layerNote =
    data.layer === "TPI"
      ? "Nilai dari penilaian TPI, karena LKE sudah difinalkan TPI."
      : "Nilai dari penilaian mandiri unit, karena LKE belum difinalkan TPI.";

  const header = (
    <PageHeader
      eyebrow={`Rapor unit · Periode ${periode.year}`}
      title={<span data-testid="scorecard-unit">{unit.name}</span>}
      description={
        assessment ? (
          <span className="flex flex-wrap items-center gap-2">
            <StatusBadge status={assessment.status} />
            <LayerBadge layer={data.layer} />
            <span data-testid="scorecard-layer" data-layer={data.layer}>
              {layerNote}
            </span>
          </span>
        ) : undefined
      }
      actions={
        <>
          {yearLinks}
          {lkeHref && assessment && (
            <ButtonLink href={`/penilaian/${assessment.id}`} variant="secondary" className="no-print">
              <ClipboardCheck className="h-4 w-4" aria-hidden /> Buka LKE
            </ButtonLink>
          )}
          {assessment && <PrintButton />}
          {assessment && (
            // A plain link: the PDF is a download, not a page to navigate to.
            <a
              href={`/api/rapor/${unitId}/pdf?tahun=${periode.year}`}
              className={buttonClass("secondary", "md", "no-print")}
              data-testid="rapor-pdf"
            >
              <FileDown className="h-4 w-4" aria-hidden /> Unduh PDF
            </a>
          )}
        </>
      }
    />
  );
  const trendCard = (
    <Card className="print:break-inside-avoid print:shadow-none">
      <CardHeader
        title="Perkembangan dari tahun ke tahun"
        description="Nilai total tersimpan per tahun dan hasil penetapan predikat."
      />
      <CardBody>
        {data.trend.length === 0 ? (
          <p className="text-sm text-slate-500">Belum ada riwayat penilaian atau penetapan.</p>
        ) : (
          <TrendChart
            points={data.trend.map((t) => ({
              year: t.year,
              total: t.total,
              layerLabel: t.layer ? LAYER_LABELS[t.layer] : null,
              penetapan: t.penetapan,
              penetapanLabel: t.penetapan ? PENETAPAN_LABELS[t.penetapan] : null,
            }))}
            wbkTotal={catalogue.thresholds.WBK.total}
            wbbmTotal={catalogue.thresholds.WBBM.total}
            caption={`Nilai total ${unit.name} per tahun`}
          />
        )}
      </CardBody>
    </Card>
  );

  if (!assessment) {
    // Nothing to score this year; the history may still be worth seeing.
    return (
      <div className="space-y-6">
        {header}
        <EmptyState title={`Unit ini tidak memiliki LKE periode ${periode.year}`}>
          LKE dibuat untuk unit yang diusulkan membangun Zona Integritas pada periode tersebut.
        </EmptyState>
        {data.trend.length > 0 && trendCard}
      </div>
    );
  }

  return (
    <div className="space-y-6 print:space-y-4">
      <PrintKop instansi={user.instansiName} title={`Rapor Zona Integritas · ${unit.name} · Periode ${periode.year}`} />
      {header}

      <section aria-label="Ringkasan nilai" className="grid grid-cols-2 gap-3 sm:grid-cols-3">
        <Card className="col-span-2 p-4 sm:col-span-1 print:shadow-none">
          <p className="text-sm font-medium text-slate-600">Nilai total</p>
          <p className="mt-1 text-4xl font-semibold tabular-nums text-slate-900" data-testid="scorecard-total">
            {formatScoreAgainst(sc.total, [catalogue.thresholds.WBK.total, catalogue.thresholds.WBBM.total])}
          </p>
          <p className="mt-1 text-xs text-slate-500">
            dari 100 · min. WBK {formatScore(catalogue.thresholds.WBK.total)}, WBBM{" "}
            {formatScore(catalogue.thresholds.WBBM.total)}
          </p>
        </Card>
        <Card className="p-4 print:shadow-none">
          <p className="text-sm font-medium text-slate-600">Pengungkit</p>
          <p className="mt-1 text-3xl font-semibold tabular-nums text-slate-900" data-testid="scorecard-pengungkit">
            {formatScoreAgainst(sc.pengungkit, [
              catalogue.thresholds.WBK.pengungkit,
              catalogue.thresholds.WBBM.pengungkit,
            ])}
          </p>
          <p className="mt-1 text-xs text-slate-500">
            dari {formatScore(catalogue.weights.pengungkit)} · pemenuhan {formatScore(sc.pemenuhan)}, reform{" "}
            {formatScore(sc.reform)}
          </p>
        </Card>
        <Card className="p-4 print:shadow-none">
          <p className="text-sm font-medium text-slate-600">Hasil</p>
          <p className="mt-1 text-3xl font-semibold tabular-nums text-slate-900" data-testid="scorecard-hasil">
            {formatScore(sc.hasil)}
          </p>
          <p className="mt-1 text-xs text-slate-500">
            dari {formatScore(catalogue.weights.hasil)} · {sc.answeredCount} dari {sc.questionCount} pertanyaan dijawab
            {assessment && <> · aktivitas terakhir {formatDateTime(assessment.lastActivityAt)}</>}
          </p>
        </Card>
      </section>
      <p className="text-sm text-slate-700" data-testid="scorecard-zero-base">
        {zeroBaseRuleSentence(periode.zeroBase)}
        {zeroBaseQuestions.length > 0 && <> Berlaku untuk {zeroBaseQuestions.join(", ")} pada LKE ini.</>}
      </p>

      <section aria-label="Kesiapan predikat" className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <VerdictCard verdict={sc.wbk} />
        <VerdictCard verdict={sc.wbbm} />
      </section>

      <section className="grid grid-cols-1 gap-4 lg:grid-cols-2 print:grid-cols-1">
        <Card className="print:break-inside-avoid print:shadow-none">
          <CardHeader
            title="Capaian per area"
            description="Nilai area sebagai persen bobotnya, dengan batas minimum WBK dan WBBM."
          />
          <CardBody>
            <AreaRadarChart areas={radar} caption={`Capaian area ${unit.name} periode ${periode.year}`} />
          </CardBody>
        </Card>
        <Card className="print:break-inside-avoid print:shadow-none">
          <CardHeader title="Pemenuhan dan reform" description="Tiap bagian area sebagai persen bobot bagiannya." />
          <CardBody>
            <PemenuhanReformChart
              areas={halves}
              minWbkPct={radar[0]?.minWbkPct ?? 60}
              minWbbmPct={radar[0]?.minWbbmPct ?? 75}
              caption={`Pemenuhan dan reform per area ${unit.name} periode ${periode.year}`}
            />
            <ul className="mt-2 grid gap-x-4 text-xs text-slate-600 sm:grid-cols-2">
              {radar.map((a) => (
                <li key={a.id}>
                  <span className="font-semibold">{a.letter}.</span> {a.name}
                </li>
              ))}
            </ul>
          </CardBody>
        </Card>
      </section>

      <Card className="print:break-inside-avoid print:shadow-none">
        <CardHeader
          title="Komponen hasil"
          description="IPAK, capaian kinerja dan IPKP terhadap nilai minimum katalog LKE."
        />
        <HasilTable catalogue={catalogue} scorecard={sc} hasil={shown.hasil} />
      </Card>

      <section className="grid grid-cols-1 gap-4 lg:grid-cols-5">
        <Card className="lg:col-span-3 print:break-inside-avoid print:shadow-none">
          <CardHeader
            title="Penilaian mandiri dan TPI"
            description={
              data.tpi.empty
                ? "TPI belum mereviu LKE ini."
                : data.tpi.scorecard.answeredCount < data.tpi.scorecard.questionCount
                  ? `TPI baru mereviu ${data.tpi.scorecard.answeredCount} dari ${data.tpi.scorecard.questionCount} pertanyaan, jadi nilai TPI belum lengkap. Rapor memakai ${LAYER_PHRASE[data.layer]}.`
                  : `Rapor memakai ${LAYER_PHRASE[data.layer]}.`
            }
          />
          <LayerComparison self={data.self} tpi={data.tpi} shown={data.layer} letters={letters} />
        </Card>
        <Card className="lg:col-span-2 print:break-inside-avoid print:shadow-none">
          <CardHeader
            title="Kelengkapan bukti dukung"
            description="Pertanyaan yang jawabannya memiliki bukti dukung."
          />
          <CardBody>
            <EvidenceCompleteness total={data.evidence.total} areas={data.evidence.areas} names={areaNames} />
          </CardBody>
        </Card>
      </section>

      <Card className="print:shadow-none">
        <CardHeader
          title="Langkah perbaikan"
          description={`Analisis kesenjangan mesin penilaian atas ${LAYER_PHRASE[data.layer]}: jawaban yang paling cepat menutup syarat, area yang belum memenuhi minimum lebih dulu.`}
        />
        <CardBody className="grid grid-cols-1 gap-6 lg:grid-cols-2">
          <section aria-labelledby="gap-wbk">
            <h3 id="gap-wbk" className="mb-2 font-semibold text-slate-900">
              Menuju WBK
            </h3>
            <GapPath path={gap.wbk} lkeHref={lkeHref} areaNames={areaNames} />
          </section>
          <section aria-labelledby="gap-wbbm">
            <h3 id="gap-wbbm" className="mb-2 font-semibold text-slate-900">
              Menuju WBBM
            </h3>
            <GapPath path={gap.wbbm} lkeHref={lkeHref} areaNames={areaNames} />
          </section>
        </CardBody>
      </Card>

      {trendCard}
    </div>
  );
}
