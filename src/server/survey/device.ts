import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * The "one response per device per round" token: a random device id in a signed cookie. Only a hash of
 * (device, round) is stored, in a table apart from the answers, so an answer cannot be traced to a device.
 */
export const DEVICE_COOKIE = "zi_survei";
export const DEVICE_COOKIE_MAX_AGE = 400 * 24 * 3600;

// Without a configured secret (tests, first dev start) a per-process one still makes forged ids useless.
const fallbackSecret = randomBytes(32).toString("hex");
const secret = () => process.env.NEXTAUTH_SECRET || fallbackSecret;

const sign = (id: string) => createHmac("sha256", secret()).update(`survey-device:${id}`).digest("base64url");

export function newDeviceCookie(): { id: string; value: string } {
  const id = randomBytes(16).toString("base64url");
  return { id, value: `${id}.${sign(id)}` };
}

/** The device id of a well-signed cookie, or null. */
export function readDeviceCookie(value: string | undefined | null): string | null {
  if (!value) return null;
  const [id, sig] = value.split(".");
  if (!id || !sig) return null;
  const expected = Buffer.from(sign(id));
  const given = Buffer.from(sig);
  return expected.length === given.length && timingSafeEqual(expected, given) ? id : null;
}

export function deviceHash(deviceId: string, roundId: string): string {
  return createHash("sha256").update(`${roundId}:${deviceId}`).digest("hex");
}
