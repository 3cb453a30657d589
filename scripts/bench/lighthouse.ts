/**
 * Lighthouse's performance score of one page, signed in (the session cookie goes with every request),
 * in headless Chromium: CHROMIUM_PATH (as for the end-to-end tests), or Debian's /usr/bin/chromium. Lighthouse's default settings: a
 * mid-range phone on a slow 4G connection, simulated.
 */
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

export interface LighthouseResult {
  /** 0–100. */
  score: number;
  /** The metrics the score is made of, in ms (CLS unitless). */
  metrics: Record<string, number>;
  /** Audits that did not pass, largest estimated saving first. */
  opportunities: { id: string; title: string; savingsMs: number; display: string }[];
}

const METRICS = {
  fcp: "first-contentful-paint",
  lcp: "largest-contentful-paint",
  tbt: "total-blocking-time",
  cls: "cumulative-layout-shift",
  si: "speed-index",
};

export async function lighthouseScore(url: string, cookie: string): Promise<LighthouseResult> {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    // --no-sandbox: CI runs as root, where Chromium's sandbox cannot start.
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance"],
      extraHeaders: { Cookie: cookie },
    });
    if (!result) throw new Error("Lighthouse returned no result");
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.message}`);
    const audits = lhr.audits;
    const metrics = Object.fromEntries(
      Object.entries(METRICS).map(([k, id]) => [k, Number(audits[id]?.numericValue ?? Number.NaN)]),
    );
    // The metrics themselves (and the hidden ones) are the score, not advice.
    const opportunities = lhr.categories.performance.auditRefs
      .filter((ref) => ref.group !== "metrics" && ref.group !== "hidden")
      .map((ref) => audits[ref.id])
      .filter((a) => a && a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== "informative")
      .map((a) => {
        const details = a.details as { overallSavingsMs?: number } | undefined;
        return {
          id: a.id,
          title: a.title,
          savingsMs: Math.round(details?.overallSavingsMs ?? 0),
          display: a.displayValue ?? "",
        };
      })
      .sort((x, y) => y.savingsMs - x.savingsMs);
    return { score: Math.round((lhr.categories.performance.score ?? 0) * 100), metrics, opportunities };
  } finally {
    chrome.kill();
  }
}
