import { expect, test, type Browser, type Cookie, type Page } from "./fixtures";
import { baseURL } from "../../playwright.config";
import { DEMO, DEMO_PASSWORD, signIn, signOut } from "./helpers";

// Sessions that end, seen from a browser holding a copy of the cookie; a one-time password that
// must be replaced before anything else; the demo banner.

/** Opens the app with a copy of earlier cookies and tells whether they still sign the user in. */
async function cookieStillWorks(browser: Browser, cookies: Cookie[]): Promise<boolean> {
  const context = await browser.newContext({ baseURL });
  await context.addCookies(cookies);
  const page = await context.newPage();
  await page.goto("/");
  const signedIn = await page.getByTestId("header-user").isVisible();
  if (!signedIn) await expect(page.getByLabel("NIP atau email")).toBeVisible();
  await context.close();
  return signedIn;
}

async function openUserAsAdmin(page: Page, email: string) {
  await signIn(page, DEMO.admin);
  await page.goto(`/admin/pengguna?q=${encodeURIComponent(email)}`);
  await page
    .locator("tbody tr", { hasText: email })
    .getByRole("link", { name: /^Ubah / })
    .click();
  await page.waitForURL(/\/admin\/pengguna\/[a-z0-9]+$/);
}

test("every page shows the demo banner", async ({ page }) => {
  await page.goto("/masuk");
  await expect(page.getByTestId("demo-banner")).toHaveText("Mode demo — data contoh");
  await signIn(page, DEMO.kepala("dinkes"));
  await expect(page.getByTestId("demo-banner")).toBeVisible();
});

test("after sign-out a copy of the session cookie no longer works", async ({ page, browser }) => {
  await signIn(page, DEMO.kepala("dishub"));
  const cookies = await page.context().cookies();
  expect(await cookieStillWorks(browser, cookies)).toBe(true);
  await signOut(page);
  expect(await cookieStillWorks(browser, cookies)).toBe(false);
  // Evidence and API routes refuse it too.
  const context = await browser.newContext({ baseURL });
  await context.addCookies(cookies);
  expect((await context.request.get("/api/evidence/apa-saja", { failOnStatusCode: false })).status()).toBe(401);
  await context.close();
});

test("deactivating an account ends its session, and reactivating does not bring it back", async ({ page, browser }) => {
  const user = await browser.newContext({ baseURL });
  const userPage = await user.newPage();
  await signIn(userPage, DEMO.operator("cibeureum"));
  const cookies = await user.cookies();

  await openUserAsAdmin(page, DEMO.operator("cibeureum"));
  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "Nonaktifkan akun" }).click();
  await expect(page.getByRole("button", { name: "Aktifkan kembali" })).toBeVisible();
  expect(await cookieStillWorks(browser, cookies)).toBe(false);
  await page.getByRole("button", { name: "Aktifkan kembali" }).click();
  await expect(page.getByRole("button", { name: "Nonaktifkan akun" })).toBeVisible();
  expect(await cookieStillWorks(browser, cookies)).toBe(false);
  await userPage.reload();
  await expect(userPage.getByLabel("NIP atau email")).toBeVisible();
  await user.close();
});

test("a reset password signs in, but every page leads to changing it; the change ends older sessions", async ({
  page,
  browser,
}) => {
  const email = DEMO.operator("mekarsari");
  const before = await browser.newContext({ baseURL });
  const beforePage = await before.newPage();
  await signIn(beforePage, email);
  const oldCookies = await before.cookies();
  await before.close();

  await openUserAsAdmin(page, email);
  await page.getByLabel("Kata sandi baru").fill("SandiSementara2026");
  await page.getByRole("button", { name: "Ganti kata sandi" }).click();
  await expect(page.getByText("Kata sandi diganti")).toBeVisible();
  expect(await cookieStillWorks(browser, oldCookies)).toBe(false);

  const context = await browser.newContext({ baseURL });
  const user = await context.newPage();
  await user.goto("/masuk");
  await user.getByLabel("NIP atau email").fill(email);
  await user.getByLabel("Kata sandi").fill("SandiSementara2026");
  await user.getByRole("button", { name: "Masuk" }).click();
  await user.waitForURL(/\/kata-sandi$/);
  await expect(user.getByText("Anda masuk dengan kata sandi sekali pakai")).toBeVisible();
  for (const path of ["/", "/penilaian", "/linimasa"]) {
    await user.goto(path);
    await expect(user).toHaveURL(/\/kata-sandi$/);
  }

  await user.getByLabel("Kata sandi saat ini").fill("SandiSementara2026");
  await user.getByLabel("Kata sandi baru", { exact: true }).fill("password1234");
  await user.getByLabel("Ulangi kata sandi baru").fill("password1234");
  await user.getByRole("button", { name: "Simpan kata sandi baru" }).click();
  await expect(user.getByText("Kata sandi ini terlalu umum; pilih yang lebih sulit ditebak").first()).toBeVisible();

  await user.getByLabel("Kata sandi baru", { exact: true }).fill("Sawah-Hijau-Mekarsari-9");
  await user.getByLabel("Ulangi kata sandi baru").fill("Sawah-Hijau-Mekarsari-9");
  await user.getByRole("button", { name: "Simpan kata sandi baru" }).click();
  await user.waitForURL(`${baseURL}/`);
  await expect(user.getByTestId("header-user")).toBeVisible();
  await user.goto("/penilaian");
  await expect(user).toHaveURL(/\/penilaian$/);
  await context.close();

  // The one-time password no longer works; the new one does.
  const again = await browser.newPage({ baseURL });
  await again.goto("/masuk");
  await again.getByLabel("NIP atau email").fill(email);
  await again.getByLabel("Kata sandi").fill("SandiSementara2026");
  await again.getByRole("button", { name: "Masuk" }).click();
  await expect(again.getByText("NIP/email atau kata sandi salah.")).toBeVisible();
  await signIn(again, email, "Sawah-Hijau-Mekarsari-9");
  await again.close();
});

test("every user can change their own password from the header", async ({ page }) => {
  await signIn(page, DEMO.kepala("rsud"));
  await page.getByRole("link", { name: /Kata sandi/ }).click();
  await page.waitForURL(/\/kata-sandi$/);
  await expect(page.getByText("Anda masuk dengan kata sandi sekali pakai")).toHaveCount(0);
  await page.getByLabel("Kata sandi saat ini").fill(DEMO_PASSWORD);
  await page.getByLabel("Kata sandi baru", { exact: true }).fill("kepala.rsud-2026x");
  await page.getByLabel("Ulangi kata sandi baru").fill("kepala.rsud-2026x");
  await page.getByRole("button", { name: "Simpan kata sandi baru" }).click();
  await expect(page.getByText("Kata sandi tidak boleh memuat email atau NIP Anda").first()).toBeVisible();
  await page.getByRole("link", { name: "Kembali ke beranda" }).click();
  await expect(page.getByTestId("header-user")).toBeVisible();
});
