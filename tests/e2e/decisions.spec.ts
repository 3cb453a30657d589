import { expect, test } from "./fixtures";
import { DEMO, signIn } from "./helpers";

// Decisions with context: each step opens a dialog that shows its checklist first and stays disabled
// while blocked; pimpinan's "Tinjau" opens a decision summary. Nothing here changes the demo data.

test("pimpinan's Tinjau opens the decision summary; approve and send back are dialogs, send back needs a reason", async ({
  page,
}) => {
  await signIn(page, DEMO.pimpinan);
  await page.getByRole("link", { name: "Tinjau usulan Rumah Sakit Umum Daerah Kabupaten Contoh" }).click();
  await expect(page).toHaveURL(/\/penilaian\/[^/]+\/keputusan$/);
  await expect(
    page.getByRole("heading", { name: "Keputusan usulan Rumah Sakit Umum Daerah Kabupaten Contoh" }),
  ).toBeVisible();
  const scorecard = page.getByTestId("decision-scorecard");
  await expect(scorecard).toContainText(/\d+,\d{2}/);
  await expect(scorecard).toContainText("WBK:");
  await expect(page.getByTestId("decision-evidence").getByRole("row")).toHaveCount(6);
  await expect(page.getByRole("heading", { name: "Perbedaan jawaban TPI dan unit" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Catatan TPI" })).toBeVisible();
  await expect(page.getByTestId("next-step")).toContainText("Pimpinan menyetujui usulan ke PMPZI");

  await page.getByRole("button", { name: "Setujui usulan ke PMPZI" }).click();
  const approve = page.getByRole("dialog", { name: /Setujui usulan ke PMPZI/ });
  await expect(approve.getByRole("list", { name: "Daftar periksa" })).toContainText("Nilai akhir TPI");
  await expect(approve.getByRole("button", { name: "Setujui", exact: true })).toBeEnabled();
  await approve.getByRole("button", { name: "Batal" }).click();
  await expect(approve).toHaveCount(0);

  await page.getByRole("button", { name: "Kembalikan ke TPI" }).click();
  const sendBack = page.getByRole("dialog", { name: /Kembalikan ke TPI/ });
  const confirm = sendBack.getByRole("button", { name: "Kembalikan ke TPI", exact: true });
  await expect(confirm).toBeDisabled();
  await sendBack.getByLabel("Alasan pengembalian").fill("Terlalu singkat");
  await expect(confirm).toBeEnabled();
  await sendBack.getByLabel("Alasan pengembalian").fill("Pendek");
  await expect(confirm).toBeDisabled();
  // The dialog closes with the keyboard and gives focus back to its button.
  await page.keyboard.press("Escape");
  await expect(sendBack).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Kembalikan ke TPI" })).toBeFocused();
});

test("a partly reviewed LKE shows how much the TPI reviewed, a labelled projection and no TPI verdict; finalising is blocked with the reason", async ({
  page,
}) => {
  await signIn(page, DEMO.tpi);
  await page.getByRole("link", { name: "Reviu LKE Dinas Kependudukan dan Pencatatan Sipil" }).click();
  const progress = page.getByTestId("score-tpi-progress");
  await expect(progress).toHaveText(/^TPI \(\d+ dari 110 direviu\)$/);
  const reviewed = Number((await progress.textContent())!.match(/\((\d+) dari/)![1]);
  expect(reviewed).toBeGreaterThan(0);
  expect(reviewed).toBeLessThan(110);
  await expect(page.getByTestId("score-tpi-projected")).toHaveText(/\d+,\d{2}/);
  await expect(page.getByTestId("score-tpi-note")).toContainText(
    `${110 - reviewed} pertanyaan belum direviu memakai jawaban unit`,
  );
  await expect(page.getByTestId("score-tpi")).not.toContainText(/WBK: (memenuhi|belum)/);
  await expect(page.getByTestId("score-diff")).toContainText(`Selisih pada ${reviewed} pertanyaan yang sudah direviu`);

  // The review flow: unreviewed counts on the area tabs, the next unreviewed question, the differences filter.
  await expect(page.locator('[data-testid^="unreviewed-"]').first()).toContainText(/\d+ belum direviu/);
  const next = page.getByRole("link", { name: /Berikutnya yang belum direviu: [A-Z]{3}\d[A-Z]/ });
  const code = (await next.textContent())!.split(": ")[1];
  await next.click();
  await expect(page).toHaveURL(new RegExp(`q=${code}`));
  await expect(page.getByTestId(`question-${code}`)).toBeVisible();
  await expect(page.getByRole("link", { name: /Berikutnya yang belum direviu/ })).not.toHaveText(
    `Berikutnya yang belum direviu: ${code}`,
  );

  // The differences filter leaves exactly the area's questions where the TPI's answer differs from the unit's.
  const cards = page.locator('[data-testid^="question-"]');
  const shown = await cards.count();
  const differing = await cards
    .filter({ has: page.locator('[data-testid^="tpi-answer-"]', { hasText: "(unit:" }) })
    .count();
  await page.getByRole("checkbox", { name: /Hanya yang jawabannya berbeda \(\d+\)/ }).check();
  await expect(cards).toHaveCount(differing);
  expect(differing).toBeLessThan(shown);
  await page.getByRole("checkbox", { name: /Hanya yang jawabannya berbeda/ }).uncheck();
  await expect(cards).toHaveCount(shown);

  await page.getByRole("button", { name: "Finalkan penilaian" }).click();
  const dialog = page.getByRole("dialog", { name: /Finalkan penilaian TPI/ });
  await expect(dialog.getByRole("list", { name: "Daftar periksa" })).toContainText(
    `${reviewed} dari 110 pertanyaan direviu`,
  );
  await expect(dialog).toContainText(`Masih ada ${110 - reviewed} pertanyaan yang belum direviu TPI.`);
  await expect(dialog.getByRole("button", { name: "Finalkan", exact: true })).toBeDisabled();
});

test("the head's home and LKE say who acts next; the submit dialog lists what is missing and stays disabled", async ({
  page,
}) => {
  await signIn(page, DEMO.kepala("dinkes"));
  await expect(page.getByTestId("next-step")).toContainText("Operator OPD melengkapi jawaban");
  await page
    .getByRole("link", { name: /Buka LKE/ })
    .first()
    .click();
  await page.getByRole("button", { name: "Ajukan ke TPI" }).click();
  const dialog = page.getByRole("dialog", { name: /Ajukan LKE ke TPI/ });
  await expect(dialog.getByRole("list", { name: "Daftar periksa" })).toContainText(
    /\d+ pertanyaan belum dijawab atau belum diberi catatan/,
  );
  await expect(dialog.getByRole("list", { name: "Daftar yang belum lengkap" }).getByRole("link").first()).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Ajukan", exact: true })).toBeDisabled();
});
