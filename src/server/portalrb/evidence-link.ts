/**
 * The signed, expiring link PortalRB's reviewers follow to a unit's evidence without an account:
 * `/bukti/<payload>.<signature>`, where the payload names the assessment and the expiry and the
 * signature is an HMAC keyed from the app's secret. Changing the secret voids every link.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { evidenceLinkDays } from "@/server/config";

const DAY = 86_400_000;

function key(): Buffer {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set: evidence links cannot be signed");
  return createHmac("sha256", secret).update("zi:evidence-link:v1").digest();
}

const sign = (payload: string) => createHmac("sha256", key()).update(payload).digest("base64url");

export function signEvidenceLink(assessmentId: string, now = new Date(), days = evidenceLinkDays()): string {
  const payload = Buffer.from(
    JSON.stringify({ a: assessmentId, e: Math.floor((now.getTime() + days * DAY) / 1000) }),
  ).toString("base64url");
  return `${payload}.${sign(payload)}`;
}

export type LinkCheck =
  { ok: true; assessmentId: string; expiresAt: Date } | { ok: false; reason: "invalid" | "expired" };

export function verifyEvidenceLink(token: string, now = new Date()): LinkCheck {
  const [payload, signature, extra] = token.split(".");
  if (!payload || !signature || extra !== undefined || token.length > 512) return { ok: false, reason: "invalid" };
  const want = Buffer.from(sign(payload));
  const got = Buffer.from(signature);
  if (want.length !== got.length || !timingSafeEqual(want, got)) return { ok: false, reason: "invalid" };
  let data: { a?: unknown; e?: unknown };
  try {
    data = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return { ok: false, reason: "invalid" };
  }
  if (typeof data.a !== "string" || typeof data.e !== "number") return { ok: false, reason: "invalid" };
  const expiresAt = new Date(data.e * 1000);
  if (expiresAt.getTime() <= now.getTime()) return { ok: false, reason: "expired" };
  return { ok: true, assessmentId: data.a, expiresAt };
}
