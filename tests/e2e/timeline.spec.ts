import { expect, test, type Page } from "./fixtures";
import { DEMO, signIn } from "./helpers";

const year = new Date().getFullYear();

/** Fills the schedule form at /admin/periode/<id>: [start, end] per stage in order (MM-DD), and the PMPZI deadline. */
async function setSchedule(page: Page, windows: [string, string][], pmpzi: string) {
  for (const [i, [start, end]] of windows.entries()) {
    await page.getByLabel("Mulai").nth(i).fill(`${year}-${start}`);
    await page.getByLabel("Selesai").nth(i).fill(`${year}-${end}`);
  }
  await page.getByLabel("Batas pengusulan PMPZI").fill(`${year}-${pmpzi}`);
  await page.getByRole("button", { name: "Simpan jadwal" }).click();
  await expect(page.getByText(`Jadwal periode ${year} disimpan.`)).toBeVisible();
}

const DEFAULTS: [string, string][] = [
  ["01-01", "02-28"],
  ["03-01", "04-30"],
  ["05-01", "08-31"],
  ["09-01", "11-30"],
  ["12-01", "12-31"],
];

/** The ADMIN's reopen dialog on a unit's LKE: until a date, or closed again (null). */
async function setReopened(page: Page, until: string | null) {
  await page.goto("/penilaian");
  await page.getByRole("link", { name: "Dinas Pendidikan dan Kebudayaan" }).click();
  await page.getByRole("button", { name: /pembukaan pengisian|Buka kembali pengisian/ }).click();
  const dialog = page.getByRole("dialog");
  if (until) {
    await dialog.getByLabel("Dibuka sampai").fill(until);
    await dialog.getByLabel("Alasan").fill("Perpanjangan karena pergantian operator");
    await dialog.getByRole("button", { name: "Simpan" }).click();
    await expect(page.getByText("Pengisian dibuka kembali.")).toBeVisible();
  } else {
    await dialog.getByRole("button", { name: "Tutup pengisian" }).click();
    await expect(page.getByText("Pengisian ditutup kembali.")).toBeVisible();
  }
}

test("a unit reopened until 31 December is not late; closed again it is, and moving Pembinaan past today gives it time", async ({
  page,
}) => {
  // The end-to-end server pins today to 15 October; the demo reopened the units still filling until 31 December.
  await signIn(page, DEMO.admin);
  await page.goto("/linimasa");
  await expect(page.getByTestId("marker-today")).toContainText("15 Okt");
  const dindikbud = page.locator('[data-testid="chain-row"][data-unit="Dindikbud"]');
  await expect(dindikbud).toContainText("Pengisian oleh unit");
  await expect(dindikbud).toHaveAttribute("data-overdue", "false");
  await expect(dindikbud).toContainText("31 Desember");
  await expect(dindikbud).toContainText("Sisa 77 hari");

  // Closed again, the unit's deadline is the end of Pembinaan (30 April): late.
  await setReopened(page, null);
  await page.goto("/linimasa");
  await expect(dindikbud).toHaveAttribute("data-overdue", "true");
  await expect(dindikbud.getByTestId("overdue")).toHaveText("Terlambat 168 hari");
  await expect(dindikbud).toContainText("30 April");

  // A schedule whose PMPZI deadline comes before the unit's deadline is refused.
  await page.getByRole("link", { name: "Ubah jadwal" }).click();
  await expect(page).toHaveURL(/\/admin\/periode\//);
  const schedule = page.url();
  await page.getByLabel("Selesai").nth(1).fill(`${year}-10-31`);
  await page.getByRole("button", { name: "Simpan jadwal" }).click();
  await expect(page.getByText(/Batas PMPZI tidak boleh sebelum batas pengajuan unit/)).toBeVisible();

  // Pembinaan runs past today (and PMPZI after it): the unit still has time to submit.
  await setSchedule(
    page,
    [
      ["01-01", "02-28"],
      ["03-01", "10-31"],
      ["11-01", "11-10"],
      ["11-11", "11-30"],
      ["12-01", "12-31"],
    ],
    "11-10",
  );
  await page.goto("/linimasa");
  await expect(dindikbud).toHaveAttribute("data-overdue", "false");
  await expect(dindikbud).toContainText("31 Oktober");
  await expect(dindikbud).toContainText("Sisa 16 hari");

  // Back to the defaults and the demo's reopening for the journeys that follow.
  await page.goto(schedule);
  await setSchedule(page, DEFAULTS, "05-31");
  await setReopened(page, `${year}-12-31`);
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
