import { expect, test } from "./fixtures";
import { DEMO, signIn } from "./helpers";

const year = new Date().getFullYear();

const PRECONDITION = /Predikat WBBM mensyaratkan predikat WBK atau WBBM yang sudah diraih/;

test("an admin records a WBK penetapan and the table shows it; WBBM without WBK is refused", async ({ page }) => {
  await signIn(page, DEMO.admin);
  // This year's scorecard of Dindikbud names the missing WBK among the WBBM conditions.
  await page.goto("/ikhtisar");
  await page.getByRole("link", { name: "Dinas Pendidikan dan Kebudayaan" }).first().click();
  await page.waitForURL(/\/rapor\//);
  const scorecardUrl = page.url();
  await expect(page.getByText(PRECONDITION).first()).toBeVisible();

  await page.goto("/penetapan");
  const matrix = page.getByTestId("penetapan-matrix");
  // Columns: unit, then the last four years up to this one.
  const lastYearColumn = 3;
  await expect(matrix.locator("thead th").nth(lastYearColumn)).toHaveText(String(year - 1));
  const dindikbud = matrix.locator("tbody tr", { hasText: "Dinas Pendidikan dan Kebudayaan" });
  await expect(dindikbud.locator("td").nth(lastYearColumn)).not.toContainText("WBK");

  const form = page.locator("#catat");
  await form.getByLabel("Unit").selectOption({ label: "Dinas Pendidikan dan Kebudayaan" });
  await form.getByLabel("Tahun", { exact: true }).fill(String(year - 1));
  await form.getByLabel("Hasil").selectOption("WBK");
  await form.getByRole("button", { name: "Simpan penetapan" }).click();
  await expect(form.getByText("Nomor SK wajib diisi untuk predikat WBK/WBBM")).toBeVisible();
  await form.getByLabel("Nomor SK").fill(`B/512/M.SM.02.01/${year - 1}`);
  await form.getByLabel("Tanggal SK").fill(`${year - 1}-12-10`);
  await form.getByRole("button", { name: "Simpan penetapan" }).click();
  await expect(form.getByText("Hasil penetapan disimpan.")).toBeVisible();
  await expect(dindikbud.locator("td").nth(lastYearColumn)).toHaveText("WBK");

  // The WBK recorded for last year meets this year's WBBM precondition.
  await page.goto(scorecardUrl);
  await expect(page.getByRole("heading", { name: "Dinas Pendidikan dan Kebudayaan" })).toBeVisible();
  await expect(page.getByText(PRECONDITION)).toHaveCount(0);
  await page.goto("/penetapan");

  // The year view lists the decree.
  await page.getByLabel("Saring tahun").selectOption(String(year - 1));
  await page.getByRole("button", { name: "Tampilkan" }).click();
  const yearRow = page
    .getByTestId("penetapan-year")
    .locator("tbody tr", { hasText: "Dinas Pendidikan dan Kebudayaan" });
  await expect(yearRow).toContainText("WBK");
  await expect(yearRow).toContainText(`B/512/M.SM.02.01/${year - 1}`);
  await expect(yearRow).toContainText(`10 Desember ${year - 1}`);

  // WBBM for a unit that never held WBK is refused with the rule's message and changes nothing.
  await page.goto("/penetapan");
  await form.getByLabel("Unit").selectOption({ label: "UPTD Puskesmas Mekarsari" });
  await form.getByLabel("Tahun", { exact: true }).fill(String(year));
  await form.getByLabel("Hasil").selectOption("WBBM");
  await form.getByLabel("Nomor SK").fill(`B/600/M.SM.02.01/${year}`);
  await form.getByLabel("Tanggal SK").fill(`${year}-10-01`);
  await form.getByRole("button", { name: "Simpan penetapan" }).click();
  const message =
    "Predikat WBBM hanya dapat dicatat bagi unit yang telah memperoleh predikat WBK pada tahun sebelumnya.";
  await expect(form.getByRole("alert").filter({ hasText: message }).first()).toBeVisible();
  await page.reload();
  const mekarsari = matrix.locator("tbody tr", { hasText: "UPTD Puskesmas Mekarsari" });
  await expect(mekarsari).not.toContainText("WBBM");
});

test("a unit head reads their own results and cannot record", async ({ page }) => {
  await signIn(page, DEMO.kepala("disdukcapil"));
  await page.goto("/penetapan");
  const rows = page.getByTestId("penetapan-matrix").locator("tbody tr");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("WBBM");
  await expect(page.locator("#catat")).toHaveCount(0);
});
