import { expect, test } from "./fixtures";
import { DEMO, signIn } from "./helpers";

test("an admin filters the overview to units not ready for WBK and opens one unit's scorecard", async ({ page }) => {
  await signIn(page, DEMO.admin);
  await page.getByRole("navigation", { name: "Navigasi utama" }).getByRole("link", { name: "Ikhtisar Unit" }).click();
  await expect(page.getByRole("heading", { name: "Ikhtisar Unit" })).toBeVisible();

  const table = page.getByTestId("overview-table");
  const rows = table.getByTestId("overview-row");
  const proposed = Number(await page.getByTestId("summary-proposed").textContent());
  const readyWbk = Number(await page.getByTestId("summary-ready-wbk").textContent());
  await expect(rows).toHaveCount(14);
  expect(proposed).toBe(11);

  await page.getByLabel("Kesiapan").selectOption({ label: "Belum siap WBK" });
  await expect(rows).toHaveCount(proposed - readyWbk);
  for (const row of await rows.all()) {
    await expect(row.getByText("Belum siap")).toBeVisible();
  }
  await expect(page.getByTestId("overview-count")).toHaveText(`Menampilkan ${proposed - readyWbk} dari 14 unit`);

  // Narrow further by type and search; then drill into the unit.
  await page.getByLabel("Jenis unit").selectOption({ label: "Dinas" });
  await page.getByLabel("Cari unit").fill("kesehatan");
  await expect(rows).toHaveCount(1);
  // The filters are kept in the address: a reload (or a shared link) shows the same list.
  await expect(page).toHaveURL(/kesiapan=BELUM/);
  await expect(page).toHaveURL(/jenis=DINAS/);
  await expect(page).toHaveURL(/q=kesehatan/);
  await page.reload();
  await expect(rows).toHaveCount(1);
  await expect(page.getByLabel("Kesiapan")).toHaveValue("BELUM");
  await expect(page.getByLabel("Cari unit")).toHaveValue("kesehatan");
  const link = rows.first().getByRole("link");
  const name = (await link.textContent())!.trim();
  expect(name).toBe("Dinas Kesehatan");
  await link.click();
  await expect(page).toHaveURL(/\/rapor\//);
  await expect(page.getByTestId("scorecard-unit")).toHaveText(name);
  await expect(page.getByTestId("verdict-WBK")).toHaveAttribute("data-eligible", "false");
  await expect(page.getByTestId("gap-WBK").getByTestId("gap-step").first()).toBeVisible();
});

test("the overview sorts by total and the summary cards open the filtered list", async ({ page }) => {
  await signIn(page, DEMO.pimpinan);
  await page.goto("/ikhtisar");
  const totals = page.getByTestId("overview-table").getByTestId("row-total");
  const values = async () =>
    (await totals.allTextContents()).filter((t) => t.trim() !== "—").map((t) => Number(t.replace(",", ".")));
  // Highest first on the first click, lowest first on the second; units without an LKE stay last.
  await page.getByRole("button", { name: "Total" }).click();
  await expect(page.getByRole("columnheader", { name: "Total" })).toHaveAttribute("aria-sort", "descending");
  const desc = await values();
  expect(desc.length).toBe(11);
  expect(desc).toEqual([...desc].sort((a, b) => b - a));
  await page.getByRole("button", { name: "Total" }).click();
  await expect(page.getByRole("columnheader", { name: "Total" })).toHaveAttribute("aria-sort", "ascending");
  expect(await values()).toEqual([...desc].reverse());
  await expect(page.getByTestId("overview-table").getByTestId("overview-row").last()).toContainText("Tanpa LKE");

  const readyWbbm = Number(await page.getByTestId("summary-ready-wbbm").textContent());
  await page.getByTestId("summary-ready-wbbm").click();
  await expect(page).toHaveURL(/kesiapan=WBBM/);
  await expect(page.getByTestId("overview-table").getByTestId("overview-row")).toHaveCount(readyWbbm);
});

test("the overview is refused with 403 to an OPD head", async ({ page }) => {
  await signIn(page, DEMO.kepala("dinkes"));
  const overview = await page.goto("/ikhtisar");
  expect(overview?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Akses ditolak" })).toBeVisible();
});

test("the TPI narrows the LKE list to one status, kept in the address", async ({ page }) => {
  await signIn(page, DEMO.tpi);
  await page.goto("/penilaian");
  const rows = page.locator("tbody tr");
  const all = await rows.count();
  expect(all).toBeGreaterThan(1);
  await page.getByLabel("Saring status LKE").selectOption({ label: "Final TPI, menunggu pimpinan" });
  await page.getByRole("button", { name: "Saring" }).click();
  await expect(page).toHaveURL(/\/penilaian\?status=FINALIZED$/);
  const filtered = await rows.count();
  expect(filtered).toBeGreaterThan(0);
  expect(filtered).toBeLessThan(all);
  for (let i = 0; i < filtered; i++) await expect(rows.nth(i)).toContainText("Final TPI, menunggu pimpinan");
  await page.reload();
  await expect(page.getByLabel("Saring status LKE")).toHaveValue("FINALIZED");
});
