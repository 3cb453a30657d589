import { expect, test } from "./fixtures";
import { DEMO, signIn } from "./helpers";

// Each role is refused at least one page that is not theirs (HTTP 403 with an Indonesian message).
for (const [who, identifier, path] of [
  ["OPERATOR_OPD", DEMO.operator("dinkes"), "/admin/unit"],
  ["KEPALA_OPD", DEMO.kepala("dinkes"), "/admin/pengguna"],
  ["TPI", DEMO.tpi, "/admin/periode"],
  ["PIMPINAN", DEMO.pimpinan, "/admin/audit"],
] as const) {
  test(`${who} is refused ${path}`, async ({ page }) => {
    await signIn(page, identifier);
    const response = await page.goto(path);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Akses ditolak" })).toBeVisible();
    // The page's own navigation does not offer the link either.
    await expect(
      page.getByRole("navigation", { name: "Navigasi utama" }).getByRole("link", { name: "Unit Kerja" }),
    ).toHaveCount(0);
  });
}
