import { DEMO, signIn } from "./helpers";
import { expect, findA11yViolations, formatA11yFindings, pageKey, test, type A11yFinding, type Page } from "./fixtures";

// Every page each role can reach from its menu and the links on those pages, checked with axe-core
// (WCAG 2.x A/AA, serious and critical). Pages of the same kind (another unit's rapor, another user)
// are checked once per role: they share one template.
test.describe.configure({ timeout: 300_000 });
// The walk checks each page itself and reports them all at once.
test.use({ a11yCheck: false });

/** "/rapor/cm3x…" and "/rapor/cm3y…" are the same page kind. */
function pageKind(path: string): string {
  return path
    .split("/")
    .map((s) => (/^c[a-z0-9]{14,}$/.test(s) || /^\d+$/.test(s) ? ":id" : s))
    .join("/");
}

const SKIP = [/^\/api\//, /^\/masuk/];

async function sameOriginLinks(page: Page): Promise<string[]> {
  const hrefs = await page
    .locator("a[href^='/']")
    .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute("href")!));
  return hrefs.map((h) => h.split("#")[0]).filter((h) => h && !SKIP.some((re) => re.test(h)));
}

/** Breadth-first over the links each page offers, one page per kind; returns the kinds visited. */
async function walk(page: Page, checked: Set<string>): Promise<{ visited: string[]; findings: A11yFinding[] }> {
  const seen = new Set<string>();
  const queue = ["/"];
  const visited: string[] = [];
  const findings: A11yFinding[] = [];
  while (queue.length > 0) {
    const href = queue.shift()!;
    const kind = pageKind(href.split("?")[0]);
    if (seen.has(kind)) continue;
    seen.add(kind);
    const response = await page.goto(href);
    expect(response?.status(), href).toBeLessThan(400);
    visited.push(kind);
    findings.push(...(await findA11yViolations(page)));
    // Later specs in this worker need not check this page shape again.
    checked.add(pageKey(page.url()));
    for (const link of await sameOriginLinks(page)) {
      if (!seen.has(pageKind(link.split("?")[0]))) queue.push(link);
    }
  }
  return { visited, findings };
}

const ROLES: { role: string; login: string; expects: string[] }[] = [
  {
    role: "ADMIN",
    login: DEMO.admin,
    expects: [
      "/ikhtisar",
      "/admin/unit/:id",
      "/admin/pengguna/:id",
      "/admin/periode/:id",
      "/admin/audit",
      "/rapor/:id",
    ],
  },
  { role: "SUPERADMIN", login: DEMO.superadmin, expects: ["/provinsi", "/provinsi/:id", "/provinsi/instansi-baru"] },
  { role: "PIMPINAN", login: DEMO.pimpinan, expects: ["/ikhtisar", "/penilaian/:id", "/rapor/:id", "/linimasa"] },
  { role: "TPI", login: DEMO.tpi, expects: ["/penilaian", "/penilaian/:id", "/rapor/:id", "/ikhtisar"] },
  { role: "KEPALA_OPD", login: DEMO.kepala("rsud"), expects: ["/penilaian/:id", "/rapor/:id", "/monev"] },
  {
    role: "OPERATOR_OPD (dikembalikan)",
    login: DEMO.operator("dpmptsp"),
    expects: ["/penilaian/:id", "/monev/baru", "/pencanangan"],
  },
  { role: "OPERATOR_OPD", login: DEMO.operator("dinkes"), expects: ["/penilaian/:id", "/linimasa"] },
];

for (const { role, login, expects } of ROLES) {
  test(`${role}: every page has no serious or critical axe violations`, async ({ page, a11yChecked }) => {
    await signIn(page, login);
    const { visited, findings } = await walk(page, a11yChecked);
    test.info().annotations.push({ type: "pages", description: visited.join(" ") });
    console.log(`${role}: ${visited.length} pages checked: ${visited.join(" ")}`);
    for (const kind of expects) expect(visited, `${role} reaches ${kind}`).toContain(kind);
    // The list of rules, pages and elements, readable in the failure message.
    expect(formatA11yFindings(findings)).toBe("");
  });
}

test("the sign-in page and the not-found page have no serious or critical axe violations", async ({ page }) => {
  await page.goto("/masuk");
  expect(formatA11yFindings(await findA11yViolations(page))).toBe("");
  await signIn(page, DEMO.admin);
  const response = await page.goto("/tidak-ada-halaman-ini");
  expect(response?.status()).toBe(404);
  expect(formatA11yFindings(await findA11yViolations(page))).toBe("");
});

test("on a 375 px phone screen the home, the LKE and the rapor have no serious or critical axe violations", async ({
  page,
}) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await signIn(page, DEMO.kepala("dinkes"));
  const findings: A11yFinding[] = [...(await findA11yViolations(page))];
  await expect(page.getByRole("button", { name: "Keluar" })).toBeVisible();
  await page.getByRole("link", { name: "Rapor lengkap" }).click();
  await page.waitForURL(/\/rapor\//);
  findings.push(...(await findA11yViolations(page)));
  await page.goto("/penilaian");
  await page.locator("main").getByRole("link", { name: "Dinas Kesehatan" }).first().click();
  await page.waitForURL(/\/penilaian\/[a-z0-9]+/);
  findings.push(...(await findA11yViolations(page)));
  expect(formatA11yFindings(findings)).toBe("");
});

test("a skip link leads keyboard users past the menu to the main content", async ({ page }) => {
  await signIn(page, DEMO.operator("dinkes"));
  await page.goto("/linimasa");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Lewati ke konten utama" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
});
