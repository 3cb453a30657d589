import { DEMO, signIn } from "./helpers";
import { expect, test, type Locator, type Page } from "./fixtures";

// The two daily journeys done with the keyboard alone: the operator saves an answer, the TPI reviews.
// Every element reached on the way must show where the focus is.
test.describe.configure({ timeout: 120_000 });

/** Whether the focused element draws a focus indicator: an outline, a ring (box-shadow) or a ringed parent. */
async function focusIsVisible(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const shows = (el: Element | null) => {
      if (!el) return false;
      const s = getComputedStyle(el);
      return (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== "none";
    };
    const el = document.activeElement;
    // A visually hidden control (the file input) shows its focus on the zone around it.
    return shows(el) || shows(el?.closest("[data-testid=evidence-dropzone]") ?? null);
  });
}

/** Presses Tab until `target` has the focus, checking on the way that every stop shows it. */
async function tabTo(page: Page, target: Locator, max = 150) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const label = await page.evaluate(() => {
      const el = document.activeElement;
      return el
        ? `${el.tagName.toLowerCase()} ${el.getAttribute("aria-label") ?? el.textContent?.trim().slice(0, 40) ?? ""}`
        : "";
    });
    expect(await focusIsVisible(page), `focus visible on ${label}`).toBe(true);
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`${target} not reached with ${max} presses of Tab`);
}

test("the operator changes an answer, writes the catatan and saves it with the keyboard only", async ({ page }) => {
  await signIn(page, DEMO.operator("mekarsari"));
  await page.goto("/");
  const lke = page.getByRole("link", { name: "Penilaian LKE" }).first();
  await tabTo(page, lke);
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/penilaian$/);
  const unit = page.getByRole("link", { name: "UPTD Puskesmas Mekarsari" });
  await tabTo(page, unit);
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/penilaian\/[a-z0-9]+/);

  const card = page.getByTestId("question-PPA1A");
  const radios = card.locator('input[name="self-PPA1A"]');
  await expect(radios.first()).toBeVisible();
  const before = await radios.evaluateAll((els) => (els as HTMLInputElement[]).find((e) => e.checked)?.value ?? null);
  await tabTo(page, before === null ? radios.first() : card.locator('input[name="self-PPA1A"]:checked'));
  // Arrow keys move the choice within the group (and select it).
  await page.keyboard.press(before === null ? "Space" : "ArrowDown");
  const after = await radios.evaluateAll((els) => (els as HTMLInputElement[]).find((e) => e.checked)?.value ?? null);
  expect(after).not.toBeNull();
  expect(after).not.toBe(before);

  const catatan = card.getByLabel("Catatan PPA1A");
  await tabTo(page, catatan, 10);
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("Tim kerja ZI puskesmas ditetapkan dengan SK kepala puskesmas; salinan terlampir.");
  await tabTo(page, card.getByRole("button", { name: "Simpan" }), 20);
  await page.keyboard.press("Enter");
  await expect(card.getByRole("status").filter({ hasText: "Tersimpan" })).toBeVisible();

  await page.reload();
  await expect(page.locator(`input[name="self-PPA1A"][value="${after}"]`)).toBeChecked();
  await expect(page.getByTestId("question-PPA1A").getByLabel("Catatan PPA1A")).toHaveValue(/SK kepala puskesmas/);
});

test("the TPI accepts one answer and changes another with a note, with the keyboard only", async ({ page }) => {
  await signIn(page, DEMO.tpi2);
  await page.goto("/penilaian");
  const unit = page.getByRole("link", { name: "Badan Pendapatan Daerah" });
  await tabTo(page, unit);
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/penilaian\/[a-z0-9]+/);

  const first = page.getByTestId("question-PPA1A");
  await expect(first).toBeVisible();
  await tabTo(page, first.getByRole("button", { name: "Terima" }));
  await page.keyboard.press("Enter");
  await expect(first.getByText("Diterima TPI")).toBeVisible();

  const second = page.getByTestId("question-PPA1B");
  await tabTo(page, second.getByRole("button", { name: "Ubah jawaban" }));
  await page.keyboard.press("Enter");
  const tpiRadios = second.locator('input[name="tpi-PPA1B"]');
  await expect(tpiRadios.first()).toBeVisible();
  const selfValue = await second.locator('input[name="self-PPA1B"]:checked').getAttribute("value");
  await tabTo(page, second.locator('input[name="tpi-PPA1B"]:checked'), 10);
  await page.keyboard.press("ArrowDown");
  const chosen = await tpiRadios.evaluateAll(
    (els) => (els as HTMLInputElement[]).find((e) => e.checked)?.value ?? null,
  );
  expect(chosen).not.toBe(selfValue);
  await tabTo(page, second.getByLabel("Catatan TPI PPA1B"), 10);
  await page.keyboard.type("Bukti penetapan tim belum ditandatangani kepala badan.");
  await tabTo(page, second.getByRole("button", { name: "Simpan jawaban TPI" }), 10);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("tpi-answer-PPA1B")).toContainText(`Jawaban TPI: ${chosen}`);
  await expect(second.getByText("Diubah TPI")).toBeVisible();
});
