/**
 * A unit's survey report for one year as an A4 PDF, in the shape units hand in: I Kuesioner, II Metodologi,
 * III Pengolahan, IV Data, V Temuan dan rekomendasi.
 */
import { Document, Text, View } from "@react-pdf/renderer";
import { formatIndex } from "@/domain/scoring/format";
import { answerLabels, SURVEY_KIND_LABELS, type SurveyKindCode } from "@/domain/survey/instruments";
import type { Interval } from "@/domain/survey/index";
import { formatDate } from "@/lib/format";
import type { SurveyReportData } from "@/server/survey/report";
import { A4, BarChart, DataTable, Kop, pdfText, styles } from "./common";

export interface SurveyReportPdfProps {
  instansi: string;
  logo: { data: Buffer; mimeType: string } | null;
  printed: string;
  data: SurveyReportData;
}

const fmt = (n: number | null | undefined) => (n === null || n === undefined ? "-" : formatIndex(n));
const range = (i: Interval | null) => (i ? `${fmt(i.low)} - ${fmt(i.high)}` : "-");
const scaleText = (s: readonly [number, number]) => `${s[0]}-${s[1]}`;
const label = (k: SurveyKindCode) => `${SURVEY_KIND_LABELS[k].name} (${k}, indeks ${SURVEY_KIND_LABELS[k].short})`;

// No lineHeight: with react-pdf 4 it spreads Helvetica lines to about twice the set height.
const para = { marginBottom: 5 };

function Para({ children }: { children: string }) {
  return <Text style={para}>{pdfText(children)}</Text>;
}

function Bullet({ children }: { children: string }) {
  return <Text style={[para, { marginLeft: 8 }]}>- {pdfText(children)}</Text>;
}

/** A bar label that fits the chart's label column, cut at a word. */
function short(text: string, max = 34): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max).replace(/\s+\S*$/, "")}…`;
}

export function SurveyReportDocument({ instansi, logo, printed, data }: SurveyReportPdfProps) {
  const title = `Laporan Hasil Survei SPAK dan SPKP - ${data.unit.name} - Tahun ${data.year}`;
  const kept = data.rounds.reduce((s, r) => s + r.kept, 0);
  const voided = data.rounds.reduce((s, r) => s + r.voided, 0);
  const scales = [...new Set(data.instruments.map((i) => scaleText(i.scale)))];
  const converts = data.instruments.some((i) => i.scale[1] - i.scale[0] !== 3);
  return (
    <Document title={title} author={instansi} language="id">
      <A4 printed={printed} kop={<Kop instansi={instansi} logo={logo} title={title} />}>
        <Text style={styles.h1}>{pdfText(data.unit.name)}</Text>
        <Para>
          {`Laporan hasil Survei Persepsi Anti Korupsi (SPAK) dan Survei Persepsi Kualitas Pelayanan (SPKP) tahun ${data.year}: ${data.rounds.length} putaran survei, ${kept} jawaban sah${voided ? `, ${voided} jawaban dibatalkan` : ""}.`}
        </Para>
        <DataTable
          columns={[
            { title: "Indeks", flex: 3 },
            { title: "Responden", flex: 1.2, numeric: true },
            { title: "Indeks (skala)", flex: 1.6, numeric: true },
            { title: "Nilai LKE (0-4)", flex: 1.3, numeric: true },
            { title: "Interval 95% (0-4)", flex: 1.8, numeric: true },
          ]}
          rows={data.kinds.map((k) => [
            `${SURVEY_KIND_LABELS[k.kind].short} (${k.kind})`,
            String(k.year.result.n),
            `${fmt(k.year.result.index)} (${scaleText(k.year.scale)})`,
            fmt(k.year.result.lkeIndex),
            range(k.year.result.lkeInterval),
          ])}
        />

        <Text style={styles.h2}>I. Kuesioner</Text>
        {data.instruments.map((ins) => (
          <View key={ins.id}>
            <Text style={[styles.bold, { marginTop: 4, marginBottom: 3 }]}>
              {pdfText(`${label(ins.kind)} - versi ${ins.version}, skala ${scaleText(ins.scale)}`)}
            </Text>
            <Text style={styles.small}>
              {pdfText(
                `Pilihan jawaban: ${answerLabels(ins.kind, ins.scale)
                  .map((l, i) => `${ins.scale[0] + i} = ${l}`)
                  .join("; ")}.`,
              )}
            </Text>
            <DataTable
              columns={[
                { title: "Kode", flex: 0.8 },
                { title: ins.kind === "SPAK" ? "Pernyataan" : "Unsur pelayanan", flex: 8 },
              ]}
              rows={ins.elements.map((e) => [e.code, e.label])}
            />
          </View>
        ))}
        <Para>
          {data.instruments.some((i) => i.respondentFields.length)
            ? `Data responden yang ditanyakan (opsional, tanpa identitas): ${[
                ...new Set(data.profile.map((p) => p.label.toLowerCase())),
              ].join(", ")}.`
            : "Tidak ada data responden yang ditanyakan."}
        </Para>

        <Text style={styles.h2}>II. Metodologi</Text>
        <Para>
          {`Responden adalah penerima layanan yang telah selesai menerima layanan pada unit. Survei diisi sendiri oleh responden tanpa akun melalui tautan atau kode QR yang dipasang di ruang pelayanan; satu perangkat hanya dapat mengisi sekali per putaran dan identitas responden tidak disimpan. Jawaban yang dinilai tidak sah dibatalkan oleh unit dengan alasan tercatat dan tidak dihitung.`}
        </Para>
        <Para>
          {`Sampel tahun ${data.year}: ${kept} jawaban sah dari ${kept + voided} jawaban masuk. Minimal responden per putaran ditetapkan instansi ${data.instansiMinimum} orang (dapat diatur per putaran); di bawah minimal hasil diberi peringatan. Bila jumlah penerima layanan setahun diketahui, besar sampel menurut Krejcie-Morgan (chi-kuadrat 3,841; P = Q = 0,5; d = 0,05) dapat dipakai sebagai pembanding.`}
        </Para>
        <Para>
          {`Skala jawaban: ${scales.join(" dan ")}. ${converts ? "Jawaban skala 1-6 dikonversi linear ke skala 1-4 untuk nilai LKE: 1 + (x - 1) x 3 / 5." : "Skala 1-4 langsung dipakai sebagai nilai LKE (0-4) tanpa konversi."}`}
        </Para>
        <DataTable
          columns={[
            { title: "Putaran", flex: 2.2 },
            { title: "Dibuka", flex: 1.7 },
            { title: "Berakhir", flex: 2.3 },
            { title: "Minimal", flex: 1, numeric: true },
            { title: "Sah", flex: 0.8, numeric: true },
            { title: "Dibatalkan", flex: 1.2, numeric: true },
          ]}
          rows={data.rounds.map((r) => [
            r.title,
            formatDate(r.openedAt),
            r.closedAt ? formatDate(r.closedAt) : r.closesOn ? `${formatDate(r.closesOn)} (rencana)` : "-",
            String(r.minRespondents),
            String(r.kept),
            String(r.voided),
          ])}
        />

        <Text style={styles.h2}>III. Pengolahan</Text>
        <Bullet>
          Rata-rata per unsur: jumlah nilai jawaban pada unsur dibagi banyaknya responden yang menjawab unsur itu
          (jawaban kosong tidak dihitung sebagai nol).
        </Bullet>
        <Bullet>
          Indeks pada skala jawaban: rata-rata dari rata-rata unsur, setiap unsur berbobot sama (1/k untuk k unsur).
        </Bullet>
        <Bullet>
          Nilai LKE (0-4): indeks dipetakan linear dari skala jawaban [min, maks] ke [1, 4], yaitu 1 + (indeks - min) x
          3 / (maks - min); untuk skala 1-4 nilainya sama dengan indeks. Nilai di LKE = nilai / 4 x bobot.
        </Bullet>
        <Bullet>
          Interval kepercayaan 95%: indeks +/- t(0,975; n - 1) x s / akar(n), dengan s simpangan baku rata-rata jawaban
          tiap responden; dibatasi pada rentang skala. Tahunan: jawaban semua putaran digabung per responden.
        </Bullet>

        <Text style={styles.h2}>IV. Data</Text>
        {data.kinds.map((k) => (
          <View key={k.kind}>
            <Text style={[styles.bold, { marginTop: 4, marginBottom: 3 }]}>{pdfText(label(k.kind))}</Text>
            <DataTable
              columns={[
                { title: "Putaran", flex: 2.4 },
                { title: "n", flex: 0.7, numeric: true },
                { title: "Indeks", flex: 1, numeric: true },
                { title: "Nilai LKE", flex: 1.1, numeric: true },
                { title: "Interval 95% (0-4)", flex: 1.9, numeric: true },
                { title: "Keterangan", flex: 2 },
              ]}
              rows={[
                ...data.rounds.map((r) => {
                  const x = r.results[k.kind];
                  return [
                    `${r.title} (skala ${scaleText(x.instrument.scale)})`,
                    String(x.result.n),
                    fmt(x.result.index),
                    fmt(x.result.lkeIndex),
                    range(x.result.lkeInterval),
                    x.result.belowMinimum ? `di bawah minimal ${x.result.minRespondents}` : "",
                  ];
                }),
                [
                  `Tahun ${data.year} (gabungan)`,
                  String(k.year.result.n),
                  fmt(k.year.result.index),
                  fmt(k.year.result.lkeIndex),
                  range(k.year.result.lkeInterval),
                  k.year.result.belowMinimum ? `di bawah minimal ${k.year.result.minRespondents}` : "",
                ],
              ]}
              boldRows={[data.rounds.length]}
            />
            {k.basis && (
              <>
                <Text style={styles.small}>
                  {pdfText(`Rata-rata per unsur (${k.basis.from}, skala ${scaleText(k.basis.instrument.scale)}):`)}
                </Text>
                <DataTable
                  columns={[
                    { title: "Kode", flex: 0.8 },
                    { title: "Unsur", flex: 6 },
                    { title: "Rata-rata", flex: 1.2, numeric: true },
                  ]}
                  rows={k.basis.instrument.elements.map((e, i) => [e.code, e.label, fmt(k.basis!.means[i])])}
                />
                <BarChart
                  bars={k.basis.instrument.elements.map((e, i) => {
                    const [min, max] = k.basis!.instrument.scale;
                    const m = k.basis!.means[i];
                    return {
                      label: `${e.code} ${short(e.label)}`,
                      pct: m === null ? 0 : ((m - min) / (max - min)) * 100,
                      value: fmt(m),
                    };
                  })}
                  marks={[]}
                />
              </>
            )}
          </View>
        ))}
        {data.profile.length > 0 && (
          <>
            <Text style={[styles.bold, { marginTop: 6, marginBottom: 3 }]}>Profil responden (jawaban sah)</Text>
            {data.profile.map((p) => (
              <DataTable
                key={p.field}
                columns={[
                  { title: p.label, flex: 4 },
                  { title: "Jumlah", flex: 1, numeric: true },
                ]}
                rows={p.counts.map((c) => [c.value, String(c.count)])}
              />
            ))}
          </>
        )}

        <Text style={styles.h2}>V. Temuan dan rekomendasi</Text>
        {data.kinds.map((k) => (
          <View key={k.kind}>
            <Text style={[styles.bold, { marginTop: 4, marginBottom: 3 }]}>
              {pdfText(`${SURVEY_KIND_LABELS[k.kind].short}: nilai LKE ${fmt(k.year.lkeValue)}`)}
            </Text>
            {k.findings.lowest.length > 0 && (
              <Bullet>
                {`Unsur terendah: ${k.findings.lowest.map((e) => `${e.code} ${e.label} (${fmt(e.mean)})`).join("; ")}. Unsur ini menjadi prioritas perbaikan layanan.`}
              </Bullet>
            )}
            {k.findings.belowMinimum.length > 0 && (
              <Bullet>
                {`Putaran di bawah minimal responden: ${k.findings.belowMinimum.join(", ")}. Perluas penyebaran tautan dan poster QR agar hasil dapat diandalkan.`}
              </Bullet>
            )}
            {k.findings.trend ? (
              <Bullet>
                {`Tren: dari ${fmt(k.findings.trend.first)} (${k.findings.trend.from}) ke ${fmt(k.findings.trend.last)} (${k.findings.trend.to}), ${Math.abs(k.findings.trend.change) < 0.005 ? "tetap" : k.findings.trend.change > 0 ? `naik ${fmt(k.findings.trend.change)}` : `turun ${fmt(-k.findings.trend.change)}`} (skala 0-4).`}
              </Bullet>
            ) : (
              <Bullet>Tren belum dapat dihitung: kurang dari dua putaran yang berisi jawaban.</Bullet>
            )}
          </View>
        ))}
        {data.rounds.length < 4 && (
          <Bullet>
            {`Baru ${data.rounds.length} putaran pada ${data.year}; LKE meminta survei paling sedikit 4 kali setahun.`}
          </Bullet>
        )}
      </A4>
    </Document>
  );
}
