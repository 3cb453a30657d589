import ExcelJS from "exceljs";
import { DEMO, signIn } from "./helpers";
import { expect, test } from "./fixtures";

// The operator downloads the unit's LKE as the official workbook, changes an answer in it as one would in
// Excel, uploads it, sees the per-question preview and applies it.
test.describe.configure({ timeout: 120_000 });

test("an operator imports a filled workbook: preview per question, then apply", async ({ page }) => {
  await signIn(page, DEMO.operator("dishub"));
  await page.goto("/penilaian");
  await page.getByRole("link", { name: "Dinas Perhubungan" }).click();
  await page.waitForURL(/\/penilaian\/[a-z0-9]+$/);
  const id = new URL(page.url()).pathname.split("/").pop()!;

  const download = await page.request.get(`/api/penilaian/${id}/xlsx?lapisan=SELF`);
  expect(download.status()).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await download.body()) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet("LKE ZI")!;
  // The first Ya/Tidak question: answer it "Tidak" (or "Ya" when it already is), with a catatan.
  let row = 0;
  for (let r = 3; r <= ws.rowCount && !row; r++) if (ws.getCell(`J${r}`).value === "Ya/Tidak") row = r;
  const next = ws.getCell(`K${row}`).value === "Tidak" ? "Ya" : "Tidak";
  ws.getCell(`K${row}`).value = next;
  ws.getCell(`O${row}`).value = "Diperbarui dari berkas Excel unit";
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());

  await page.getByRole("link", { name: "Impor jawaban dari Excel" }).click();
  await expect(page.getByRole("heading", { name: "Impor LKE dari Excel" })).toBeVisible();
  await page.getByLabel(/Berkas LKE/).setInputFiles({
    name: "lke-dishub.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: bytes,
  });
  const preview = page.getByTestId("import-preview");
  await expect(preview).toContainText("Pratinjau: lke-dishub.xlsx");
  const changed = preview
    .locator("tr", { hasText: /Baru|Berubah/ })
    .filter({ hasText: next })
    .first();
  await expect(changed).toBeVisible();
  await page.getByRole("button", { name: /^Terapkan \d+ jawaban/ }).click();
  await expect(page.getByText("Impor selesai")).toBeVisible();

  // Uploading the same file again shows nothing left to apply for that question.
  await page.getByLabel(/Berkas LKE/).setInputFiles({
    name: "lke-dishub.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: bytes,
  });
  await expect(preview).toContainText("0 baru · 0 berubah");

  // A renamed program is refused with one message.
  await page.getByLabel(/Berkas LKE/).setInputFiles({
    name: "lke.xlsx",
    mimeType: "application/octet-stream",
    buffer: Buffer.from("MZ\x90\x00 program"),
  });
  await expect(page.getByText("Berkas bukan workbook Excel (.xlsx)")).toBeVisible();
});
