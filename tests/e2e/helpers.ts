import { expect, type Page } from "./fixtures";

export const DEMO_PASSWORD = "Integritas#2026";

export const DEMO = {
  superadmin: "provinsi@contoh.go.id",
  admin: "admin@contoh.go.id",
  pimpinan: "pimpinan@contoh.go.id",
  tpi: "tpi@contoh.go.id",
  tpi2: "tpi2@contoh.go.id",
  kepala: (unit: string) => `kepala.${unit}@contoh.go.id`,
  operator: (unit: string) => `operator.${unit}@contoh.go.id`,
};

export async function signIn(page: Page, identifier: string, password = DEMO_PASSWORD) {
  await page.goto("/masuk");
  await page.getByLabel("NIP atau email").fill(identifier);
  await page.getByLabel("Kata sandi").fill(password);
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page.getByTestId("header-user")).toBeVisible();
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Keluar" }).click();
  await expect(page).toHaveURL(/\/masuk/);
}
