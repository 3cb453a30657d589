import { expect, findA11yViolations, formatA11yFindings, test } from "./fixtures";
import { baseURL } from "../../playwright.config";
import { pdf } from "../fixtures/evidence-files";
import { DEMO, signIn } from "./helpers";

// A phone: people reach the complaint form and the unit's page from a link or a QR code.
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
test.use(PHONE);

test("a complaint is filed from a phone, looked up by its code, and settled by the unit", async ({ page, browser }) => {
  const phone = await browser.newContext({ ...PHONE, baseURL, locale: "id-ID" });
  const citizen = await phone.newPage();
  await citizen.goto("/publik/dinkes/pengaduan");
  await expect(citizen.getByRole("heading", { name: "Pengaduan untuk Dinas Kesehatan" })).toBeVisible();
  // This context is not the fixture's page: axe runs here by hand.
  expect(formatA11yFindings(await findA11yViolations(citizen))).toBe("");
  await citizen.getByLabel("Pokok pengaduan").fill("Obat di apotek puskesmas sering kosong");
  await citizen
    .getByLabel("Uraian pengaduan")
    .fill("Sudah tiga kali dalam sebulan saya diminta membeli obat di luar karena stok kosong.");
  await citizen
    .getByLabel(/^Lampiran/)
    .setInputFiles({ name: "resep.pdf", mimeType: "application/pdf", buffer: pdf("Resep") });
  await citizen.getByRole("button", { name: "Kirim pengaduan" }).click();
  await expect(citizen.getByTestId("pengaduan-terkirim")).toBeVisible();
  const code = (await citizen.getByTestId("kode-pelacakan").innerText()).trim();
  expect(code).toMatch(/^ADU-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

  // Later, typed by hand: lower case, no dashes.
  await citizen.goto("/publik/lacak");
  await citizen.getByLabel("Kode pelacakan").fill(code.toLowerCase().replace(/-/g, ""));
  await citizen.getByRole("button", { name: "Lacak" }).click();
  await expect(citizen.getByTestId("status-pengaduan")).toContainText("Diterima");
  expect(formatA11yFindings(await findA11yViolations(citizen))).toBe("");

  // The unit triages it in the app.
  await signIn(page, DEMO.operator("dinkes"));
  await page.goto("/pengaduan");
  await page.getByRole("link", { name: code }).click();
  await expect(page.getByRole("link", { name: "resep.pdf" })).toBeVisible();
  await page.getByRole("button", { name: "Simpan" }).click();
  await expect(page.getByTestId("status-internal")).toHaveText("Diproses");
  await page.getByLabel("Tanggapan").fill("Stok obat sudah dipenuhi dan petugas apotek diberi pembinaan.");
  await page.getByRole("button", { name: "Simpan" }).click();
  await expect(page.getByTestId("status-internal")).toHaveText("Selesai");

  await citizen.reload();
  await expect(citizen.getByTestId("status-pengaduan")).toContainText("Selesai");
  await expect(citizen.getByTestId("hasil-lacak")).toContainText("Stok obat sudah dipenuhi");
  await phone.close();
});

test("the unit's public page shows its ZI status and statistics and nothing internal", async ({ page }) => {
  await page.goto("/publik/disdukcapil");
  await expect(page.getByRole("heading", { name: "Dinas Kependudukan dan Pencatatan Sipil" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Status Zona Integritas" })).toBeVisible();
  await expect(page.getByText("WBBM").first()).toBeVisible();
  await expect(page.getByTestId("statistik-pengaduan")).toBeVisible();
  await expect(page.getByRole("link", { name: "Sampaikan pengaduan" })).toHaveAttribute(
    "href",
    "/publik/disdukcapil/pengaduan",
  );

  // No evidence links, no LKE pages, no question codes or answers.
  await expect(page.locator('a[href*="/api/evidence"], a[href*="/bukti"], a[href*="/penilaian"]')).toHaveCount(0);
  const text = await page.getByTestId("halaman-publik").innerText();
  expect(text).not.toMatch(/\b(P[PR][A-F]\d[A-Z]|HB[A-Z])\b/);
  expect(text).not.toMatch(/\bcatatan\b|bukti dukung|penilaian mandiri|\.pdf\b/i);
  // Staff beyond the unit head stay out: the demo operator's account name is not on the page.
  expect(text).not.toContain("contoh.go.id");
});
