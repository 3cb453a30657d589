import { expect, test, type Page } from "./fixtures";
import { DEMO, signIn, signOut } from "./helpers";

// The head of a unit learns from the bell that the TPI returned a question, and one click on the
// notification lands on that question.
test.describe.configure({ timeout: 120_000 });

const UNIT = "Badan Pendapatan Daerah";
const bellCount = async (page: Page) => {
  const badge = page.getByTestId("notification-count");
  return (await badge.count()) === 0 ? 0 : Number(await badge.textContent());
};

test("the head sees the bell count rise when the TPI returns a question, opens it and lands on that question", async ({
  page,
}) => {
  await signIn(page, DEMO.kepala("bapenda"));
  const before = await bellCount(page);
  await signOut(page);

  await signIn(page, DEMO.tpi2);
  await page.goto("/penilaian");
  await page.getByRole("link", { name: UNIT }).click();
  await page.waitForURL(/\/penilaian\/[a-z0-9]+/);
  const lkePath = new URL(page.url()).pathname;
  const card = page.getByTestId("question-PPA3A");
  await card.getByRole("button", { name: "Kembalikan" }).click();
  await card.getByLabel("Alasan pengembalian PPA3A").fill("Laporan monev triwulan II belum diunggah.");
  await card.getByRole("button", { name: "Kembalikan ke unit" }).click();
  await expect(card.getByText("Dikembalikan", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Kembalikan untuk revisi" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Kembalikan", exact: true }).click();
  await expect(page.getByText("LKE dikembalikan ke unit.")).toBeVisible();
  await signOut(page);

  await signIn(page, DEMO.kepala("bapenda"));
  await expect(page.getByTestId("notification-count")).toHaveText(String(before + 1));
  await expect(page.getByTestId("notification-bell")).toHaveAccessibleName(`Notifikasi, ${before + 1} belum dibaca`);
  await page.getByTestId("notification-bell").click();
  await expect(page).toHaveURL(/\/notifikasi$/);
  const item = page
    .getByTestId("notification-item")
    .filter({ hasText: `LKE ${UNIT} tahun` })
    .first();
  await expect(item).toContainText("PPA3A: Laporan monev triwulan II belum diunggah.");
  await expect(item).toHaveAttribute("data-read", "0");
  await item.click();

  await page.waitForURL((url) => url.pathname === lkePath && url.searchParams.get("q") === "PPA3A");
  await expect(page.getByTestId("question-PPA3A")).toBeInViewport();
  await expect(
    page.getByTestId("question-PPA3A").getByText("Laporan monev triwulan II belum diunggah.", { exact: true }),
  ).toBeVisible();
  // Opened = read: the count drops back.
  await expect(page.getByTestId("notification-count")).toHaveCount(before === 0 ? 0 : 1);
});

test("the admin sees the send queue; other roles are refused", async ({ page }) => {
  await signIn(page, DEMO.kepala("bapenda"));
  const refused = await page.goto("/admin/antrean");
  expect(refused?.status()).toBe(403);
  await signOut(page);

  await signIn(page, DEMO.admin);
  await page.getByRole("link", { name: "Antrean Kirim" }).first().click();
  await expect(page.getByRole("heading", { name: "Antrean Kirim" })).toBeVisible();
  for (const label of ["Menunggu", "Terkirim", "Gagal"])
    await expect(page.getByRole("link", { name: new RegExp(`^${label}: \\d+$`) })).toBeVisible();
  // The server's worker ran today's reminder job when it started.
  await expect(page.getByRole("row").filter({ hasText: "Pengingat harian" }).first()).toContainText("Terkirim");
});
