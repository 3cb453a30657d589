import { expect, test, type Page } from "./fixtures";
import { DEMO, signIn, signOut } from "./helpers";

// The scoring rules a unit meets while filling: counts that cannot be true, a zero base and the
// periode's rule for it, seen on the LKE page and on the scorecard.
test.describe.configure({ mode: "serial", timeout: 120_000 });

const UNIT = "Kecamatan Cibeureum";
const year = new Date().getFullYear();
const card = (page: Page) => page.getByTestId("question-PRE2A");
const due = (page: Page) => card(page).getByLabel("Jumlah pengaduan masyarakat yang harus ditindaklanjuti");
const inProgress = (page: Page) => card(page).getByLabel("Jumlah pengaduan masyarakat yang sedang diproses");
const done = (page: Page) => card(page).getByLabel("Jumlah pengaduan masyarakat yang selesai ditindaklanjuti");

async function openPre2a(page: Page) {
  await signIn(page, DEMO.operator("cibeureum"));
  await page.goto("/penilaian");
  await page.getByRole("link", { name: UNIT }).click();
  await page.waitForURL(/\/penilaian\/[a-z0-9]+/);
  await page.goto(`${new URL(page.url()).pathname}?q=PRE2A`);
  await expect(card(page)).toBeVisible();
}

async function setZeroBase(page: Page, label: RegExp) {
  await signIn(page, DEMO.admin);
  await page.goto("/admin/periode");
  await page.getByRole("link", { name: `Ubah jadwal ${year}` }).click();
  await page.getByLabel(label).check();
  await page.getByRole("button", { name: "Simpan aturan" }).click();
  await expect(page.getByText("Aturan disimpan; nilai LKE periode ini dihitung ulang.")).toBeVisible();
  await signOut(page);
}

test("a negative count is refused at once and the error goes when the field is fixed", async ({ page }) => {
  await openPre2a(page);
  await due(page).fill("-3");
  await expect(card(page).getByRole("alert").filter({ hasText: "Jumlah tidak boleh negatif: -3" })).toBeVisible();
  await expect(due(page)).toHaveAttribute("aria-invalid", "true");
  await due(page).fill("10");
  await expect(card(page).getByText("Jumlah tidak boleh negatif")).toHaveCount(0);
  await expect(due(page)).toHaveAttribute("aria-invalid", "false");
});

test("15 done out of 10 due: warned next to both fields, and saved only with a catatan that explains it", async ({
  page,
}) => {
  await openPre2a(page);
  await due(page).fill("10");
  await inProgress(page).fill("0");
  await done(page).fill("15");
  const warning =
    "Periksa kembali: Pengaduan yang selesai ditindaklanjuti lebih banyak daripada pengaduan yang harus ditindaklanjuti (15 dari 10)";
  await expect(card(page).getByTestId("count-warning-PRE2A-pengaduanSelesai")).toHaveText(warning);
  await expect(card(page).getByTestId("count-warning-PRE2A-pengaduanHarusDitindaklanjuti")).toHaveText(warning);
  await expect(card(page).getByTestId("pct-PRE2A")).toContainText("100%");

  await card(page).getByLabel("Catatan PRE2A").fill("Data 2026");
  await card(page).getByRole("button", { name: "Simpan" }).click();
  const refusal = card(page).getByText(/\(15 dari 10\): jelaskan di catatan \(minimal 20 karakter\)/);
  await expect(refusal.first()).toBeVisible();
  await expect(card(page).getByTestId("count-warning-PRE2A-pengaduanDiproses")).toHaveCount(0); // an empty "in progress" is not at fault

  await card(page).getByLabel("Catatan PRE2A").fill("Lima pengaduan sisa tahun lalu ikut selesai tahun ini.");
  await expect(refusal).toHaveCount(0); // the fixed field's error goes at once
  await card(page).getByRole("button", { name: "Simpan" }).click();
  await expect(card(page).getByRole("status").filter({ hasText: "Tersimpan" })).toBeVisible();
});

test("no complaints at all: the question and the scorecard say how the periode scores a zero base", async ({
  page,
}) => {
  await openPre2a(page);
  await due(page).fill("0");
  await inProgress(page).fill("0");
  await done(page).fill("0");
  await expect(card(page).getByTestId("zero-base-PRE2A")).toHaveText(
    "Tidak ada pengaduan yang harus ditindaklanjuti: dinilai 0 sesuai pengaturan periode",
  );
  await card(page).getByLabel("Catatan PRE2A").fill("Tidak ada pengaduan masuk tahun ini.");
  await card(page).getByRole("button", { name: "Simpan" }).click();
  await expect(card(page).getByRole("status").filter({ hasText: "Tersimpan" })).toBeVisible();
  const zeroTotal = await page.getByTestId("score-self-total").textContent();
  await signOut(page);

  await setZeroBase(page, /Dinilai 1/);
  try {
    await openPre2a(page);
    await expect(card(page).getByTestId("zero-base-PRE2A")).toHaveText(
      "Tidak ada pengaduan yang harus ditindaklanjuti: dinilai 1 (tidak ada yang harus dilakukan dianggap tuntas) sesuai pengaturan periode",
    );
    // PRE2 weighs 3 points: the live total moved by exactly that.
    const oneTotal = await page.getByTestId("score-self-total").textContent();
    const num = (s: string | null) => Number(String(s).replace(",", "."));
    expect(num(oneTotal) - num(zeroTotal)).toBeCloseTo(3, 2);
    await signOut(page);

    await signIn(page, DEMO.kepala("cibeureum"));
    await page
      .getByRole("link", { name: /rapor|Lihat rapor/i })
      .first()
      .click();
    await expect(page.getByTestId("scorecard-zero-base")).toContainText(
      "dinilai 1 (tidak ada yang harus dilakukan dianggap tuntas) sesuai pengaturan periode",
    );
    await expect(page.getByTestId("scorecard-zero-base")).toContainText("PRE2A");
    await signOut(page);
  } finally {
    await setZeroBase(page, /Dinilai 0/);
  }
});
