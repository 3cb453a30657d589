/**
 * The suite's `test`: Playwright's, with an accessibility check on every page a test visits.
 * After each navigation (full loads and client-side ones), and once more when the test ends, axe-core checks the page against WCAG 2.0/2.1
 * A and AA; a serious or critical violation fails the test with the list of rules and elements.
 * Each page shape (path with record ids as `:id`, and the names of its query parameters) is checked once per worker: a
 * second visit to another unit's rapor or the same LKE in a later test renders the same template, and re-checking it
 * only made the suite slower. The accessibility walk (accessibility.spec.ts) still checks every page kind per role.
 * Specs import from here, not from @playwright/test.
 */
import AxeBuilder from "@axe-core/playwright";
import { test as base, type Frame, type Page } from "@playwright/test";

export { expect, type Browser, type Cookie, type Locator, type Page } from "@playwright/test";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const IMPACTS = new Set(["serious", "critical"]);

export interface A11yFinding {
  url: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/** Runs axe on the page as it is now and returns its serious and critical violations. */
export async function findA11yViolations(page: Page): Promise<A11yFinding[]> {
  const url = new URL(page.url());
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return result.violations
    .filter((v) => IMPACTS.has(v.impact ?? ""))
    .map((v) => ({
      url: url.pathname + url.search,
      rule: v.id,
      impact: v.impact ?? "",
      help: v.help,
      targets: v.nodes.map(
        (n) => `${n.target.join(" ")}${n.failureSummary ? ` — ${firstLine(n.failureSummary)}` : ""}`,
      ),
    }));
}

function firstLine(summary: string): string {
  return summary.split("\n").slice(1, 2).join("").trim();
}

export function formatA11yFindings(findings: A11yFinding[]): string {
  return findings
    .map((f) => {
      const nodes = f.targets.slice(0, 8).map((t) => `      · ${t}`);
      if (f.targets.length > 8) nodes.push(`      · … dan ${f.targets.length - 8} elemen lain`);
      return [`  ${f.url}: ${f.rule} (${f.impact}, ${f.targets.length} elemen) — ${f.help}`, ...nodes].join("\n");
    })
    .join("\n");
}

/** The page is gone or navigated away while axe ran: not a finding; the next load is checked instead. */
const isNavigationRace = (e: unknown) =>
  /Execution context was destroyed|Target page, context or browser has been closed|navigat|frame was detached/i.test(
    String((e as Error)?.message ?? e),
  );

/** "/rapor/cm3x…?tahun=2025" and "/rapor/cm3y…?tahun=2026" are one page shape; `?q=PPA1A` only scrolls the LKE. */
export function pageKey(url: string): string {
  const u = new URL(url);
  const path = u.pathname
    .split("/")
    .map((s) => (/^c[a-z0-9]{14,}$/.test(s) || /^\d+$/.test(s) || /^[0-9a-f-]{32,36}$/i.test(s) ? ":id" : s))
    .join("/");
  const keys = [...new Set([...u.searchParams.keys()].filter((k) => k !== "q"))].sort();
  return keys.length > 0 ? `${path}?${keys.join("&")}` : path;
}

export const test = base.extend<{ a11yCheck: boolean }, { a11yChecked: Set<string> }>({
  /** Page shapes already checked by this worker. */
  a11yChecked: [async ({}, use) => use(new Set<string>()), { scope: "worker" }],
  /** Set `test.use({ a11yCheck: false })` only for a spec that drives no app pages. */
  a11yCheck: [true, { option: true }],
  page: async ({ page, a11yCheck, a11yChecked: checked }, use, testInfo) => {
    if (!a11yCheck) return use(page);
    const findings: A11yFinding[] = [];
    const errors: unknown[] = [];
    let queue: Promise<void> = Promise.resolve();

    const check = () => {
      queue = queue.then(async () => {
        if (page.isClosed()) return;
        const url = page.url();
        if (!url.startsWith("http") || checked.has(pageKey(url))) return;
        try {
          await page.waitForLoadState("load");
          // A client-side navigation changes the address as React commits the new page; let it paint.
          await page.waitForTimeout(150);
          if (page.url() !== url) return;
          const found = await findA11yViolations(page);
          if (page.url() !== url) return;
          checked.add(pageKey(url));
          findings.push(...found);
        } catch (e) {
          if (!isNavigationRace(e)) errors.push(e);
        }
      });
      return queue;
    };
    const onNavigated = (frame: Frame) => {
      if (frame === page.mainFrame()) void check();
    };
    page.on("framenavigated", onNavigated);

    await use(page);

    page.off("framenavigated", onNavigated);
    await queue;
    // The page the test ended on, in the state it left it, when its load was not checked yet.
    if (testInfo.status === testInfo.expectedStatus) await check();
    if (errors.length > 0) throw errors[0];
    if (findings.length > 0) {
      throw new Error(`Pelanggaran aksesibilitas (axe, serius/kritis):\n${formatA11yFindings(findings)}`);
    }
  },
});
