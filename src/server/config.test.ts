import { describe, expect, test } from "vitest";
import { checkSettings, loginLimits, trustedProxyHops, unitQuotaBytes } from "./config";

describe("settings checked at start", () => {
  test("defaults when nothing is set", () => {
    expect(() => checkSettings({})).not.toThrow();
    expect(loginLimits({})).toEqual({ perAccount: 5, perIp: 20 });
    expect(trustedProxyHops({})).toBe(0);
    expect(unitQuotaBytes({})).toBe(2 * 1024 ** 3);
  });

  test("TRUST_PROXY=1 is one trusted hop", () => {
    expect(trustedProxyHops({ TRUST_PROXY: "1" })).toBe(1);
  });

  test.each([
    [
      { LOGIN_MAX_FAILURES_PER_ACCOUNT: "abc" },
      /LOGIN_MAX_FAILURES_PER_ACCOUNT harus bilangan bulat 1–1000, bukan "abc"/,
    ],
    [{ LOGIN_MAX_FAILURES_PER_ACCOUNT: "0" }, /LOGIN_MAX_FAILURES_PER_ACCOUNT/],
    [{ LOGIN_MAX_FAILURES_PER_IP: "-3" }, /LOGIN_MAX_FAILURES_PER_IP/],
    [{ LOGIN_MAX_FAILURES_PER_IP: "2.5" }, /LOGIN_MAX_FAILURES_PER_IP/],
    [{ TRUST_PROXY: "yes" }, /TRUST_PROXY/],
    [{ EVIDENCE_UNIT_QUOTA_BYTES: "1GB" }, /EVIDENCE_UNIT_QUOTA_BYTES/],
    [{ EVIDENCE_MAX_BYTES: "0" }, /EVIDENCE_MAX_BYTES/],
    [{ PORTALRB_RATE_PER_MINUTE: "0" }, /PORTALRB_RATE_PER_MINUTE/],
    [{ PORTALRB_LINK_DAYS: "400" }, /PORTALRB_LINK_DAYS harus bilangan bulat 1–366/],
  ])("refuses %o", (env, message) => {
    expect(() => checkSettings(env)).toThrow(message);
  });

  test("names every bad setting at once", () => {
    expect(() => checkSettings({ LOGIN_MAX_FAILURES_PER_ACCOUNT: "x", TRUST_PROXY: "y" })).toThrow(
      /LOGIN_MAX_FAILURES_PER_ACCOUNT[\s\S]*TRUST_PROXY/,
    );
  });
});
