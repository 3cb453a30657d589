/** The unit scorecard (rapor) as an A4 PDF: summary, verdicts, area chart, area table, hasil, improvement steps. */
import { Document, Text, View } from "@react-pdf/renderer";
import type { Catalogue } from "@/domain/catalogue/types";
import { LAYER_LABELS, type ScoreLayer } from "@/domain/readiness";
import { describeImprovement } from "@/domain/scoring/gap";
import { formatIndex, formatScore } from "@/domain/scoring/format";
import type { GapAnalysis, HasilInput, Scorecard, Verdict } from "@/domain/scoring/types";
import { A4, BarChart, DataTable, Kop, pdfText, styles } from "./common";

export interface RaporPdfProps {
  instansi: string;
  logo: { data: Buffer; mimeType: string } | null;
  printed: string;
  unit: { name: string };
  year: number;
  catalogue: Catalogue;
  layer: ScoreLayer;
  statusLabel: string;
  scorecard: Scorecard;
  hasil: HasilInput;
  gap: GapAnalysis;
}

function VerdictBlock({ verdict }: { verdict: Verdict }) {
  return (
    <View style={{ flex: 1, borderWidth: 0.75, borderColor: "#94a3b8", padding: 6, marginRight: 6 }} wrap={false}>
      <Text style={styles.bold}>
        {verdict.predicate}: {verdict.eligible ? "memenuhi syarat" : "belum memenuhi syarat"}
      </Text>
      {verdict.unmet.map((u) => (
        <Text key={u.code} style={styles.small}>
          - {pdfText(u.label)}
        </Text>
      ))}
    </View>
  );
}

export function RaporDocument(p: RaporPdfProps) {
  const sc = p.scorecard;
  const title = `Rapor Zona Integritas - ${p.unit.name} - Periode ${p.year}`;
  const minWbk = p.catalogue.areas[0]?.minPct.WBK ?? 60;
  const minWbbm = p.catalogue.areas[0]?.minPct.WBBM ?? 75;
  const path = sc.wbk.eligible ? p.gap.wbbm : p.gap.wbk;
  return (
    <Document title={title} author={p.instansi} language="id">
      <A4 printed={p.printed} kop={<Kop instansi={p.instansi} logo={p.logo} title={title} />}>
        <Text style={styles.h1}>{pdfText(p.unit.name)}</Text>
        <Text style={styles.p}>
          Periode {p.year} · Status LKE: {pdfText(p.statusLabel)} · Nilai dari {LAYER_LABELS[p.layer].toLowerCase()}.
        </Text>
        <DataTable
          columns={[
            { title: "Komponen", flex: 3 },
            { title: "Nilai", flex: 1, numeric: true },
            { title: "Bobot", flex: 1, numeric: true },
            { title: "Min. WBK", flex: 1, numeric: true },
            { title: "Min. WBBM", flex: 1, numeric: true },
          ]}
          rows={[
            [
              "Nilai total",
              formatScore(sc.total),
              formatScore(p.catalogue.weights.total),
              formatScore(p.catalogue.thresholds.WBK.total),
              formatScore(p.catalogue.thresholds.WBBM.total),
            ],
            [
              "Pengungkit",
              formatScore(sc.pengungkit),
              formatScore(p.catalogue.weights.pengungkit),
              formatScore(p.catalogue.thresholds.WBK.pengungkit),
              formatScore(p.catalogue.thresholds.WBBM.pengungkit),
            ],
            ["  Pemenuhan", formatScore(sc.pemenuhan), formatScore(p.catalogue.weights.pemenuhan), "", ""],
            ["  Reform", formatScore(sc.reform), formatScore(p.catalogue.weights.reform), "", ""],
            ["Hasil", formatScore(sc.hasil), formatScore(p.catalogue.weights.hasil), "", ""],
          ]}
          boldRows={[0]}
        />
        <Text style={styles.small}>
          {sc.answeredCount} dari {sc.questionCount} pertanyaan dijawab.
        </Text>

        <Text style={styles.h2}>Kesiapan predikat</Text>
        <View style={{ flexDirection: "row" }}>
          <VerdictBlock verdict={sc.wbk} />
          <VerdictBlock verdict={sc.wbbm} />
        </View>

        <Text style={styles.h2}>Capaian per area (persen bobot area)</Text>
        <BarChart
          bars={sc.areas.map((a, i) => ({
            label: `${String.fromCharCode(65 + i)}. ${a.name}`,
            pct: a.pct,
            value: `${formatScore(a.pct)}%`,
          }))}
          marks={[
            { pct: minWbk, label: `minimum WBK ${formatScore(minWbk)}%`, color: "#b45309" },
            { pct: minWbbm, label: `minimum WBBM ${formatScore(minWbbm)}%`, color: "#047857" },
          ]}
        />

        <Text style={styles.h2}>Nilai per area</Text>
        <DataTable
          columns={[
            { title: "Area", flex: 4 },
            { title: "Bobot", flex: 1, numeric: true },
            { title: "Pemenuhan", flex: 1.3, numeric: true },
            { title: "Reform", flex: 1, numeric: true },
            { title: "Nilai area", flex: 1.2, numeric: true },
            { title: "%", flex: 1, numeric: true },
          ]}
          rows={sc.areas.map((a, i) => [
            `${String.fromCharCode(65 + i)}. ${a.name}`,
            formatScore(a.weight),
            formatScore(a.pemenuhan),
            formatScore(a.reform),
            formatScore(a.score),
            formatScore(a.pct),
          ])}
        />

        <Text style={styles.h2}>Komponen hasil</Text>
        <DataTable
          columns={[
            { title: "Indikator", flex: 3 },
            { title: "Isian", flex: 1.5 },
            { title: "Nilai", flex: 1, numeric: true },
            { title: "Bobot", flex: 1, numeric: true },
          ]}
          rows={[
            [
              "IPAK",
              p.hasil.ipak == null ? "belum diisi" : `indeks ${formatIndex(p.hasil.ipak)}`,
              formatScore(sc.ipak),
              formatScore(p.catalogue.hasil.ipak.weight),
            ],
            [
              "Capaian kinerja",
              p.hasil.capaianKinerja ?? "belum diisi",
              formatScore(sc.capaianKinerja),
              formatScore(p.catalogue.hasil.capaianKinerja.weight),
            ],
            [
              "IPKP",
              p.hasil.ipkp == null ? "belum diisi" : `indeks ${formatIndex(p.hasil.ipkp)}`,
              formatScore(sc.ipkp),
              formatScore(p.catalogue.hasil.ipkp.weight),
            ],
          ]}
        />

        <Text style={styles.h2}>Langkah perbaikan menuju {path.predicate}</Text>
        {path.steps.length === 0 ? (
          <Text style={styles.p}>
            {path.eligibleNow
              ? `Syarat ${path.predicate} sudah terpenuhi.`
              : "Tidak ada jawaban yang dapat diperbaiki lagi."}
          </Text>
        ) : (
          path.steps.slice(0, 15).map((s) => (
            <Text key={s.questionId} style={styles.small}>
              - {pdfText(describeImprovement(s))} {pdfText(s.text.slice(0, 110))}
            </Text>
          ))
        )}
        {path.notClearable.map((n) => (
          <Text key={n.code} style={styles.small}>
            - {pdfText(n.label)}
          </Text>
        ))}
      </A4>
    </Document>
  );
}
