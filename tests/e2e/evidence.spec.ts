import { pdf } from "../fixtures/evidence-files";
import { DEMO, signIn } from "./helpers";
import { expect, test } from "./fixtures";

// Evidence on an LKE question as the operator sees it: full names, counts that follow each change,
// a duplicate refused with a message that can be closed.
test.describe.configure({ timeout: 120_000 });

test("an upload and a delete update the area's evidence count; the same file twice is refused; messages can be closed", async ({
  page,
}) => {
  page.on("dialog", (d) => d.accept());
  await signIn(page, DEMO.operator("dindikbud"));
  await page.goto("/penilaian");
  await page.getByRole("link", { name: "Dinas Pendidikan dan Kebudayaan" }).click();
  await page.waitForURL(/\/penilaian\/[a-z0-9]+/);

  const areaCount = page
    .getByRole("navigation", { name: "Area LKE" })
    .getByRole("link")
    .first()
    .locator('[title="Dengan bukti dukung"]');
  const count = async () => Number((await areaCount.textContent())!.trim().split("/")[0]);
  const before = await count();

  const empty = page.locator('[data-testid^="question-"]').filter({ hasText: "Belum ada berkas." }).first();
  const code = (await empty.getAttribute("data-testid"))!.replace("question-", "");
  // Pinned by its code: once it has a file, the card no longer matches "Belum ada berkas.".
  const card = page.getByTestId(`question-${code}`);
  const name = "Laporan evaluasi pelaksanaan rencana kerja Zona Integritas triwulan III 2026.pdf";
  const file = { name, mimeType: "application/pdf", buffer: pdf(`Laporan evaluasi ${code}`) };

  await card.getByLabel(`Unggah bukti dukung ${code}`).setInputFiles(file);
  // The whole name is shown, not cut after a few characters.
  await expect(card.getByRole("link", { name })).toHaveText(name);
  await expect(card.getByText("Bukti dukung (1)")).toBeVisible();
  await expect.poll(count).toBe(before + 1);

  await card.getByLabel(`Unggah bukti dukung ${code}`).setInputFiles({ ...file, name: "salinan.pdf" });
  const error = card.getByTestId("upload-error");
  await expect(error).toContainText(
    `Berkas yang sama sudah diunggah di sini sebagai "${name}". Berkas ini tidak disimpan lagi.`,
  );
  await expect(card.getByText("Bukti dukung (1)")).toBeVisible();
  // A second refused pick replaces the first message instead of adding to it.
  await card.getByLabel(`Unggah bukti dukung ${code}`).setInputFiles({ ...file, name: "salinan lagi.pdf" });
  await expect(error).toHaveCount(1);
  await card.getByRole("button", { name: "Tutup pesan untuk salinan lagi.pdf" }).click();
  await expect(error).toHaveCount(0);

  await card.getByRole("button", { name: `Hapus ${name}` }).click();
  await expect(card.getByText("Belum ada berkas.")).toBeVisible();
  await expect.poll(count).toBe(before);
});
