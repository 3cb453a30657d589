import { expect, test } from "./fixtures";
import { DEMO, signIn, signOut } from "./helpers";

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

test("an instansi's admin reaches none of another instansi's pages or downloads by address", async ({ page }) => {
  // What the demo instansi's admin can open: one detail page (and download) of each kind.
  await signIn(page, DEMO.admin);
  const detail =
    /^\/(rapor|penilaian|admin\/unit|admin\/pengguna|admin\/periode|pencanangan|pengaduan|monev|hasil-survei|api\/[a-z-]+)\/c[a-z0-9]{14,}/;
  const found = new Map<string, string>();
  for (const index of ["/ikhtisar", "/penilaian", "/admin/unit", "/admin/pengguna", "/admin/periode", "/pencanangan"]) {
    await page.goto(index);
    for (const href of await page
      .locator("main a[href^='/']")
      .evaluateAll((as) => as.map((a) => a.getAttribute("href")!)))
      if (detail.test(href) && !found.has(href.match(detail)![1])) found.set(href.match(detail)![1], href);
    if (index === "/penilaian") {
      const lke = found.get("penilaian")!;
      await page.goto(lke);
      for (const href of await page
        .locator("main a[href^='/api/']")
        .evaluateAll((as) => as.map((a) => a.getAttribute("href")!)))
        if (!found.has(href.split("?")[0])) found.set(href.split("?")[0], href);
    }
  }
  expect([...found.keys()]).toEqual(
    expect.arrayContaining(["rapor", "penilaian", "admin/unit", "admin/pengguna", "admin/periode", "pencanangan"]),
  );
  const targets = [...found.values()];
  for (const href of targets) expect((await page.request.get(href)).status(), href).toBe(200);

  // A second instansi with its admin, made by the province.
  await signOut(page);
  await signIn(page, DEMO.superadmin);
  await page.goto("/provinsi/instansi-baru");
  await page.getByLabel("Nama instansi").fill("Pemerintah Kota Lintas");
  await page.getByLabel("Email admin pertama").fill("admin@lintas.go.id");
  await page.getByRole("button", { name: "Buat instansi" }).click();
  const password = (await page.getByTestId("one-time-password").textContent())!.trim();
  await signOut(page);

  await page.goto("/masuk");
  await page.getByLabel("NIP atau email").fill("admin@lintas.go.id");
  await page.getByLabel("Kata sandi").fill(password);
  await page.getByRole("button", { name: "Masuk" }).click();
  await page.waitForURL(/\/kata-sandi$/);
  await page.getByLabel("Kata sandi saat ini").fill(password);
  await page.getByLabel("Kata sandi baru", { exact: true }).fill("Lintas-Instansi-2026!");
  await page.getByLabel("Ulangi kata sandi baru").fill("Lintas-Instansi-2026!");
  await page.getByRole("button", { name: "Simpan kata sandi baru" }).click();
  await page.waitForURL(/\/$/);

  // Every one of them is refused or not found, and shows none of the other instansi's data.
  for (const href of targets) {
    const response = await page.request.get(href);
    expect([403, 404], `${href} → ${response.status()}`).toContain(response.status());
    const body = await response.text();
    expect(body, href).not.toContain("Pemerintah Kabupaten Contoh");
    expect(body, href).not.toContain("Dinas Kesehatan");
  }
});
