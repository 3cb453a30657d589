import { expect, test } from "./fixtures";
import { DEMO, DEMO_PASSWORD, signIn, signOut } from "./helpers";

test.describe("sign-in and role homes", () => {
  for (const [identifier, role, label, name] of [
    [DEMO.admin, "ADMIN", "Admin (Bagian Organisasi)", "Siti Rahmawati, S.Sos."],
    [DEMO.pimpinan, "PIMPINAN", "Pimpinan", "Drs. H. Bambang Suryadi, M.Si."],
    ["198203152006042003", "TPI", "Tim Penilai Internal", "Rina Marlina, S.E., Ak."],
    [DEMO.kepala("disdukcapil"), "KEPALA_OPD", "Kepala OPD", "Hj. Euis Komalasari, S.H., M.Si."],
    [DEMO.operator("dinkes"), "OPERATOR_OPD", "Operator OPD", null],
  ] as const) {
    test(`${role} signs in with ${identifier.includes("@") ? "email" : "NIP"} and lands on its home`, async ({
      page,
    }) => {
      await signIn(page, identifier);
      await expect(page).toHaveURL(/\/$/);
      await expect(page.getByTestId(`home-${role}`)).toBeVisible();
      await expect(page.getByTestId("header-role")).toContainText(label);
      if (name) await expect(page.getByTestId("header-user")).toHaveText(name);
      await expect(page.getByLabel("Tahun periode aktif")).toHaveValue(String(new Date().getFullYear()));
      await signOut(page);
      await page.goto("/");
      await expect(page).toHaveURL(/\/masuk$/);
    });
  }

  test("anonymous visitors are sent to sign-in and come back after it", async ({ page }) => {
    await page.goto("/admin/unit");
    await expect(page).toHaveURL(/\/masuk\?callbackUrl=%2Fadmin%2Funit/);
    await page.getByLabel("NIP atau email").fill(DEMO.admin);
    await page.getByLabel("Kata sandi").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Masuk" }).click();
    await expect(page.getByRole("heading", { name: "Unit Kerja" })).toBeVisible();
  });

  test("every page names the app's icon, and the icon is served", async ({ page }) => {
    await page.goto("/masuk");
    const href = await page.locator('head link[rel="icon"]').first().getAttribute("href");
    expect(href).toMatch(/^\/icon\.svg/);
    const icon = await page.request.get(href!);
    expect(icon.status()).toBe(200);
    expect(icon.headers()["content-type"]).toContain("image/svg+xml");
  });

  test("an anonymous API request gets 401 and no data", async ({ request }) => {
    const res = await request.get("/api/evidence/anything");
    expect(res.status()).toBe(401);
  });

  test("a wrong password is refused in Indonesian, and the sixth try is rate-limited", async ({ page }) => {
    await page.goto("/masuk");
    const account = DEMO.operator("dindikbud");
    for (let i = 1; i <= 5; i++) {
      await page.getByLabel("NIP atau email").fill(account);
      await page.getByLabel("Kata sandi").fill(`salah-${i}-sandi`);
      await page.getByRole("button", { name: "Masuk" }).click();
      await expect(page.getByRole("alert").filter({ hasText: "NIP/email atau kata sandi salah." })).toBeVisible();
    }
    await page.getByLabel("Kata sandi").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Masuk" }).click();
    await expect(
      page.getByRole("alert").filter({ hasText: "Terlalu banyak percobaan masuk yang gagal untuk akun ini" }),
    ).toBeVisible();
    await expect(page).toHaveURL(/\/masuk/);
  });
});
