import { expect, test, type Page } from "./fixtures";
import { DEMO, signIn } from "./helpers";

const year = new Date().getFullYear();

/** Fills the schedule form at /admin/periode/<id>: [start, end] per stage in order (MM-DD). */
async function setWindows(page: Page, windows: [string, string][]) {
  for (const [i, [start, end]] of windows.entries()) {
    await page.getByLabel("Mulai").nth(i).fill(`${year}-${start}`);
    await page.getByLabel("Selesai").nth(i).fill(`${year}-${end}`);
  }
  await page.getByRole("button", { name: "Simpan jadwal" }).click();
  await expect(page.getByText(`Jadwal periode ${year} disimpan.`)).toBeVisible();
}

test("an admin moves the Pembinaan window and a draft unit becomes overdue on the timeline", async ({ page }) => {
  // The end-to-end server pins today to 15 October.
  await signIn(page, DEMO.admin);
  await page.goto("/linimasa");
  await expect(page.getByTestId("marker-today")).toContainText("15 Okt");
  const dindikbud = page.locator('[data-testid="chain-row"][data-unit="Dindikbud"]');
  await expect(dindikbud).toContainText("Pengisian oleh unit");

  await page.getByRole("link", { name: "Ubah jadwal" }).click();
  await expect(page).toHaveURL(/\/admin\/periode\//);
  const schedule = page.url();
  // Pembinaan runs past today: the unit still has time to submit.
  await setWindows(page, [
    ["01-01", "02-28"],
    ["03-01", "10-31"],
    ["11-01", "11-10"],
    ["11-11", "11-30"],
    ["12-01", "12-31"],
  ]);
  await page.goto("/linimasa");
  await expect(dindikbud).toHaveAttribute("data-overdue", "false");
  await expect(dindikbud).toContainText("31 Oktober");
  await expect(dindikbud).toContainText("Sisa 16 hari");

  // Pembinaan ended before today: the same unit is now late.
  await page.goto(schedule);
  await setWindows(page, [
    ["01-01", "02-28"],
    ["03-01", "09-30"],
    ["10-01", "10-31"],
    ["11-01", "11-30"],
    ["12-01", "12-31"],
  ]);
  await page.goto("/linimasa");
  await expect(dindikbud).toHaveAttribute("data-overdue", "true");
  await expect(dindikbud.getByTestId("overdue")).toHaveText("Terlambat 15 hari");
  await expect(dindikbud).toContainText("30 September");

  // Back to the defaults for the journeys that follow.
  await page.goto(schedule);
  await setWindows(page, [
    ["01-01", "02-28"],
    ["03-01", "06-30"],
    ["07-01", "08-31"],
    ["09-01", "11-30"],
    ["12-01", "12-31"],
  ]);
});

test("an operator sees only its own unit on the timeline, and no schedule editing", async ({ page }) => {
  await signIn(page, DEMO.operator("bkpsdm"));
  await page.goto("/linimasa");
  await expect(page.getByTestId("timeline-band")).toBeVisible();
  await expect(page.getByTestId("chain-row")).toHaveCount(1);
  await expect(page.getByTestId("chain-row")).toHaveAttribute("data-unit", "BKPSDM");
  await expect(page.getByRole("link", { name: "Ubah jadwal" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Monev rencana aksi", exact: true })).toHaveAttribute("href", "/monev");
});
