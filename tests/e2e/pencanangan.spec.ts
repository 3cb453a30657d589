import { pdf } from "../fixtures/evidence-files";
import { expect, test } from "./fixtures";
import { DEMO, signIn } from "./helpers";

// The e2e server pins today to <year>-10-15.
const year = new Date().getFullYear();

test("an admin records a pencanangan for two units and both show as declared", async ({ page }) => {
  await signIn(page, DEMO.admin);
  await page.goto("/pencanangan");
  const status = page.getByTestId("status-pencanangan");
  const mekarsari = status.locator("tbody tr", { hasText: "UPTD Puskesmas Mekarsari" });
  const dinkes = status.locator("tbody tr", { hasText: "Dinas Kesehatan" });
  await expect(mekarsari).toContainText("Belum mencanangkan");
  await expect(dinkes).toContainText("Sudah mencanangkan");
  await expect(dinkes).toContainText(`12 Maret ${year - 1}`);
  await expect(status).toContainText("10 dari 11 unit yang diusulkan membangun ZI sudah mencanangkan.");

  await page.getByRole("link", { name: "Catat pencanangan" }).click();
  await expect(page).toHaveURL(/\/pencanangan\/baru$/);

  // An empty form is explained field by field and writes nothing.
  await page.getByRole("button", { name: "Simpan" }).click();
  await expect(page.getByText("Tanggal pencanangan wajib diisi")).toBeVisible();
  await expect(page.getByText("Tempat minimal 3 karakter")).toBeVisible();
  await expect(page.getByText("Pilih minimal satu unit yang mencanangkan")).toBeVisible();
  await expect(page.getByText("Jumlah penanda tangan pakta integritas minimal 1")).toBeVisible();

  await page
    .getByLabel("Judul kegiatan")
    .fill("Pencanangan Zona Integritas dan Penandatanganan Pakta Integritas Tahap III");
  await page.getByLabel("Tanggal", { exact: true }).fill(`${year}-09-18`);
  await page.getByLabel("Jumlah penanda tangan pakta integritas").fill("124");
  await page.getByLabel("Tempat", { exact: true }).fill("Aula Dinas Kesehatan Kabupaten Contoh");
  await page.getByLabel("UPTD Puskesmas Mekarsari").check();
  await page.getByLabel("Dinas Kesehatan", { exact: true }).check();

  // Witness rows: add three, leave one without a name (refused), then remove it.
  for (let i = 0; i < 3; i++) await page.getByRole("button", { name: "Tambah saksi" }).click();
  await page.getByLabel("Instansi saksi 1").selectOption("OMBUDSMAN");
  await page.getByLabel("Nama saksi 1").fill("Kepala Perwakilan Ombudsman RI");
  await page.getByLabel("Instansi saksi 2").selectOption("POLRES");
  await page.getByLabel("Nama saksi 2").fill("Kapolres Contoh");
  await page.getByRole("button", { name: "Simpan" }).click();
  await expect(page.getByText("Nama saksi wajib diisi")).toBeVisible();
  await page.getByRole("button", { name: "Hapus saksi 3" }).click();
  await expect(page.getByLabel("Nama saksi 3")).toHaveCount(0);
  await page.getByRole("button", { name: "Simpan" }).click();

  await expect(page).toHaveURL(/\/pencanangan\/(?!baru)[^/]+$/);
  await expect(
    page.getByRole("heading", { name: "Pencanangan Zona Integritas dan Penandatanganan Pakta Integritas Tahap III" }),
  ).toBeVisible();
  await expect(page.getByText(`18 September ${year}`).first()).toBeVisible();
  await expect(page.getByText("124 orang")).toBeVisible();
  await expect(page.getByRole("cell", { name: "Kapolres Contoh" })).toBeVisible();
  await expect(page.getByText("Belum ada berkas.")).toBeVisible();
  // Documents and photos of the event are evidence, served only through the app.
  await page.getByLabel("Unggah dokumen atau foto pencanangan").setInputFiles({
    name: "Pakta integritas ditandatangani.pdf",
    mimeType: "application/pdf",
    buffer: pdf("Pakta integritas"),
  });
  const doc = page.getByRole("link", { name: "Pakta integritas ditandatangani.pdf" });
  await expect(doc).toBeVisible();
  expect((await page.request.get((await doc.getAttribute("href"))!)).status()).toBe(200);

  await page.getByRole("link", { name: "Pencanangan", exact: true }).first().click();
  await expect(page).toHaveURL(/\/pencanangan$/);
  for (const row of [mekarsari, dinkes]) {
    await expect(row).toContainText("Sudah mencanangkan");
    await expect(row).toContainText(`18 September ${year}`);
    await expect(row).not.toContainText("Belum mencanangkan");
  }
  await expect(status.getByText("Belum mencanangkan")).toHaveCount(0);
  await expect(status).toContainText("11 dari 11 unit yang diusulkan membangun ZI sudah mencanangkan.");

  const event = page.locator("tbody tr", { hasText: "Tahap III" });
  await expect(event).toContainText("Dinkes");
  await expect(event).toContainText("PKM Mekarsari");
  await expect(event).toContainText("Ombudsman RI, Polres");
});

test("a unit head sees only the events their unit declared", async ({ page }) => {
  await signIn(page, DEMO.kepala("dindikbud"));
  await page.goto("/pencanangan");
  await expect(page.getByRole("link", { name: "Catat pencanangan" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /Tahap II$/ })).toBeVisible();
  await expect(page.getByRole("link", { name: "Pencanangan Pembangunan Zona Integritas menuju WBK/WBBM" })).toHaveCount(
    0,
  );
  const status = page.getByTestId("status-pencanangan");
  await expect(status.locator("tbody tr")).toHaveCount(1);
  await expect(status).toContainText("Dinas Pendidikan dan Kebudayaan");
  const response = await page.goto("/pencanangan/baru");
  expect(response?.status()).toBe(403);
});
