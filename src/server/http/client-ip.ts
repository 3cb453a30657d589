/**
 * The client address behind `trustedHops` reverse proxies. Each proxy appends the address it
 * received the request from to X-Forwarded-For, so only the rightmost entries were written by
 * proxies we run; anything to their left may have been sent by the client itself. With one proxy
 * (TRUST_PROXY=1) the client is the rightmost entry; with two, the one before it; and so on.
 */
export function clientAddress(
  forwardedFor: string | string[] | undefined,
  socketAddress: string | undefined,
  trustedHops: number,
): string {
  const fallback = socketAddress || "unknown";
  if (trustedHops <= 0 || forwardedFor === undefined) return fallback;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor)
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (hops.length === 0) return fallback;
  // The socket peer is the nearest proxy; the entries it and the proxies before it appended follow.
  return hops[Math.max(0, hops.length - trustedHops)];
}
