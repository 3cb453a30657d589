import { expect, test } from "./fixtures";
import { DEMO, signIn } from "./helpers";

test("ADMIN creates a PortalRB token, sees it once, and PortalRB can call with it", async ({ page }) => {
  await signIn(page, DEMO.admin);
  await page.goto("/admin/instansi");
  await page.getByLabel("Nama token").fill("PortalRB e2e");
  await page.getByRole("button", { name: "Buat token" }).click();
  const shown = page.getByTestId("new-api-token");
  await expect(shown).toHaveText(/^zi_prb_/);
  const token = (await shown.textContent())!.trim();

  const res = await page.request.get("/api/portalrb/pengusulan/unit-wbk", { headers: { authorization: `Bearer ${token}` } });
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body.units.map((u: { id: string }) => u.id)).toContain("PKM Sukamaju");
  const bad = await page.request.get("/api/portalrb/pengusulan/unit-wbk", { headers: { authorization: "Bearer zi_prb_wrong" } });
  expect(bad.status()).toBe(401);
  expect(await bad.json()).toMatchObject({ error: true, code: "INVALID_TOKEN" });

  // Shown once: after a reload only the prefix remains, with the time of last use.
  await page.reload();
  await expect(page.getByTestId("new-api-token")).toHaveCount(0);
  await expect(page.getByText(token)).toHaveCount(0);
  const row = page.getByTestId("api-token-row").filter({ hasText: "PortalRB e2e" });
  await expect(row).toContainText(token.slice(0, 13));
  await expect(row).not.toContainText("Belum pernah");
});
