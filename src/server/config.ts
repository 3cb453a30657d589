/**
 * Settings read from the environment that must be valid before the server accepts a request.
 * `checkSettings()` runs at start (scripts/start.ts) and names every bad value at once; the
 * readers below are what the rest of the code calls.
 */
import { evidenceMaxBytes } from "@/server/storage/ingest";

type Env = Partial<Record<string, string>>;

function integerSetting(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!(value >= min && value <= max))
    throw new Error(`${name} harus bilangan bulat ${min}–${max}, bukan ${JSON.stringify(raw)}.`);
  return value;
}

/** Failures allowed per account and per client address within the sign-in window. */
export function loginLimits(env: Env = process.env) {
  return {
    perAccount: integerSetting(env, "LOGIN_MAX_FAILURES_PER_ACCOUNT", 5, 1, 1000),
    perIp: integerSetting(env, "LOGIN_MAX_FAILURES_PER_IP", 20, 1, 100_000),
  };
}

/** How many reverse proxies in front of the app append to X-Forwarded-For (TRUST_PROXY; 0 = none). */
export function trustedProxyHops(env: Env = process.env): number {
  return integerSetting(env, "TRUST_PROXY", 0, 0, 10);
}

/** Survey answers one client address may send per 10 minutes (SURVEY_MAX_PER_IP, default 30). */
export function surveyMaxPerIp(env: Env = process.env): number {
  return integerSetting(env, "SURVEY_MAX_PER_IP", 30, 1, 1_000_000);
}

export const DEFAULT_UNIT_QUOTA_BYTES = 2 * 1024 ** 3;

/** Evidence bytes one unit may keep (EVIDENCE_UNIT_QUOTA_BYTES, default 2 GB). */
export function unitQuotaBytes(env: Env = process.env): number {
  return integerSetting(env, "EVIDENCE_UNIT_QUOTA_BYTES", DEFAULT_UNIT_QUOTA_BYTES, 1, Number.MAX_SAFE_INTEGER);
}

/** Public complaints accepted from one address per hour (PENGADUAN_MAX_PER_IP, default 5). */
export function pengaduanLimitPerIp(env: Env = process.env): number {
  return integerSetting(env, "PENGADUAN_MAX_PER_IP", 5, 1, 100_000);
}

/** PortalRB API calls one token may make per minute (PORTALRB_RATE_PER_MINUTE, default 120). */
export function portalRbRatePerMinute(env: Env = process.env): number {
  return integerSetting(env, "PORTALRB_RATE_PER_MINUTE", 120, 1, 100_000);
}

/** Days a signed PortalRB evidence link stays valid (PORTALRB_LINK_DAYS, default 60: the review season). */
export function evidenceLinkDays(env: Env = process.env): number {
  return integerSetting(env, "PORTALRB_LINK_DAYS", 60, 1, 366);
}

/** Every setting checked at once; throws one error listing each bad value. */
export function checkSettings(env: Env = process.env): void {
  const problems: string[] = [];
  for (const read of [
    loginLimits,
    trustedProxyHops,
    unitQuotaBytes,
    evidenceMaxBytes,
    surveyMaxPerIp,
    pengaduanLimitPerIp,
    portalRbRatePerMinute,
    evidenceLinkDays,
  ]) {
    try {
      read(env);
    } catch (e) {
      problems.push((e as Error).message);
    }
  }
  if (problems.length) throw new Error(`Pengaturan tidak sah:\n- ${problems.join("\n- ")}`);
}
