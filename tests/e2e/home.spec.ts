import { expect, test } from "./fixtures";
import { DEMO, signIn } from "./helpers";

test("an operator's home lists the answers the TPI returned, with its reasons, linked to the question", async ({
  page,
}) => {
  await signIn(page, DEMO.operator("dpmptsp"));
  const home = page.getByTestId("home-OPERATOR_OPD");
  await expect(home.getByTestId("todo-unanswered-count")).toHaveText("0 pertanyaan");
  const returned = home.getByTestId("todo-returned");
  await expect(returned.getByRole("listitem")).toHaveCount(3);
  await expect(returned.getByRole("listitem").first()).toContainText("Alasan TPI:");
  await expect(returned.getByRole("link").first()).toHaveAttribute("href", /^\/penilaian\/[^/?]+\?q=[A-Z0-9]+$/);
});

test("an operator with unanswered questions sees how many and the first ones", async ({ page }) => {
  await signIn(page, DEMO.operator("dinkes"));
  const home = page.getByTestId("home-OPERATOR_OPD");
  const count = Number((await home.getByTestId("todo-unanswered-count").textContent())!.split(" ")[0]);
  expect(count).toBeGreaterThan(8);
  await expect(home.getByTestId("todo-unanswered").getByRole("link")).toHaveCount(8);
  await expect(home.getByText(`dan ${count - 8} pertanyaan lainnya di LKE`)).toBeVisible();
});

test("a TPI's home is its review queue of assigned units", async ({ page }) => {
  await signIn(page, DEMO.tpi2);
  const queue = page.getByTestId("review-queue");
  await expect(queue.getByRole("listitem")).toHaveCount(1);
  await expect(queue).toContainText("Badan Pendapatan Daerah");
  await expect(queue.getByTestId("unreviewed")).toContainText("110 dari 110 pertanyaan belum direviu");
  await expect(queue.getByRole("link", { name: "Reviu LKE Badan Pendapatan Daerah" })).toHaveAttribute(
    "href",
    /^\/penilaian\/[^/?]+$/,
  );
});

test("pimpinan's home lists the finalised LKE waiting for approval with its verdict", async ({ page }) => {
  await signIn(page, DEMO.pimpinan);
  const pending = page.getByTestId("pending-approvals");
  await expect(pending.getByRole("listitem")).toHaveCount(1);
  await expect(pending).toContainText("Rumah Sakit Umum Daerah Kabupaten Contoh");
  await expect(pending).toContainText(/\d+,\d{2}/);
  await expect(page.getByTestId("summary-proposed")).toHaveText("11");
});

test("a head's home links to the unmet conditions only while some remain", async ({ page }) => {
  // A unit ready for WBBM (every condition met), when the data has one, and one not ready for WBK.
  await signIn(page, DEMO.admin);
  const units: [string, boolean][] = [];
  for (const [kesiapan, meetsAll] of [
    ["WBBM", true],
    ["BELUM", false],
  ] as const) {
    await page.goto(`/ikhtisar?kesiapan=${kesiapan}`);
    const row = page.getByTestId("overview-table").getByTestId("overview-row").first();
    if ((await row.count()) > 0) units.push([(await row.getAttribute("data-unit"))!, meetsAll]);
  }
  expect(units.some(([, meetsAll]) => !meetsAll)).toBe(true);
  await page.getByRole("button", { name: "Keluar" }).click();
  await page.waitForURL(/\/masuk/);

  const link = "Lihat syarat yang belum terpenuhi dan langkah perbaikannya";
  for (const [unit, meetsAll] of units) {
    await signIn(page, DEMO.kepala(unit.toLowerCase().replace(/^(pkm|kec\.)\s+/, "")));
    const home = page.getByTestId("home-KEPALA_OPD");
    await expect(home.getByText(meetsAll ? "WBBM: memenuhi syarat" : "WBBM: belum memenuhi syarat")).toBeVisible();
    await expect(home.getByRole("link", { name: link })).toHaveCount(meetsAll ? 0 : 1);
    await page.getByRole("button", { name: "Keluar" }).click();
    await page.waitForURL(/\/masuk/);
  }
});
