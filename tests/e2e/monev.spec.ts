import { expect, test } from "./fixtures";
import { DEMO, signIn } from "./helpers";

// The e2e server pins today to <year>-10-15, so a target date in August is past.
const year = new Date().getFullYear();

test("an operator adds a late rencana aksi, sees it flagged, marks it done and the flag disappears", async ({
  page,
}) => {
  await signIn(page, DEMO.operator("dishub"));
  await page.goto("/monev");
  // Only their own unit.
  await expect(page.getByTestId("monev-summary").locator("tbody tr")).toHaveCount(1);
  await expect(page.getByTestId("monev-summary")).toContainText("Dinas Perhubungan");

  await page.getByRole("link", { name: "Tambah rencana aksi" }).click();
  await expect(page.getByLabel("Unit")).toHaveValue(/.+/);
  await page.getByLabel("Area").selectOption({ label: "Penguatan Pengawasan" });
  await page.getByLabel("Kegiatan").fill("SOP");
  await page.getByLabel("Tanggal target").fill(`${year + 1}-01-15`);
  await page.getByLabel("Penanggung jawab").fill("Kasubbag Umum dan Kepegawaian");
  await page.getByRole("button", { name: "Simpan" }).click();
  await expect(page.getByText("Kegiatan minimal 5 karakter")).toBeVisible();

  const activity = "Pemetaan risiko gratifikasi pada layanan pengujian kendaraan bermotor";
  await page.getByLabel("Kegiatan").fill(activity);
  await page.getByRole("button", { name: "Simpan" }).click();
  // The year rule is checked on the server against the period.
  await expect(page.getByText(`Pilih tanggal di tahun ${year}`)).toBeVisible();
  await page.getByLabel("Tanggal target").fill(`${year}-08-31`);
  await page.getByRole("button", { name: "Simpan" }).click();
  await expect(page).toHaveURL(/\/monev$/);

  const item = page.getByTestId("rencana-aksi").filter({ hasText: activity });
  await expect(item).toContainText("Penguatan Pengawasan");
  await expect(item).toContainText(`31 Agustus ${year}`);
  await expect(item).toContainText("Terlambat");
  const lateBefore = Number((await page.getByTestId("monev-summary").locator("tbody tr td").nth(3).innerText()).trim());

  await item.getByLabel(`Status: ${activity}`).selectOption("SELESAI");
  await expect(item).not.toContainText("Terlambat");
  await expect(page.getByTestId("monev-summary").locator("tbody tr td").nth(3)).toHaveText(String(lateBefore - 1));
  await page.reload();
  await expect(item.getByLabel(`Status: ${activity}`)).toHaveValue("SELESAI");
  await expect(item).not.toContainText("Terlambat");

  // The late filter no longer lists it.
  await page.getByLabel("Saring status").selectOption("terlambat");
  await page.getByRole("button", { name: "Saring" }).click();
  await expect(page.getByTestId("rencana-aksi").filter({ hasText: activity })).toHaveCount(0);
});

test("PIMPINAN reads every unit's monev without edit controls", async ({ page }) => {
  await signIn(page, DEMO.pimpinan);
  await page.goto("/monev");
  await expect(page.getByTestId("monev-summary").locator("tbody tr")).toHaveCount(11);
  await expect(page.getByRole("link", { name: "Tambah rencana aksi" })).toHaveCount(0);
  await page.getByTestId("monev-summary").getByRole("link", { name: "Dinas Kesehatan" }).click();
  await expect(page.getByTestId("rencana-aksi").first()).toBeVisible();
  await expect(page.getByRole("combobox", { name: /^Status:/ })).toHaveCount(0);
});
