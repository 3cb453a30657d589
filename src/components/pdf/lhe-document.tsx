/**
 * The TPI's Laporan Hasil Evaluasi (LHE) for one unit: cover, letter with the desk-evaluation score,
 * the TPI team, basis/scope/method, a table per area (pemenuhan and reform: bobot, hasil penilaian
 * mandiri, hasil desk evaluation TPI), komponen hasil, questions without evidence, recommendations
 * from the gap analysis and the signature block. Stage 1: returned for revision; stage 2: final.
 */
import { Document, Page, Text, View } from "@react-pdf/renderer";
import { LHE_STAGE_LABELS } from "@/domain/lhe";
import { describeImprovement } from "@/domain/scoring/gap";
import { formatIndex, formatScore } from "@/domain/scoring/format";
import { compileCatalogue } from "@/domain/scoring/score";
import type { LheData } from "@/server/reports/lhe";
import { A4, DataTable, Footer, Kop, pdfText, styles } from "./common";

export interface LhePdfProps {
  instansi: string;
  logo: { data: Buffer; mimeType: string } | null;
  printed: string;
  /** Long date for the letter, e.g. "2 Desember 2026". */
  dated: string;
  data: LheData;
}

const verdictSentence = (d: LheData) => {
  if (d.tpi.wbbm.eligible) return "memenuhi syarat untuk diusulkan memperoleh predikat WBBM";
  if (d.tpi.wbk.eligible) return "memenuhi syarat untuk diusulkan memperoleh predikat WBK";
  return "belum memenuhi syarat untuk diusulkan memperoleh predikat WBK/WBBM";
};

export function LheDocument({ instansi, logo, printed, dated, data: d }: LhePdfProps) {
  const title = `Laporan Hasil Evaluasi Zona Integritas - ${d.unit.name} - ${d.year}`;
  const kop = (
    <Kop instansi={instansi} logo={logo} title={`Inspektorat · Tim Penilai Internal · ${LHE_STAGE_LABELS[d.stage]}`} />
  );
  const compiled = compileCatalogue(d.catalogue);
  const final = d.stage === 2;
  const scoreWord = final ? "nilai hasil desk evaluation TPI" : "nilai sementara hasil desk evaluation TPI";
  const path = d.tpi.wbk.eligible ? d.gap.wbbm : d.gap.wbk;
  const halves = (kind: "PEMENUHAN" | "REFORM", i: number) => compiled.areas[i].halfWeight[kind];
  return (
    <Document title={title} author={`Tim Penilai Internal ${instansi}`} language="id">
      <Page size="A4" style={styles.page}>
        {kop}
        <View style={{ marginTop: 120, alignItems: "center" }}>
          <Text style={{ fontSize: 20, fontFamily: "Helvetica-Bold" }}>LAPORAN HASIL EVALUASI</Text>
          <Text style={{ fontSize: 13, marginTop: 8 }}>Pembangunan Zona Integritas Menuju WBK/WBBM</Text>
          <Text style={{ fontSize: 15, marginTop: 40, fontFamily: "Helvetica-Bold", textAlign: "center" }}>
            {pdfText(d.unit.name)}
          </Text>
          <Text style={{ fontSize: 12, marginTop: 8 }}>Tahun {d.year}</Text>
          <Text style={{ fontSize: 12, marginTop: 40 }}>{LHE_STAGE_LABELS[d.stage]}</Text>
          <Text style={{ fontSize: 11, marginTop: 80 }}>Tim Penilai Internal</Text>
          <Text style={{ fontSize: 11, marginTop: 2 }}>{pdfText(instansi)}</Text>
        </View>
        <Footer printed={printed} />
      </Page>

      <A4 printed={printed} kop={kop}>
        <Text style={styles.p}>Nomor: ........../LHE-ZI/{d.year}</Text>
        <Text style={styles.p}>Lampiran: 1 (satu) berkas</Text>
        <Text style={styles.p}>
          Hal: Laporan Hasil Evaluasi Pembangunan Zona Integritas ({LHE_STAGE_LABELS[d.stage]})
        </Text>
        <Text style={[styles.p, { marginTop: 8 }]}>Yth. Kepala {pdfText(d.unit.name)}</Text>
        <Text style={[styles.p, { marginTop: 8 }]}>
          Tim Penilai Internal telah melaksanakan desk evaluation atas Lembar Kerja Evaluasi (LKE) pembangunan Zona
          Integritas {pdfText(d.unit.name)} tahun {d.year} beserta bukti dukungnya. Hasil penilaian mandiri unit sebesar{" "}
          {formatScore(d.self.total)}, sedangkan {scoreWord} sebesar {formatScore(d.tpi.total)} dari 100 (pengungkit{" "}
          {formatScore(d.tpi.pengungkit)}, hasil {formatScore(d.tpi.hasil)}).
        </Text>
        {final ? (
          <Text style={styles.p}>
            Berdasarkan nilai tersebut, unit {verdictSentence(d)}. Laporan ini merupakan hasil akhir desk evaluation
            TPI.
          </Text>
        ) : (
          <Text style={styles.p}>
            LKE dikembalikan untuk diperbaiki pada {d.returned.length} pertanyaan yang tercantum dalam laporan ini.
            Nilai di atas bersifat sementara dan akan ditetapkan setelah perbaikan direviu kembali.
          </Text>
        )}
        <Text style={styles.p}>Demikian laporan ini disampaikan untuk ditindaklanjuti.</Text>

        <Text style={styles.h2}>Tim Penilai Internal</Text>
        {d.team.length === 0 ? (
          <Text style={styles.p}>Belum ada anggota TPI yang ditugaskan pada unit ini.</Text>
        ) : (
          <DataTable
            columns={[
              { title: "No", flex: 0.5 },
              { title: "Nama", flex: 4 },
              { title: "NIP", flex: 3 },
              { title: "Kedudukan", flex: 2 },
            ]}
            rows={d.team.map((t, i) => [
              String(i + 1),
              t.name,
              t.nip ?? "-",
              t.name === d.chair?.name ? "Ketua" : "Anggota",
            ])}
          />
        )}

        <Text style={styles.h2}>Dasar, ruang lingkup dan metode</Text>
        <Text style={styles.p}>
          Dasar: Peraturan Menteri PANRB Nomor 90 Tahun 2021 tentang Pembangunan dan Evaluasi Zona Integritas Menuju
          Wilayah Bebas dari Korupsi dan Wilayah Birokrasi Bersih dan Melayani di Instansi Pemerintah, dengan LKE{" "}
          {pdfText(d.catalogue.name)}.
        </Text>
        <Text style={styles.p}>
          Ruang lingkup: komponen pengungkit (enam area perubahan, pemenuhan dan reform) dan komponen hasil (IPAK,
          capaian kinerja, IPKP) periode {d.year}.
        </Text>
        <Text style={styles.p}>
          Metode: desk evaluation atas jawaban, catatan dan bukti dukung LKE; setiap jawaban diterima, diubah atau
          dikembalikan untuk perbaikan, lalu dinilai dengan bobot LKE.
        </Text>

        <Text style={styles.h2}>Hasil penilaian per area</Text>
        {d.catalogue.areas.map((area, i) => {
          const s = d.self.areas[i];
          const t = d.tpi.areas[i];
          return (
            <View key={area.id} wrap={false}>
              <Text style={[styles.bold, { marginTop: 4, marginBottom: 2 }]}>
                {String.fromCharCode(65 + i)}. {pdfText(area.name)}
              </Text>
              <DataTable
                columns={[
                  { title: "Komponen", flex: 3 },
                  { title: "Bobot", flex: 1, numeric: true },
                  { title: "Hasil penilaian mandiri", flex: 2, numeric: true },
                  { title: "Hasil desk evaluation TPI", flex: 2, numeric: true },
                ]}
                rows={[
                  [
                    "Pemenuhan",
                    formatScore(halves("PEMENUHAN", i)),
                    formatScore(s.pemenuhan),
                    formatScore(t.pemenuhan),
                  ],
                  ["Reform", formatScore(halves("REFORM", i)), formatScore(s.reform), formatScore(t.reform)],
                  ["Jumlah", formatScore(area.weight), formatScore(s.score), formatScore(t.score)],
                ]}
                boldRows={[2]}
              />
            </View>
          );
        })}
        <View wrap={false}>
          <Text style={[styles.bold, { marginTop: 4, marginBottom: 2 }]}>Rekapitulasi</Text>
          <DataTable
            columns={[
              { title: "Komponen", flex: 3 },
              { title: "Bobot", flex: 1, numeric: true },
              { title: "Hasil penilaian mandiri", flex: 2, numeric: true },
              { title: "Hasil desk evaluation TPI", flex: 2, numeric: true },
            ]}
            rows={[
              [
                "Pengungkit",
                formatScore(d.catalogue.weights.pengungkit),
                formatScore(d.self.pengungkit),
                formatScore(d.tpi.pengungkit),
              ],
              [
                `IPAK (indeks ${d.selfHasil.ipak == null ? "-" : formatIndex(d.selfHasil.ipak)} / ${d.tpiHasil.ipak == null ? "-" : formatIndex(d.tpiHasil.ipak)})`,
                formatScore(d.catalogue.hasil.ipak.weight),
                formatScore(d.self.ipak),
                formatScore(d.tpi.ipak),
              ],
              [
                `Capaian kinerja (${d.selfHasil.capaianKinerja ?? "-"} / ${d.tpiHasil.capaianKinerja ?? "-"})`,
                formatScore(d.catalogue.hasil.capaianKinerja.weight),
                formatScore(d.self.capaianKinerja),
                formatScore(d.tpi.capaianKinerja),
              ],
              [
                `IPKP (indeks ${d.selfHasil.ipkp == null ? "-" : formatIndex(d.selfHasil.ipkp)} / ${d.tpiHasil.ipkp == null ? "-" : formatIndex(d.tpiHasil.ipkp)})`,
                formatScore(d.catalogue.hasil.ipkp.weight),
                formatScore(d.self.ipkp),
                formatScore(d.tpi.ipkp),
              ],
              ["Hasil", formatScore(d.catalogue.weights.hasil), formatScore(d.self.hasil), formatScore(d.tpi.hasil)],
              [
                "Nilai total",
                formatScore(d.catalogue.weights.total),
                formatScore(d.self.total),
                formatScore(d.tpi.total),
              ],
            ]}
            boldRows={[5]}
          />
        </View>

        {!final && d.returned.length > 0 && (
          <>
            <Text style={styles.h2}>Pertanyaan yang dikembalikan untuk perbaikan</Text>
            {d.returned.map((r) => (
              <Text key={r.id} style={styles.small}>
                - {r.id} {pdfText(r.text.slice(0, 100))}: {pdfText(r.reason ?? "tanpa catatan")}
              </Text>
            ))}
          </>
        )}

        <Text style={styles.h2}>Bukti dukung yang belum ada</Text>
        {d.missingEvidence.length === 0 ? (
          <Text style={styles.p}>Setiap jawaban unit memiliki bukti dukung.</Text>
        ) : (
          <>
            <Text style={styles.p}>{d.missingEvidence.length} jawaban belum dilengkapi bukti dukung:</Text>
            {d.missingEvidence.map((m) => (
              <Text key={m.id} style={styles.small}>
                - {m.id} {pdfText(m.text.slice(0, 120))}
              </Text>
            ))}
          </>
        )}

        <Text style={styles.h2}>Rekomendasi</Text>
        {path.eligibleNow && path.steps.length === 0 ? (
          <Text style={styles.p}>
            Seluruh syarat {path.predicate} telah terpenuhi; pertahankan dan dokumentasikan praktik yang sudah berjalan.
          </Text>
        ) : (
          <>
            <Text style={styles.p}>
              Perbaikan jawaban yang paling cepat menutup syarat {path.predicate} (analisis kesenjangan atas hasil desk
              evaluation TPI):
            </Text>
            {path.steps.slice(0, 15).map((s, i) => (
              <Text key={s.questionId} style={styles.small}>
                {i + 1}. {pdfText(describeImprovement(s))} - {pdfText(s.text.slice(0, 110))}
              </Text>
            ))}
            {path.notClearable.map((n) => (
              <Text key={n.code} style={styles.small}>
                - {pdfText(n.label)}
              </Text>
            ))}
          </>
        )}

        <View style={{ marginTop: 24, marginLeft: 300 }} wrap={false}>
          <Text>{dated}</Text>
          <Text>Ketua Tim Penilai Internal,</Text>
          <Text style={{ marginTop: 48, fontFamily: "Helvetica-Bold" }}>
            {pdfText(d.chair?.name ?? "..............................")}
          </Text>
          <Text>NIP {d.chair?.nip ?? "........................"}</Text>
        </View>
      </A4>
    </Document>
  );
}
