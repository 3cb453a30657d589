import { describe, expect, test } from "vitest";
import { SESSION_ABSOLUTE_SECONDS, sessionClaims, sessionValid } from "./session-policy";

const now = 1_800_000_000;
const user = { sessionVersion: 3, active: true };

describe("sessionValid", () => {
  test("a fresh session of the current version is valid", () => {
    expect(sessionValid({ uid: "u", sv: 3, authAt: now - 60 }, user, now)).toBe(true);
  });
  test("a session of an older version (signed out, password changed, deactivated, roles changed) is not", () => {
    expect(sessionValid({ uid: "u", sv: 2, authAt: now - 60 }, user, now)).toBe(false);
  });
  test("a deactivated user's session is not", () => {
    expect(sessionValid({ uid: "u", sv: 3, authAt: now - 60 }, { ...user, active: false }, now)).toBe(false);
  });
  test("the absolute lifetime ends a session however active it was", () => {
    expect(sessionValid({ uid: "u", sv: 3, authAt: now - SESSION_ABSOLUTE_SECONDS }, user, now)).toBe(true);
    expect(sessionValid({ uid: "u", sv: 3, authAt: now - SESSION_ABSOLUTE_SECONDS - 1 }, user, now)).toBe(false);
  });
  test("a sign-in time in the future is refused", () => {
    expect(sessionValid({ uid: "u", sv: 3, authAt: now + 3600 }, user, now)).toBe(false);
  });
});

describe("sessionClaims", () => {
  test("a cookie from before session versions carries no claims", () => {
    expect(sessionClaims({ uid: "u" })).toBeNull();
    expect(sessionClaims(undefined)).toBeNull();
    expect(sessionClaims({ id: "u", sv: 0, authAt: now })).toEqual({ uid: "u", sv: 0, authAt: now });
  });
});
