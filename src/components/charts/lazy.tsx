"use client";

/**
 * The charts as the pages use them: still rendered on the server, but their Recharts code (about
 * 100 kB gzip) is a separate chunk that loads after the page's own script instead of being part of
 * its first load; until it arrives the server's SVG stays in place.
 */
import dynamic from "next/dynamic";

export const AreaRadarChart = dynamic(() => import("./area-radar-chart").then((m) => m.AreaRadarChart));
export const PemenuhanReformChart = dynamic(() =>
  import("./pemenuhan-reform-chart").then((m) => m.PemenuhanReformChart),
);
export const TrendChart = dynamic(() => import("./trend-chart").then((m) => m.TrendChart));
export const TotalsDistributionChart = dynamic(() =>
  import("./totals-distribution-chart").then((m) => m.TotalsDistributionChart),
);
export const SurveyElementsChart = dynamic(() => import("./survey-elements-chart").then((m) => m.SurveyElementsChart));
