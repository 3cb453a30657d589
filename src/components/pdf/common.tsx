/**
 * Shared pieces of the printed reports (react-pdf): A4 page with a kop (instansi name and logo), print
 * date and page numbers, tables, and a bar chart drawn with react-pdf's own primitives. The built-in
 * Helvetica is used so nothing is downloaded at render time; text is mapped to what it can draw.
 */
import type { ReactNode } from "react";
import { Image, Page, StyleSheet, Text, View } from "@react-pdf/renderer";

/** Helvetica draws WinAnsi only: map the few other characters our texts use, drop the rest. */
export function pdfText(text: string): string {
  return text
    .replace(/≥/g, ">=")
    .replace(/≤/g, "<=")
    .replace(/→/g, "->")
    .replace(/[\u2212]/g, "-")
    .replace(/[^\u0009\u000a\u0020-\u007e\u00a0-\u00ff\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026]/g, "");
}

export const styles = StyleSheet.create({
  page: {
    paddingTop: 36,
    paddingBottom: 48,
    paddingHorizontal: 40,
    fontFamily: "Helvetica",
    fontSize: 9.5,
    color: "#0f172a",
  },
  kop: {
    flexDirection: "row",
    alignItems: "center",
    borderBottomWidth: 2,
    borderBottomColor: "#0f172a",
    paddingBottom: 8,
    marginBottom: 12,
  },
  logo: { width: 44, height: 44, marginRight: 12, objectFit: "contain" },
  kopInstansi: { fontSize: 13, fontFamily: "Helvetica-Bold", textTransform: "uppercase" },
  kopTitle: { fontSize: 10, marginTop: 2 },
  footerLeft: { position: "absolute", bottom: 20, left: 40, fontSize: 8, color: "#475569" },
  // A width of its own: the page numbers are only known after layout, so the text cannot size the box.
  footerRight: {
    position: "absolute",
    bottom: 20,
    left: 300,
    right: 40,
    textAlign: "right",
    fontSize: 8,
    color: "#475569",
  },
  h1: { fontSize: 14, fontFamily: "Helvetica-Bold", marginBottom: 6 },
  h2: { fontSize: 11, fontFamily: "Helvetica-Bold", marginTop: 12, marginBottom: 5 },
  // lineHeight only on paragraphs: set on the page it blanks react-pdf's page-number text (4.9).
  p: { marginBottom: 5, textAlign: "justify", lineHeight: 1.35 },
  small: { fontSize: 8, color: "#475569" },
  bold: { fontFamily: "Helvetica-Bold" },
  table: { borderWidth: 0.75, borderColor: "#94a3b8", marginBottom: 6 },
  tr: { flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: "#cbd5e1" },
  th: { padding: 3, fontFamily: "Helvetica-Bold", backgroundColor: "#e2e8f0" },
  td: { padding: 3 },
  num: { textAlign: "right" },
});

export function Kop({
  instansi,
  title,
  logo,
}: {
  instansi: string;
  title: string;
  logo: { data: Buffer; mimeType: string } | null;
}) {
  return (
    <View style={styles.kop} fixed>
      {logo && (
        // eslint-disable-next-line jsx-a11y/alt-text -- react-pdf Image, not an HTML img
        <Image style={styles.logo} src={{ data: logo.data, format: logo.mimeType === "image/png" ? "png" : "jpg" }} />
      )}
      <View>
        <Text style={styles.kopInstansi}>{pdfText(instansi)}</Text>
        <Text style={styles.kopTitle}>{pdfText(title)}</Text>
      </View>
    </View>
  );
}

/** Print date on every page, page numbers "Halaman n dari N". */
export function Footer({ printed }: { printed: string }) {
  return (
    <>
      <Text style={styles.footerLeft} fixed>
        Dicetak {printed}
      </Text>
      <Text
        style={styles.footerRight}
        fixed
        render={({ pageNumber, totalPages }) => `Halaman ${pageNumber} dari ${totalPages}`}
      />
    </>
  );
}

export function A4({ children, kop, printed }: { children: ReactNode; kop: ReactNode; printed: string }) {
  return (
    <Page size="A4" style={styles.page} wrap>
      {kop}
      {children}
      <Footer printed={printed} />
    </Page>
  );
}

export interface Column {
  title: string;
  /** Share of the table width (flex). */
  flex: number;
  numeric?: boolean;
}

export function DataTable({
  columns,
  rows,
  boldRows = [],
}: {
  columns: Column[];
  rows: string[][];
  boldRows?: number[];
}) {
  return (
    <View style={styles.table}>
      <View style={styles.tr} fixed>
        {columns.map((c) => (
          <Text key={c.title} style={[styles.th, { flex: c.flex }, c.numeric ? styles.num : {}]}>
            {pdfText(c.title)}
          </Text>
        ))}
      </View>
      {rows.map((row, i) => (
        <View key={i} style={styles.tr} wrap={false}>
          {row.map((cell, j) => (
            <Text
              key={j}
              style={[
                styles.td,
                { flex: columns[j].flex },
                columns[j].numeric ? styles.num : {},
                boldRows.includes(i) ? styles.bold : {},
              ]}
            >
              {pdfText(cell)}
            </Text>
          ))}
        </View>
      ))}
    </View>
  );
}

export interface Bar {
  label: string;
  /** 0–100. */
  pct: number;
  value: string;
}

/**
 * Horizontal bars in percent of a maximum, with vertical marks for the WBK and WBBM minima; sized
 * in points so the chart always fits the A4 text width.
 */
export function BarChart({
  bars,
  marks,
  width = 515,
}: {
  bars: Bar[];
  marks: { pct: number; label: string; color: string }[];
  width?: number;
}) {
  const labelWidth = 170;
  const valueWidth = 50;
  const track = width - labelWidth - valueWidth;
  return (
    <View wrap={false}>
      {bars.map((b) => (
        <View key={b.label} style={{ flexDirection: "row", alignItems: "center", height: 16 }}>
          <Text style={{ width: labelWidth, fontSize: 8 }}>{pdfText(b.label)}</Text>
          <View style={{ width: track, height: 10, backgroundColor: "#e2e8f0", position: "relative" }}>
            <View
              style={{
                width: (track * Math.max(0, Math.min(100, b.pct))) / 100,
                height: 10,
                backgroundColor: "#1d4ed8",
              }}
            />
            {marks.map((m) => (
              <View
                key={m.label}
                style={{
                  position: "absolute",
                  left: (track * m.pct) / 100,
                  top: -2,
                  width: 1.2,
                  height: 14,
                  backgroundColor: m.color,
                }}
              />
            ))}
          </View>
          <Text style={{ width: valueWidth, fontSize: 8, textAlign: "right" }}>{b.value}</Text>
        </View>
      ))}
      <View style={{ flexDirection: "row", marginTop: 3, marginLeft: labelWidth }}>
        {marks.map((m) => (
          <Text key={m.label} style={{ fontSize: 7.5, color: m.color, marginRight: 12 }}>
            | {m.label}
          </Text>
        ))}
      </View>
    </View>
  );
}
