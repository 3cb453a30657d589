import { expect, test, type Page } from "./fixtures";
import { formatScore } from "@/domain/scoring/format";
import { scoreAssessment } from "@/domain/scoring/score";
import { parseScoringRequest } from "@/domain/scoring/validate";
import { pdf } from "../fixtures/evidence-files";
import { DEMO, signIn, signOut } from "./helpers";

// One unit's LKE through the whole chain, in order: the operator fills, the head submits, the TPI
// reviews and returns, the unit revises and resubmits, the TPI finalises and pimpinan approves.
test.describe.configure({ mode: "serial", timeout: 240_000 });

const UNIT = "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia";
let lkeUrl = "";
let missingCatatan: string[] = [];
const card = (page: Page, code: string) => page.getByTestId(`question-${code}`);
const selfTotal = (page: Page) => page.getByTestId("score-self-total").textContent();

async function openLke(page: Page, who: string) {
  await signIn(page, who);
  if (lkeUrl) await page.goto(lkeUrl);
  else {
    await page.goto("/penilaian");
    await page.getByRole("link", { name: UNIT }).click();
    await page.waitForURL(/\/penilaian\/[a-z0-9]+/);
    lkeUrl = new URL(page.url()).pathname;
  }
  await expect(page.getByRole("heading", { name: UNIT })).toBeVisible();
}

/** Picks an option different from the selected one and returns its label. */
async function changeOption(page: Page, code: string) {
  const radios = card(page, code).locator(`input[name="self-${code}"]`);
  const count = await radios.count();
  for (let i = 0; i < count; i++) {
    if (!(await radios.nth(i).isChecked())) {
      await radios.nth(i).check();
      return radios.nth(i).getAttribute("value");
    }
  }
  throw new Error(`no other option for ${code}`);
}

test.beforeEach(({ page }) => {
  page.on("dialog", (d) => d.accept());
});

test("(a) the operator answers questions in two areas with catatan, uploads a PDF, and the live score changes", async ({
  page,
}) => {
  await openLke(page, DEMO.operator("bkpsdm"));
  await expect(page.getByText("Pengisian oleh unit").first()).toBeVisible();

  const before = await selfTotal(page);
  await changeOption(page, "PPA1B");
  await card(page, "PPA1B")
    .getByLabel("Catatan PPA1B")
    .fill("Anggota tim dipilih melalui rapat seluruh bidang; notulen terlampir.");
  await expect(page.getByText("1 jawaban belum disimpan.")).toBeVisible();
  await card(page, "PPA1B").getByRole("button", { name: "Simpan" }).click();
  await expect(card(page, "PPA1B").getByRole("status").filter({ hasText: "Tersimpan" })).toBeVisible();
  await expect.poll(() => selfTotal(page)).not.toBe(before);

  await card(page, "PPA2A")
    .getByLabel("Unggah bukti dukung PPA2A")
    .setInputFiles({
      name: "Rencana kerja ZI 2026.pdf",
      mimeType: "application/pdf",
      buffer: pdf("Rencana kerja pembangunan ZI"),
    });
  await expect(card(page, "PPA2A").getByRole("link", { name: "Rencana kerja ZI 2026.pdf" })).toBeVisible();

  // Area B.
  await page.getByRole("link", { name: /B\. Penataan Tatalaksana/ }).click();
  await expect(page.getByTestId("question-PPB1A")).toBeVisible();
  const middle = await selfTotal(page);
  await changeOption(page, "PPB1A");
  await card(page, "PPB1A")
    .getByLabel("Catatan PPB1A")
    .fill("Peta proses bisnis 2026 sudah ditetapkan dengan SK kepala badan.");
  await card(page, "PPB1A").getByRole("button", { name: "Simpan" }).click();
  await expect(card(page, "PPB1A").getByRole("status").filter({ hasText: "Tersimpan" })).toBeVisible();
  await expect.poll(() => selfTotal(page)).not.toBe(middle);

  // The file is served back only through the app.
  await page.goto(lkeUrl);
  const href = await card(page, "PPA2A").getByRole("link", { name: "Rencana kerja ZI 2026.pdf" }).getAttribute("href");
  const download = await page.request.get(href!);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-type"]).toBe("application/pdf");
});

test("(b) the head submits (after the checklist of what is missing) and the operator can no longer edit", async ({
  page,
}) => {
  await openLke(page, DEMO.kepala("bkpsdm"));
  // The dialog shows the checklist first; the step stays disabled while it is blocked, and says who acts.
  await page.getByRole("button", { name: "Ajukan ke TPI" }).click();
  const dialog = page.getByRole("dialog", { name: /Ajukan LKE ke TPI/ });
  await expect(
    dialog.getByText(/Belum dapat diajukan: setiap pertanyaan harus dijawab dan diberi catatan/),
  ).toBeVisible();
  await expect(dialog.getByText(/Langkah berikutnya: Operator OPD melengkapi/)).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Ajukan", exact: true })).toBeDisabled();
  const list = dialog.getByRole("list", { name: "Daftar yang belum lengkap" });
  missingCatatan = (await list.getByRole("link").allTextContents()).map((s) => s.trim());
  expect(missingCatatan).toHaveLength(2);
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await signOut(page);

  await openLke(page, DEMO.operator("bkpsdm"));
  for (const code of missingCatatan) {
    await page.goto(`${lkeUrl}?q=${code}`);
    await card(page, code)
      .getByLabel(`Catatan ${code}`)
      .fill("Inovasi layanan kepegawaian daring; laporan evaluasi terlampir.");
    await card(page, code).getByRole("button", { name: "Simpan" }).click();
    await expect(card(page, code).getByRole("status").filter({ hasText: "Tersimpan" })).toBeVisible();
  }
  await signOut(page);

  await openLke(page, DEMO.kepala("bkpsdm"));
  await page.getByRole("button", { name: "Ajukan ke TPI" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Ajukan", exact: true }).click();
  await expect(page.getByText("LKE diajukan ke TPI.")).toBeVisible();
  await expect(page.getByText("Diajukan ke TPI").first()).toBeVisible();
  await signOut(page);

  await openLke(page, DEMO.operator("bkpsdm"));
  await expect(card(page, "PPA1B").getByRole("button", { name: "Simpan" })).toHaveCount(0);
  await expect(card(page, "PPA1B").locator('input[name="self-PPA1B"]').first()).toBeDisabled();
  await expect(card(page, "PPA1B").getByLabel("Catatan PPA1B")).toBeDisabled();
});

test("(c) the TPI accepts, changes one with a note and returns one; the operator sees the reason, fixes it and the head resubmits", async ({
  page,
}) => {
  await openLke(page, DEMO.tpi2);
  await card(page, "PPA1A").getByRole("button", { name: "Terima" }).click();
  await expect(card(page, "PPA1A").getByText("Diterima TPI")).toBeVisible();

  await card(page, "PPA2B").getByRole("button", { name: "Ubah jawaban" }).click();
  const tpiRadios = card(page, "PPA2B").locator('input[name="tpi-PPA2B"]');
  const selfChecked = await card(page, "PPA2B").locator('input[name="self-PPA2B"]:checked').getAttribute("value");
  const other = (await tpiRadios.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).find(
    (v) => v !== selfChecked,
  )!;
  await card(page, "PPA2B").locator(`input[name="tpi-PPA2B"][value="${other}"]`).check();
  await card(page, "PPA2B")
    .getByLabel("Catatan TPI PPA2B")
    .fill("Target prioritas belum terukur untuk seluruh bidang.");
  await card(page, "PPA2B").getByRole("button", { name: "Simpan jawaban TPI" }).click();
  await expect(page.getByTestId("tpi-answer-PPA2B")).toContainText(`Jawaban TPI: ${other}`);
  await expect(page.getByTestId("tpi-answer-PPA2B")).toContainText(`(unit: ${selfChecked})`);
  await expect(card(page, "PPA2B").getByText("Diubah TPI")).toBeVisible();

  await card(page, "PPA3A").getByRole("button", { name: "Kembalikan" }).click();
  await card(page, "PPA3A").getByLabel("Alasan pengembalian PPA3A").fill("Laporan monev triwulan II belum diunggah.");
  await card(page, "PPA3A").getByRole("button", { name: "Kembalikan ke unit" }).click();
  await expect(card(page, "PPA3A").getByText("Dikembalikan", { exact: true })).toBeVisible();
  // Two of 110 reviewed: the TPI layer is a labelled projection, without a verdict.
  await page.reload();
  await expect(page.getByTestId("score-tpi-progress")).toHaveText("TPI (2 dari 110 direviu)");
  await expect(page.getByTestId("score-tpi-projected")).toBeVisible();
  await expect(page.getByTestId("score-tpi")).not.toContainText(/WBK: (memenuhi|belum)/);
  await expect(page.getByTestId("score-diff")).toContainText("Selisih pada 2 pertanyaan yang sudah direviu");
  await expect(page.getByRole("heading", { name: "Nilai sementara" })).toBeVisible();

  await page.getByRole("button", { name: "Kembalikan untuk revisi" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Kembalikan", exact: true }).click();
  await expect(page.getByText("LKE dikembalikan ke unit.")).toBeVisible();
  await expect(page.getByText("Dikembalikan untuk revisi").first()).toBeVisible();
  await signOut(page);

  await openLke(page, DEMO.operator("bkpsdm"));
  await expect(
    card(page, "PPA3A").getByRole("status").getByText("Laporan monev triwulan II belum diunggah.", { exact: true }),
  ).toBeVisible();
  await expect(card(page, "PPA1A").getByRole("button", { name: "Simpan" })).toHaveCount(0);
  await changeOption(page, "PPA3A");
  await card(page, "PPA3A").getByLabel("Catatan PPA3A").fill("Laporan monev triwulan I dan II sudah diunggah.");
  await card(page, "PPA3A").getByRole("button", { name: "Simpan" }).click();
  await expect(card(page, "PPA3A").getByText("Sudah direvisi", { exact: true })).toBeVisible();
  await expect(card(page, "PPA3A").getByText("direvisi 1×")).toBeVisible();
  await signOut(page);

  await openLke(page, DEMO.kepala("bkpsdm"));
  await page.getByRole("button", { name: "Ajukan ke TPI" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Ajukan", exact: true }).click();
  await expect(page.getByText("LKE diajukan ke TPI.")).toBeVisible();
});

test("(d) the TPI finalises and pimpinan approves; the score shown equals the engine's for the same answers", async ({
  page,
}) => {
  await openLke(page, DEMO.tpi2);
  // The history of the returned question shows who changed what.
  await card(page, "PPA3A")
    .getByText(/Riwayat perubahan/)
    .click();
  await expect(
    card(page, "PPA3A").getByText(/TPI mengembalikan: “Laporan monev triwulan II belum diunggah.”/),
  ).toBeVisible();

  for (const area of ["A", "B", "C", "D", "E", "F"]) {
    await page.getByRole("link", { name: new RegExp(`^${area}\\. `) }).click();
    const accept = page.getByRole("button", { name: "Terima semua yang belum direviu" });
    await expect(accept).toBeVisible();
    await accept.click();
    await expect(accept).toHaveCount(0);
  }
  await page.getByRole("link", { name: /Komponen Hasil/ }).click();
  await page.locator("#TPI-ipak").fill("3,55");
  await page.locator("#TPI-ipkp").fill("3,40");
  await page.locator("#TPI-capaian").selectOption("B");
  await page.locator("#TPI-catatan").fill("Sesuai laporan survei SPAK/SPKP triwulanan.");
  await page.getByRole("button", { name: "Simpan komponen hasil" }).last().click();
  await expect(page.getByText("Nilai komponen hasil disimpan.")).toBeVisible();
  await page.getByRole("button", { name: "Finalkan penilaian" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Finalkan", exact: true }).click();
  await expect(page.getByText("Penilaian TPI difinalkan.")).toBeVisible();
  await signOut(page);

  // Pimpinan decides from the decision summary: scorecard, the TPI's change with its note, then approve.
  await signIn(page, DEMO.pimpinan);
  await page.getByRole("link", { name: `Tinjau usulan ${UNIT}` }).click();
  await expect(page.getByRole("heading", { name: `Keputusan usulan ${UNIT}` })).toBeVisible();
  await expect(page.getByTestId("decision-differences")).toContainText("PPA2B");
  await expect(page.getByTestId("decision-differences")).toContainText(
    "Target prioritas belum terukur untuk seluruh bidang.",
  );
  await page.getByRole("button", { name: "Setujui usulan ke PMPZI" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Setujui", exact: true }).click();
  await expect(page.getByText("Disetujui diusulkan ke PMPZI").first()).toBeVisible();
  await page.goto(lkeUrl);
  await expect(page.getByText("Disetujui diusulkan ke PMPZI").first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Nilai akhir" })).toBeVisible();

  for (const [layer, testId] of [
    ["TPI", "score-tpi-total"],
    ["SELF", "score-self-total"],
  ] as const) {
    const exported = await (
      await page.request.get(`${lkeUrl.replace("/penilaian/", "/api/penilaian/")}/ekspor?lapisan=${layer}`)
    ).json();
    const parsed = parseScoringRequest(exported);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const engine = scoreAssessment(parsed.value);
    await expect(page.getByTestId(testId)).toHaveText(formatScore(engine.total));
  }
});
