import { expect, test, type Page } from "./fixtures";
import { DEMO, signIn, signOut } from "./helpers";

/** "88,73" → 88.73 */
const num = (text: string | null) => Number((text ?? "").trim().replace(",", "."));
const SCORE = /^\d{1,3},\d{2}$/;

/** The scorecard links of the overview, by unit short name (as an admin sees them). */
async function scorecardLinks(page: Page): Promise<Record<string, string>> {
  await page.goto("/ikhtisar");
  const rows = page.getByTestId("overview-table").getByTestId("overview-row");
  await expect(rows.first()).toBeVisible();
  const links: Record<string, string> = {};
  for (const row of await rows.all()) {
    links[(await row.getAttribute("data-unit"))!] = (await row.getByRole("link").first().getAttribute("href"))!;
  }
  return links;
}

test("a head reads the unit's scorecard: well-formed engine numbers that add up and match the overview", async ({
  page,
}) => {
  await signIn(page, DEMO.admin);
  const links = await scorecardLinks(page);
  const overviewTotal = (await page
    .locator('[data-testid="overview-row"][data-unit="Disdukcapil"]')
    .getByTestId("row-total")
    .textContent())!.trim();
  await signOut(page);

  await signIn(page, DEMO.kepala("disdukcapil"));
  const homeTotal = (await page.getByTestId("home-total").textContent())!.trim();
  await page.getByRole("link", { name: "Rapor lengkap" }).click();
  await expect(page).toHaveURL(links.Disdukcapil);
  await expect(page.getByTestId("scorecard-unit")).toHaveText("Dinas Kependudukan dan Pencatatan Sipil");

  // The LKE is with the TPI, not finalised: the unit's own answers speak for it, and the page says so.
  await expect(page.getByTestId("scorecard-layer")).toHaveAttribute("data-layer", "SELF");
  await expect(page.getByTestId("scorecard-layer")).toContainText("penilaian mandiri");

  const total = (await page.getByTestId("scorecard-total").textContent())!.trim();
  const pengungkit = (await page.getByTestId("scorecard-pengungkit").textContent())!.trim();
  const hasil = (await page.getByTestId("scorecard-hasil").textContent())!.trim();
  for (const value of [total, pengungkit, hasil]) expect(value).toMatch(SCORE);
  expect(Math.abs(num(pengungkit) + num(hasil) - num(total))).toBeLessThanOrEqual(0.011);
  // The same engine number on the head's home, on the admin's overview and on the scorecard.
  expect(homeTotal).toBe(total);
  expect(overviewTotal).toBe(total);
  await expect(page.getByTestId("self-total")).toHaveText(total);

  // Area figures: % of weight matches score ÷ weight, and the areas add up to pengungkit.
  const areaTable = page.getByTestId("area-table");
  await areaTable.getByText("Lihat data tabel").click();
  const areaRows = areaTable.locator("tbody tr");
  await expect(areaRows).toHaveCount(6);
  let sum = 0;
  for (const row of await areaRows.all()) {
    const score = num(await row.getByTestId("area-score").textContent());
    const weight = num(await row.getByTestId("area-weight").textContent());
    const pct = num((await row.getByTestId("area-pct").textContent())!.replace("%", ""));
    expect(Math.abs((score / weight) * 100 - pct)).toBeLessThanOrEqual((0.01 / weight) * 100 + 0.01);
    sum += score;
  }
  expect(Math.abs(sum - num(pengungkit))).toBeLessThanOrEqual(0.04);

  // Verdicts in the engine's words; the WBBM path as instructions that open the LKE at the question.
  await expect(page.getByTestId("verdict-WBK")).toHaveAttribute("data-eligible", "true");
  const wbbm = page.getByTestId("verdict-WBBM");
  await expect(wbbm).toHaveAttribute("data-eligible", "false");
  await expect(wbbm.getByTestId("unmet-condition").first()).toHaveText(/di bawah \d+,\d{2}/);
  const step = page.getByTestId("gap-WBBM").getByTestId("gap-step").first();
  await expect(step).toContainText(
    /(Naikkan jawaban [A-Z0-9]+ dari .+ ke .+|Jawab [A-Z0-9]+ \(belum dijawab\) dengan .+): \+\d+,\d{2} poin/,
  );
  const code = (await step.getByRole("link").textContent())!
    .match(/jawaban ([A-Z0-9]+)|Jawab ([A-Z0-9]+)/)!
    .slice(1)
    .find(Boolean)!;
  await expect(step.getByRole("link")).toHaveAttribute("href", new RegExp(`^/penilaian/[^/?]+\\?q=${code}$`));

  // Printing hides the application shell and puts the letterhead with the print date on top.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByTestId("header-user")).toBeHidden();
  await expect(page.getByTestId("scorecard-total")).toBeVisible();
  await expect(page.getByTestId("print-kop")).toBeVisible();
  await expect(page.getByTestId("print-kop")).toContainText("Dinas Kependudukan dan Pencatatan Sipil");
  await expect(page.getByTestId("print-date")).toHaveText(/^Dicetak \d{1,2} \S+ \d{4}/);
  await page.emulateMedia({ media: "screen" });

  // Another unit's scorecard is refused.
  const response = await page.goto(links.Dinkes);
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Akses ditolak" })).toBeVisible();
});

test("a finalised LKE is shown with the TPI's numbers, and both layers side by side", async ({ page }) => {
  await signIn(page, DEMO.admin);
  const links = await scorecardLinks(page);
  const overviewTotal = (await page
    .locator('[data-testid="overview-row"][data-unit="RSUD"]')
    .getByTestId("row-total")
    .textContent())!.trim();
  await page.goto(links.RSUD);
  await expect(page.getByTestId("scorecard-layer")).toHaveAttribute("data-layer", "TPI");
  await expect(page.getByTestId("scorecard-total")).toHaveText(overviewTotal);
  await expect(page.getByTestId("tpi-total")).toHaveText(overviewTotal);
  await expect(page.getByTestId("self-total")).toHaveText(SCORE);

  // A unit the TPI has not reviewed yet says so instead of showing zeros.
  await page.goto(links.Dinkes);
  await expect(page.getByTestId("tpi-total")).toHaveText("belum direviu");
});
