import { expect, test } from "./fixtures";
import { DEMO, signIn } from "./helpers";

test("ADMIN creates a PortalRB token, sees it once, and PortalRB can call with it", async ({ page, browser }) => {
  await signIn(page, DEMO.admin);
  await page.goto("/admin/instansi");
  await page.getByLabel("Nama token").fill("PortalRB e2e");
  await page.getByRole("button", { name: "Buat token" }).click();
  const shown = page.getByTestId("new-api-token");
  await expect(shown).toHaveText(/^zi_prb_/);
  const token = (await shown.textContent())!.trim();

  const res = await page.request.get("/api/portalrb/pengusulan/unit-wbk", {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body.units.map((u: { id: string }) => u.id)).toContain("PKM Sukamaju");
  const bad = await page.request.get("/api/portalrb/pengusulan/unit-wbk", {
    headers: { authorization: "Bearer zi_prb_wrong" },
  });
  expect(bad.status()).toBe(401);
  expect(await bad.json()).toMatchObject({ error: true, code: "INVALID_TOKEN" });

  // The evidence link in an answer opens without an account.
  const lke = await (
    await page.request.get("/api/portalrb/lke/jawaban-unit/PKM%20Sukamaju", {
      headers: { authorization: `Bearer ${token}` },
    })
  ).json();
  const link: string = lke.answers.find(
    (a: { bukti_dukung_unit: string | null }) => a.bukti_dukung_unit,
  ).bukti_dukung_unit;
  const anonymous = await browser.newContext();
  const reviewer = await anonymous.newPage();
  await reviewer.goto(new URL(link).pathname);
  await expect(reviewer.getByTestId("public-evidence-unit")).toHaveText("UPTD Puskesmas Sukamaju");
  await anonymous.close();
  // The admin sees the API calls and the anonymous reading in the audit log.
  await page.goto("/admin/audit");
  await expect(page.locator("table").getByText("Permintaan API PortalRB").first()).toBeVisible();
  await expect(
    page.locator("table").getByText("Daftar bukti dukung dibuka lewat tautan PortalRB").first(),
  ).toBeVisible();

  // Shown once: back on the page, only the prefix remains, with the time of last use.
  await page.goto("/admin/instansi");
  await expect(page.getByTestId("new-api-token")).toHaveCount(0);
  await expect(page.getByText(token)).toHaveCount(0);
  const row = page.getByTestId("api-token-row").filter({ hasText: "PortalRB e2e" });
  await expect(row).toContainText(token.slice(0, 13));
  await expect(row).not.toContainText("Belum pernah");
});

test("TPI downloads the LHE of a finalised LKE as a PDF", async ({ page }) => {
  await signIn(page, DEMO.tpi);
  await page.goto("/penilaian");
  await page.locator("main").getByRole("link", { name: "Rumah Sakit Umum Daerah Kabupaten Contoh" }).first().click();
  await page.waitForURL(/\/penilaian\/[a-z0-9]+/);
  const link = page.getByTestId("lhe-download");
  await expect(link).toContainText("Tahap II - Final");
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toMatch(/^lhe-rumah-sakit-umum-daerah.*-tahap-2\.pdf$/);
  const bytes = await (await download.createReadStream()).toArray();
  expect(Buffer.concat(bytes).subarray(0, 5).toString()).toBe("%PDF-");

  const zip = await page.request.get(page.url().replace(/\/penilaian\/([a-z0-9]+).*$/, "/api/penilaian/$1/bukti.zip"));
  expect(zip.status()).toBe(200);
  expect(zip.headers()["content-type"]).toBe("application/zip");
});
