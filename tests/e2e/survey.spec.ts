import { expect, findA11yViolations, formatA11yFindings, test } from "./fixtures";
import { baseURL } from "../../playwright.config";
import { DEMO, signIn } from "./helpers";

// A phone: the survey link is opened from a QR code in the service room.
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
test.use(PHONE);

test("a round is opened, answered on a phone from its link (once per device), and the operator takes the index into the LKE", async ({
  page,
  browser,
}) => {
  await signIn(page, DEMO.operator("dishub"));
  await page.goto("/hasil-survei");
  await page.getByLabel("Judul (opsional)").fill("Triwulan uji e2e");
  await page.getByRole("button", { name: "Buka putaran survei" }).click();
  await expect(page.getByRole("heading", { name: "Survei Triwulan uji e2e" })).toBeVisible();
  const link = (await page.getByTestId("public-link").innerText()).trim();
  const path = new URL(link).pathname;
  expect(path).toMatch(/^\/survei\/[\w-]+$/);

  // The respondent: no account, another browser.
  const phone = await browser.newContext({ ...PHONE, baseURL, locale: "id-ID" });
  const respondent = await phone.newPage();
  await respondent.goto(path);
  await expect(respondent.getByRole("heading", { name: "Survei Layanan Dinas Perhubungan" })).toBeVisible();
  expect(formatA11yFindings(await findA11yViolations(respondent))).toBe("");
  const groups = respondent.getByRole("group");
  await expect(groups).toHaveCount(13);
  for (let i = 0; i < 13; i++)
    await groups
      .nth(i)
      .getByRole("radio")
      .nth(i % 2 === 0 ? 3 : 2)
      .check();
  await respondent.getByLabel("Kelompok usia").selectOption("30–39");
  await respondent.getByRole("button", { name: "Kirim jawaban" }).click();
  await expect(respondent.getByRole("heading", { name: "Terima kasih" })).toBeVisible();

  // The same phone again: refused.
  await respondent.goto(path);
  for (let i = 0; i < 13; i++) await groups.nth(i).getByRole("radio").nth(0).check();
  await respondent.getByRole("button", { name: "Kirim jawaban" }).click();
  // Next's route announcer is an alert too: pick the message by its text.
  await expect(respondent.getByRole("alert").filter({ hasText: "Perangkat ini sudah mengisi survei" })).toBeVisible();
  await phone.close();

  // The operator sees one response and the warning under 30 respondents.
  await page.reload();
  await expect(page.getByTestId("n-SPAK")).toHaveText("1");
  await expect(page.getByTestId("warning-SPKP")).toBeVisible();
  // The year's report, linked from the round's results.
  const report = await page.getByRole("link", { name: "Laporan survei (PDF)" }).getAttribute("href");
  const pdf = await page.request.get(report!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");

  // Into the LKE: SPAK items 1,3,5 answered 4 and 2,4 answered 3 → 3.6; SPKP alternating from element 6 → 3.5.
  await page.goto("/penilaian");
  await page
    .getByRole("link", { name: /Dinas Perhubungan/ })
    .first()
    .click();
  await page
    .getByRole("link", { name: /Komponen hasil/i })
    .first()
    .click();
  const offer = page.getByTestId("survey-offer-SELF");
  await expect(offer).toContainText("IPAK 3,60 (n = 1, 1 putaran)");
  await expect(offer).toContainText("IPKP 3,50 (n = 1, 1 putaran)");
  await offer.getByRole("button", { name: "Ambil IPAK/IPKP dari survei" }).click();
  await expect(page.getByText("Nilai komponen hasil disimpan.")).toBeVisible();
  await expect(page.getByLabel("IPAK (indeks persepsi antikorupsi)")).toHaveValue("3,60");
  await expect(page.getByText(/Dari survei \d{4}: n = 1, 1 putaran/).first()).toBeVisible();
});
