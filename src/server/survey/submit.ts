/**
 * The public answer to a survey round: no account, no identity stored. Checks in order: the round exists and is
 * open, the client address is under its rate limit, the honeypot is empty (a filled one is dropped silently),
 * the answers fit the round's instruments, and this device has not answered this round yet.
 */
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { acceptsResponses, RESPONDENT_FIELDS, type RespondentField } from "@/domain/survey/instruments";
import { surveyMaxPerIp } from "@/server/config";
import { getDb } from "@/server/db/client";
import { createRateLimiter } from "@/server/http/rate-limit";
import { deviceHash, newDeviceCookie, readDeviceCookie } from "./device";
import { instrumentView, KINDS } from "./results";

export const SURVEY_WINDOW_MS = 10 * 60_000;
export const surveyRateLimiter = createRateLimiter({
  name: "survey",
  limit: () => surveyMaxPerIp(),
  windowMs: SURVEY_WINDOW_MS,
});

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
  if (!(await surveyRateLimiter.hit(input.ip))) {
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
  const saved = await recordResponse(round.id, hash, answers, respondent);
  if (!saved) {
    return {
      outcome: { kind: "duplicate", message: "Perangkat ini sudah mengisi survei pada putaran ini. Terima kasih." },
      setCookie: null,
    };
  }
  return { outcome: { kind: "saved", responseId: saved.id }, setCookie: fresh?.value ?? null };
}

/**
 * The device's use of the round, the response and its audit entry in one statement (atomic on its own): a
 * burst of answers then costs one round trip each instead of an interactive transaction's five, and no
 * query compilation. Nothing is written when the device already answered this round (null is returned).
 * The audit entry is anonymous: no actor, no address, only that the round received an answer.
 */
async function recordResponse(
  roundId: string,
  deviceHash: string,
  answers: Record<"spak" | "spkp", (number | null)[]>,
  respondent: Partial<Record<RespondentField, string>>,
): Promise<{ id: string } | null> {
  const id = `c${Date.now().toString(36)}${randomBytes(10).toString("hex")}`;
  const profile = Object.keys(respondent).length ? JSON.stringify(respondent) : null;
  const rows = await getDb().$queryRaw<{ id: string }[]>`
    WITH device AS (
      INSERT INTO "SurveyDeviceUse" ("roundId", "deviceHash") VALUES (${roundId}, ${deviceHash})
      ON CONFLICT DO NOTHING RETURNING "roundId"
    ), response AS (
      INSERT INTO "SurveyResponse" (id, "roundId", answers, respondent)
      SELECT ${id}, "roundId", ${JSON.stringify(answers)}::jsonb, ${profile}::jsonb FROM device RETURNING id, "roundId"
    )
    INSERT INTO "AuditLog" (action, entity, "entityId", after)
    SELECT 'survey.respond', 'SurveyResponse', id, jsonb_build_object('roundId', "roundId") FROM response
    RETURNING "entityId" AS id`;
  return rows[0] ?? null;
}
