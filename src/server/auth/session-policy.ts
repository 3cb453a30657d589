/**
 * When a session ends. The token carries the user's session version and the time of sign-in;
 * every request compares them with the stored user (see current-user.ts).
 */

/** Idle limit: the cookie expires this long after the last request that renewed it. */
export const SESSION_IDLE_SECONDS = 8 * 60 * 60;
/** Absolute limit: however active, a session ends this long after sign-in. */
export const SESSION_ABSOLUTE_SECONDS = 12 * 60 * 60;

export interface SessionClaims {
  uid: string;
  /** The user's `sessionVersion` at sign-in. */
  sv: number;
  /** Sign-in time, seconds since the epoch. */
  authAt: number;
}

/** Reads the claims from a decoded token or session, or null when any is missing (an older cookie). */
export function sessionClaims(value: unknown): SessionClaims | null {
  const v = (value ?? {}) as Record<string, unknown>;
  const uid = v.uid ?? v.id;
  if (typeof uid !== "string" || typeof v.sv !== "number" || typeof v.authAt !== "number") return null;
  return { uid, sv: v.sv, authAt: v.authAt };
}

export function sessionValid(
  claims: SessionClaims,
  user: { sessionVersion: number; active: boolean },
  nowSeconds = Date.now() / 1000,
): boolean {
  return (
    user.active &&
    claims.sv === user.sessionVersion &&
    nowSeconds - claims.authAt <= SESSION_ABSOLUTE_SECONDS &&
    claims.authAt <= nowSeconds + 60
  );
}
