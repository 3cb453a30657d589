import { describe, expect, it } from "vitest";
import {
  decisionFormSchema,
  reopenFormSchema,
  reviewQuestionSchema,
  saveSelfAnswerSchema,
  saveTpiHasilSchema,
  selfAnswerFormSchema,
  sendBackFormSchema,
  tpiHasilFormSchema,
  tpiReviewFormSchema,
} from "@/server/actions/lke.validation";
import { feedbackOf, type ActionFailure } from "./use-action-form";

const refusal = (over: Partial<ActionFailure>): ActionFailure => ({
  ok: false,
  code: "INVALID",
  error: "Periksa kembali isian Anda.",
  ...over,
});

describe("feedbackOf: where a refusal lands on a form", () => {
  it("puts field errors on the form's fields and keeps the message", () => {
    const f = feedbackOf(refusal({ fieldErrors: { catatan: "Catatan wajib diisi" } }), ["value", "catatan"]);
    expect(f).toEqual({ formError: "Periksa kembali isian Anda.", fieldErrors: [["catatan", "Catatan wajib diisi"]] });
  });

  it("lands a nested field error on its top-level field", () => {
    const f = feedbackOf(refusal({ fieldErrors: { "saksi.0.nama": "Nama wajib" } }), ["saksi"]);
    expect(f.fieldErrors).toEqual([["saksi.0.nama", "Nama wajib"]]);
  });

  it("shows an error for a field the form does not have instead of losing it", () => {
    const f = feedbackOf(refusal({ fieldErrors: { questionCode: "Kode pertanyaan tidak sah" } }), ["value"]);
    expect(f).toEqual({ formError: "Kode pertanyaan tidak sah", fieldErrors: [] });
  });

  it("keeps the message of a refusal without field errors, whatever its code", () => {
    const conflict = refusal({ code: "CONFLICT", error: "Jawaban ini baru saja diubah.", conflict: { version: 3 } });
    expect(feedbackOf(conflict, ["value"])).toEqual({ formError: "Jawaban ini baru saja diubah.", fieldErrors: [] });
  });
});

/** The first message per field, as the form shows it. */
const errorsOf = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

describe("the LKE forms check with the same rules and messages as their actions", () => {
  const server = { assessmentId: "a1", questionCode: "PPA1A", version: 0 };

  it("the answer form needs a catatan once answered", () => {
    const input = { value: "Ya", catatan: " ok " };
    expect(errorsOf(selfAnswerFormSchema.safeParse(input))).toEqual(
      errorsOf(saveSelfAnswerSchema.safeParse({ ...server, ...input })),
    );
    expect(errorsOf(selfAnswerFormSchema.safeParse(input)).catatan).toMatch(/Catatan wajib diisi/);
    expect(selfAnswerFormSchema.safeParse({ value: null, catatan: "" }).success).toBe(true);
  });

  it("the hasil form reads a decimal comma and refuses what the action refuses", () => {
    const typed = { ipak: "3,55", ipkp: "", capaianKinerja: "B", catatan: "Sesuai laporan survei." };
    expect(tpiHasilFormSchema.parse(typed)).toEqual({
      ipak: 3.55,
      ipkp: null,
      capaianKinerja: "B",
      catatan: "Sesuai laporan survei.",
    });
    const bad = tpiHasilFormSchema.safeParse({ ipak: "4,5", ipkp: "x", capaianKinerja: "", catatan: "" });
    expect(errorsOf(bad)).toEqual(
      errorsOf(
        saveTpiHasilSchema.safeParse({
          assessmentId: "a1",
          version: 0,
          ipak: 4.5,
          ipkp: NaN,
          capaianKinerja: null,
          catatan: "",
        }),
      ),
    );
    expect(errorsOf(bad)).toEqual({ ipak: "Indeks maksimal 4,00", ipkp: "Indeks harus angka" });
    expect(errorsOf(tpiHasilFormSchema.safeParse({ ...typed, catatan: "" }))).toEqual({
      catatan: "TPI wajib memberi catatan atas nilai hasil",
    });
  });

  it("the TPI review form checks only what the chosen decision needs", () => {
    const base = { value: "Ya", note: "", reason: "" };
    expect(tpiReviewFormSchema.safeParse({ ...base, decision: "ACCEPT" }).success).toBe(true);
    for (const decision of ["CHANGE", "RETURN"] as const) {
      const form = tpiReviewFormSchema.safeParse({ ...base, value: null, decision });
      const action = reviewQuestionSchema.safeParse({
        ...server,
        tpiVersion: 0,
        seenReviewStatus: "PENDING",
        ...base,
        value: null,
        decision,
      });
      expect(Object.keys(errorsOf(form)).length).toBeGreaterThan(0);
      expect(errorsOf(form)).toEqual(errorsOf(action));
    }
  });

  it("the decision dialogs ask a reason only for sending back; reopening needs one with a date", () => {
    expect(decisionFormSchema.safeParse({ reason: "" }).success).toBe(true);
    expect(errorsOf(sendBackFormSchema.safeParse({ reason: "Pendek" })).reason).toMatch(/minimal 10 karakter/);
    expect(reopenFormSchema.parse({ until: "", reason: "" })).toEqual({ until: null, reason: "" });
    expect(errorsOf(reopenFormSchema.safeParse({ until: "2026-12-31", reason: "" })).reason).toMatch(
      /alasan pembukaan kembali/,
    );
  });
});
