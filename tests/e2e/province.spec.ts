import { expect, test } from "./fixtures";
import { DEMO, signIn } from "./helpers";

test("SUPERADMIN: the roll-up across instansi, a read-only look inside one, and a new instansi with its admin", async ({
  page,
}) => {
  await signIn(page, DEMO.superadmin);
  // The province's home is the roll-up; nothing of an instansi's own menus is offered.
  await expect(page).toHaveURL(/\/provinsi$/);
  await expect(page.getByRole("heading", { name: "Rekap Provinsi" })).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Navigasi utama" }).first();
  await expect(nav.getByRole("link", { name: "Ikhtisar Unit" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Penilaian LKE" })).toHaveCount(0);

  const demo = page.getByTestId("rollup-row").filter({ hasText: "Pemerintah Kabupaten Contoh" });
  await expect(demo).toHaveCount(1);
  // 14 active units, 11 with an LKE this year (the demo's figures, as its own overview shows them).
  await expect(demo.locator("td").nth(1)).toHaveText("14");
  await expect(demo.locator("td").nth(2)).toHaveText("11");
  await expect(page.getByTestId("rollup-totals").locator("td").nth(2)).toHaveText("11");
  await expect(page.getByTestId("rollup-areas")).toContainText("Manajemen Perubahan");

  // Inside one instansi: the overview's figures, read-only (unit names are not links into its LKEs).
  await demo.getByRole("link", { name: "Pemerintah Kabupaten Contoh" }).click();
  await expect(page.getByRole("heading", { name: "Pemerintah Kabupaten Contoh" })).toBeVisible();
  await expect(page.getByText(/Hanya baca/).first()).toBeVisible();
  await expect(page.getByTestId("summary-proposed")).toHaveText("11");
  const table = page.getByRole("table").filter({ hasText: "Dinas Kesehatan" });
  await expect(table).toBeVisible();
  await expect(page.locator('main a[href^="/rapor/"]')).toHaveCount(0);
  // Nor can it open an instansi page by address.
  const direct = await page.goto("/ikhtisar");
  expect(direct?.status()).toBe(403);

  // A new instansi: a bad email is explained; a good one gives the admin's one-time password once.
  await page.goto("/provinsi");
  await page.getByRole("link", { name: "Tambah instansi" }).click();
  await page.getByLabel("Nama instansi").fill("Pemerintah Kota Sukamulya");
  await page.getByLabel("Email admin pertama").fill("bukan-email");
  await page.getByRole("button", { name: "Buat instansi" }).click();
  await expect(page.getByText("Alamat email tidak sah")).toBeVisible();
  await page.getByLabel("Email admin pertama").fill("admin@sukamulya.go.id");
  await page.getByRole("button", { name: "Buat instansi" }).click();
  await expect(page.getByTestId("one-time-password")).toHaveText(/^[A-Za-z2-9]{16}$/);
  await page.screenshot({ path: test.info().outputPath("instansi-baru.png"), fullPage: true });

  await page.getByRole("link", { name: "Kembali ke rekap" }).click();
  const created = page.getByTestId("rollup-row").filter({ hasText: "Pemerintah Kota Sukamulya" });
  await expect(created.locator("td").nth(1)).toHaveText("0");
  await expect(created.locator("td").nth(2)).toHaveText("0");

  await page.setViewportSize({ width: 375, height: 800 });
  await page.reload();
  await page.screenshot({ path: test.info().outputPath("provinsi-375.png"), fullPage: true });
});
