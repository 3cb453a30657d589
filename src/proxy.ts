import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { newNonce, pageContentSecurityPolicy } from "@/lib/security-headers";

// Public for people without an account: the survey pages and answer endpoint; /publik, the units'
// transparency pages, complaint form and tracking. PortalRB calls with its own bearer token and reviewers
// open signed evidence links: both check their own credential.
const PUBLIC = ["/masuk", "/api/auth", "/survei", "/api/survei", "/api/portalrb", "/bukti", "/publik", "/api/publik"];

/**
 * Every page and API call passes here: a Content-Security-Policy with a fresh nonce (handed to Next
 * through the request headers so its scripts carry it), then the sign-in gate — anonymous visitors
 * go to the sign-in page, anonymous API calls get 401 and no data.
 */
export async function proxy(req: NextRequest) {
  const nonce = newNonce();
  const csp = pageContentSecurityPolicy(nonce, {
    dev: process.env.NODE_ENV === "development",
    https: req.headers.get("x-zi-proto") === "https",
  });
  const withCsp = (res: NextResponse) => {
    res.headers.set("Content-Security-Policy", csp);
    return res;
  };
  const requestHeaders = new Headers(req.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const pass = () => withCsp(NextResponse.next({ request: { headers: requestHeaders } }));

  const { pathname, search } = req.nextUrl;
  if (PUBLIC.some((p) => pathname === p || pathname.startsWith(`${p}/`))) return pass();
  const token = await getToken({ req, secret: process.env.NEXTAUTH_SECRET });
  if (token) return pass();
  if (pathname.startsWith("/api/")) {
    return withCsp(NextResponse.json({ error: "Silakan masuk terlebih dahulu." }, { status: 401 }));
  }
  const url = req.nextUrl.clone();
  url.pathname = "/masuk";
  url.search = pathname === "/" ? "" : `?callbackUrl=${encodeURIComponent(pathname + search)}`;
  return withCsp(NextResponse.redirect(url));
}

export const config = {
  // Not the evidence upload (POST /api/evidence): a body passing through the proxy is buffered and cut
  // at the framework's own limit, which would store a truncated file. The route checks the session
  // itself, and next.config.ts gives it its headers. The public complaint submission (with attachments) likewise.
  matcher: [
    "/((?!_next/static|_next/image|favicon.ico|api/evidence$|api/publik/pengaduan$|.*\\.(?:png|svg|ico|woff2?)$).*)",
  ],
};
