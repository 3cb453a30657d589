/**
 * Where to go after signing in: only a path on this site. Anything that a browser could read as
 * another origin is refused — `//host`, `/\host`, an absolute URL (even `http://x//evil`), and the same
 * written with percent-escapes or control characters — and the sign-in page itself.
 */
export function safeCallbackPath(raw: string | null | undefined): string {
  if (!raw) return "/";
  // Look through every layer of percent-encoding: a later decode (by a proxy, a browser, a second
  // redirect) must not turn an accepted value into `//evil`.
  const layers = [raw];
  for (let i = 0; i < 5; i++) {
    let next: string;
    try {
      next = decodeURIComponent(layers[layers.length - 1]);
    } catch {
      return "/";
    }
    if (next === layers[layers.length - 1]) break;
    layers.push(next);
  }
  if (!layers.every(isLocalPath)) return "/";
  const parsed = new URL(raw, "http://local.invalid");
  if (parsed.origin !== "http://local.invalid" || parsed.pathname === "/masuk") return "/";
  return `${parsed.pathname}${parsed.search}${parsed.hash}`;
}

function isLocalPath(value: string): boolean {
  return value.startsWith("/") && !/^\/[/\\]/.test(value) && !/[\\\u0000-\u001f\u007f]/.test(value);
}
