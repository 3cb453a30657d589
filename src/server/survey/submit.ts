/**
 * The public answer to a survey round: no account, no identity stored. Checks in order: the round exists and is
 * open, the client address is under its rate limit, the honeypot is empty (a filled one is dropped silently),
 * the answers fit the round's instruments, and this device has not answered this round yet.
 */
import { z } from "zod";
import { acceptsResponses, RESPONDENT_FIELDS, type RespondentField } from "@/domain/survey/instruments";
import { writeAudit } from "@/server/audit";
import { surveyMaxPerIp } from "@/server/config";
import { getDb } from "@/server/db/client";
import { createRateLimiter } from "@/server/http/rate-limit";
import { deviceHash, newDeviceCookie, readDeviceCookie } from "./device";
import { instrumentView, KINDS } from "./results";

export const SURVEY_WINDOW_MS = 10 * 60_000;
export const surveyRateLimiter = createRateLimiter({ limit: () => surveyMaxPerIp(), windowMs: SURVEY_WINDOW_MS });

// Instrument versions never change once written (an edit makes a new row), so they can be kept in memory:
// a burst of answers then costs one read of the round per answer.
type InstrumentRow = NonNullable<Awaited<ReturnType<ReturnType<typeof getDb>["surveyInstrument"]["findUnique"]>>>;
const instruments = new Map<string, Promise<InstrumentRow>>();
function instrument(id: string): Promise<InstrumentRow> {
  let row = instruments.get(id);
  if (!row) {
    row = getDb().surveyInstrument.findUniqueOrThrow({ where: { id } });
    row.catch(() => instruments.delete(id));
    if (instruments.size > 1000) instruments.clear();
    instruments.set(id, row);
  }
  return row;
}

/** The honeypot's field name: a plausible one, so form-filling bots fill it. */
export const HONEYPOT = "situs_web";

export type SubmitOutcome =
  | { kind: "saved"; responseId: string }
  | { kind: "dropped" }
  | { kind: "duplicate"; message: string }
  | { kind: "rate-limited"; message: string }
  | { kind: "closed"; message: string }
  | { kind: "not-found"; message: string }
  | { kind: "invalid"; message: string; fieldErrors: Record<string, string> };

export interface SubmitInput {
  token: string;
  /** Form fields: `SPAK.A1` = "4", …, respondent fields by code, the honeypot. */
  fields: Record<string, string | undefined>;
  deviceCookie: string | null | undefined;
  ip: string;
}

export async function submitSurveyResponse(
  input: SubmitInput,
): Promise<{ outcome: SubmitOutcome; setCookie: string | null }> {
  const db = getDb();
  const found = await db.surveyRound.findUnique({
    where: { token: input.token },
    select: { id: true, status: true, spakInstrumentId: true, spkpInstrumentId: true },
  });
  if (!found) return { outcome: { kind: "not-found", message: "Survei tidak ditemukan." }, setCookie: null };
  const round = {
    ...found,
    spak: await instrument(found.spakInstrumentId),
    spkp: await instrument(found.spkpInstrumentId),
  };
  if (!acceptsResponses(round.status)) {
    return {
      outcome: { kind: "closed", message: "Survei ini sudah ditutup. Terima kasih atas perhatian Anda." },
      setCookie: null,
    };
  }
  if (!surveyRateLimiter.hit(input.ip)) {
    return {
      outcome: {
        kind: "rate-limited",
        message: "Terlalu banyak jawaban dari jaringan ini. Coba lagi beberapa menit lagi.",
      },
      setCookie: null,
    };
  }
  if ((input.fields[HONEYPOT] ?? "").trim() !== "") return { outcome: { kind: "dropped" }, setCookie: null };

  const fieldErrors: Record<string, string> = {};
  const answers: Record<"spak" | "spkp", (number | null)[]> = { spak: [], spkp: [] };
  for (const kind of KINDS) {
    const instrument = instrumentView(kind === "SPAK" ? round.spak : round.spkp);
    const [min, max] = instrument.scale;
    const values = instrument.elements.map((e) => {
      const raw = input.fields[`${kind}.${e.code}`]?.trim();
      if (!raw) return null;
      const v = Number(raw);
      if (!Number.isInteger(v) || v < min || v > max) {
        fieldErrors[`${kind}.${e.code}`] = `Pilih ${min}–${max}`;
        return null;
      }
      return v;
    });
    // Every element is asked; a sheet with blanks is refused so the index rests on whole answers.
    instrument.elements.forEach((e, i) => {
      if (values[i] === null) fieldErrors[`${kind}.${e.code}`] ??= "Pilih salah satu jawaban";
    });
    answers[kind === "SPAK" ? "spak" : "spkp"] = values;
  }
  const respondent: Partial<Record<RespondentField, string>> = {};
  const asked = new Set([...round.spak.respondentFields, ...round.spkp.respondentFields]);
  for (const code of Object.keys(RESPONDENT_FIELDS) as RespondentField[]) {
    const raw = input.fields[code]?.trim();
    if (!raw || !asked.has(code)) continue;
    const options = RESPONDENT_FIELDS[code].options as readonly string[] | null;
    const parsed = options
      ? z.enum(options as [string, ...string[]]).safeParse(raw)
      : z.string().max(120).safeParse(raw);
    if (parsed.success) respondent[code] = parsed.data;
    else fieldErrors[code] = options ? "Pilihan tidak dikenal" : "Maksimal 120 karakter";
  }
  if (Object.keys(fieldErrors).length) {
    return { outcome: { kind: "invalid", message: "Mohon jawab semua pertanyaan.", fieldErrors }, setCookie: null };
  }

  const known = readDeviceCookie(input.deviceCookie);
  const fresh = known ? null : newDeviceCookie();
  const deviceId = known ?? fresh!.id;
  const hash = deviceHash(deviceId, round.id);
  const saved = await db.$transaction(async (tx) => {
    const used = await tx.surveyDeviceUse.createMany({
      data: [{ roundId: round.id, deviceHash: hash }],
      skipDuplicates: true,
    });
    if (used.count === 0) return null;
    const response = await tx.surveyResponse.create({
      data: { roundId: round.id, answers, respondent: Object.keys(respondent).length ? respondent : undefined },
      select: { id: true },
    });
    // Anonymous: no actor, no address; the entry only records that the round received an answer.
    await writeAudit(tx, null, null, {
      action: "survey.respond",
      entity: "SurveyResponse",
      entityId: response.id,
      after: { roundId: round.id },
    });
    return response;
  });
  if (!saved) {
    return {
      outcome: { kind: "duplicate", message: "Perangkat ini sudah mengisi survei pada putaran ini. Terima kasih." },
      setCookie: null,
    };
  }
  return { outcome: { kind: "saved", responseId: saved.id }, setCookie: fresh?.value ?? null };
}
