import { expect, test } from "./fixtures";
import { DEMO, signIn } from "./helpers";

test.describe("admin screens", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, DEMO.admin);
  });

  test("creating a unit: bad input is explained and writes nothing, good input appears in the list", async ({
    page,
  }) => {
    await page.goto("/admin/unit");
    const rowsBefore = await page.locator("tbody tr").count();
    await page.getByRole("link", { name: "Tambah unit" }).click();
    await page.getByLabel("Nama unit").fill("Di");
    await page.getByLabel("Singkatan").fill("Disdukcapil");
    await page.getByLabel("NIP kepala unit").fill("12345");
    await page.getByLabel("Unit diusulkan membangun Zona Integritas").check();
    await page.getByRole("button", { name: "Simpan" }).click();
    await expect(page.getByText("Nama unit minimal 3 karakter")).toBeVisible();
    await expect(page.getByText(/NIP kepala unit tidak sah/)).toBeVisible();
    await expect(page.getByText("Unit yang diusulkan ZI harus memenuhi minimal satu kriteria pemilihan")).toBeVisible();

    // Fix the client-side errors; the server still refuses the duplicate short name.
    await page.getByLabel("Nama unit").fill("Dinas Sosial");
    await page.getByLabel("NIP kepala unit").fill("197801012003121002");
    await page.getByLabel("Penyelenggara pelayanan publik strategis").check();
    await page.getByRole("button", { name: "Simpan" }).click();
    await expect(page.getByText("Sudah dipakai oleh Dinas Kependudukan dan Pencatatan Sipil")).toBeVisible();
    await page.goto("/admin/unit");
    await expect(page.locator("tbody tr")).toHaveCount(rowsBefore);

    await page.getByRole("link", { name: "Tambah unit" }).click();
    await page.getByLabel("Nama unit").fill("Dinas Sosial");
    await page.getByLabel("Singkatan").fill("Dinsos");
    await page.getByLabel("Jenis unit").selectOption("DINAS");
    await page.getByLabel("Nama kepala unit").fill("Hj. Nani Suryani, S.Sos.");
    await page.getByLabel("NIP kepala unit").fill("197801012003122002");
    await page.getByLabel("Unit diusulkan membangun Zona Integritas").check();
    await page.getByLabel("Penyelenggara pelayanan publik strategis").check();
    await page.getByRole("button", { name: "Simpan" }).click();
    await expect(page).toHaveURL(/\/admin\/unit$/);
    const row = page.locator("tbody tr", { hasText: "Dinas Sosial" });
    await expect(row).toContainText("Dinsos");
    await expect(row).toContainText("Diusulkan");

    // Deactivate it: it leaves the default list and shows under "nonaktif".
    await row.getByRole("link", { name: "Ubah Dinas Sosial" }).click();
    page.once("dialog", (d) => d.accept());
    await page.getByRole("button", { name: "Nonaktifkan unit" }).click();
    await expect(page.getByRole("button", { name: "Aktifkan kembali" })).toBeVisible();
    await page.goto("/admin/unit");
    await expect(page.locator("tbody tr", { hasText: "Dinas Sosial" })).toHaveCount(0);
    await page.getByRole("link", { name: "Tampilkan juga unit nonaktif" }).click();
    await expect(page.locator("tbody tr", { hasText: "Dinas Sosial" })).toContainText("nonaktif");
  });

  test("creating a TPI user assigned to two units, then resetting the password", async ({ page }) => {
    await page.goto("/admin/pengguna/baru");
    await page.getByLabel("Nama lengkap (dengan gelar)").fill("Wawan Gunawan, S.E.");
    await page.getByLabel("NIP").fill("198705052010011003");
    await page.getByLabel("Email dinas").fill("wawan.gunawan@contoh.go.id");
    await page.getByLabel("Kata sandi awal").fill("pendek");
    await page.getByLabel("Tim Penilai Internal").check();
    await page.getByRole("button", { name: "Simpan" }).click();
    await expect(page.getByText("Kata sandi minimal 10 karakter")).toBeVisible();
    await expect(page.getByText("TPI harus ditugaskan ke minimal satu unit")).toBeVisible();

    await page.getByLabel("Kata sandi awal").fill("SandiAwal2026");
    await page.getByLabel("Dinas Kesehatan").check();
    await page.getByLabel("Dinas Perhubungan").check();
    await page.getByLabel("Unit kerja (opsional)").selectOption({ label: "Inspektorat Daerah" });
    await page.getByRole("button", { name: "Simpan" }).click();
    await expect(page).toHaveURL(/\/admin\/pengguna$/);
    const row = page.locator("tbody tr", { hasText: "Wawan Gunawan" });
    await expect(row).toContainText("Tim Penilai Internal");
    await expect(row).toContainText("Dinkes, Dishub");

    await row.getByRole("link", { name: "Ubah Wawan Gunawan, S.E." }).click();
    await page.getByLabel("Kata sandi baru").fill("SandiBaru20261");
    await page.getByRole("button", { name: "Ganti kata sandi" }).click();
    await expect(page.getByText("Kata sandi diganti")).toBeVisible();

    await page.goto("/admin/audit?entitas=User");
    await expect(page.getByText("user.resetPassword").first()).toBeVisible();
    await expect(page.getByText("user.create").first()).toBeVisible();
  });

  test("editing the stage windows of a period", async ({ page }) => {
    const year = new Date().getFullYear();
    await page.goto("/admin/periode");
    await page.getByRole("link", { name: `Ubah jadwal ${year}` }).click();
    await page.getByLabel("Mulai").nth(1).fill(`${year}-02-15`);
    await page.getByRole("button", { name: "Simpan jadwal" }).click();
    await expect(page.getByText("Pembinaan harus dimulai setelah Pengusulan selesai")).toBeVisible();
    await page.getByLabel("Mulai").nth(1).fill(`${year}-03-02`);
    await page.getByRole("button", { name: "Simpan jadwal" }).click();
    await expect(page.getByText(`Jadwal periode ${year} disimpan.`)).toBeVisible();
    await page.goto("/admin/periode");
    await expect(page.locator("tbody tr", { hasText: String(year) }).first()).toContainText("2 Mar");
  });
});
