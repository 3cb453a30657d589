/**
 * The public survey answer (no account). A form post from /survei/<token> is answered with a redirect (the
 * page works without JavaScript on a slow phone); a JSON post with JSON and an HTTP status.
 */
import { NextResponse, type NextRequest } from "next/server";
import { DEVICE_COOKIE, DEVICE_COOKIE_MAX_AGE } from "@/server/survey/device";
import { submitSurveyResponse, type SubmitOutcome } from "@/server/survey/submit";

export const dynamic = "force-dynamic";

const MAX_BODY = 32 * 1024;

const STATUS: Record<SubmitOutcome["kind"], number> = {
  saved: 201,
  // A bot that filled the honeypot is told it succeeded, so it learns nothing.
  dropped: 201,
  duplicate: 409,
  "rate-limited": 429,
  closed: 410,
  "not-found": 404,
  invalid: 400,
};

export async function POST(req: NextRequest, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const isJson = (req.headers.get("content-type") ?? "").includes("application/json");
  const text = await req.text();
  if (text.length > MAX_BODY) return NextResponse.json({ ok: false, message: "Isian terlalu besar." }, { status: 413 });
  let fields: Record<string, string>;
  try {
    const raw: unknown = isJson ? JSON.parse(text) : Object.fromEntries(new URLSearchParams(text));
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw new Error("not an object");
    fields = Object.fromEntries(
      Object.entries(raw).map(([k, v]) => [k, typeof v === "string" || typeof v === "number" ? String(v) : ""]),
    );
  } catch {
    return NextResponse.json({ ok: false, message: "Isian tidak dapat dibaca." }, { status: 400 });
  }

  const { outcome, setCookie } = await submitSurveyResponse({
    token,
    fields,
    deviceCookie: req.cookies.get(DEVICE_COOKIE)?.value,
    ip: req.headers.get("x-zi-client-ip") ?? "unknown",
  });
  const status = STATUS[outcome.kind];
  const ok = status === 201;
  let res: NextResponse;
  if (isJson) {
    res = NextResponse.json(
      {
        ok,
        ...("message" in outcome ? { message: outcome.message } : {}),
        ...(outcome.kind === "invalid" ? { fieldErrors: outcome.fieldErrors } : {}),
      },
      { status },
    );
  } else {
    // A relative Location keeps the browser on the host it used (the app may sit behind a proxy).
    const base = `/survei/${encodeURIComponent(token)}`;
    res = new NextResponse(null, {
      status: 303,
      headers: { Location: ok ? `${base}/terima-kasih` : `${base}?hasil=${outcome.kind}` },
    });
  }
  res.headers.set("Cache-Control", "no-store");
  if (setCookie) {
    res.cookies.set(DEVICE_COOKIE, setCookie, {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      maxAge: DEVICE_COOKIE_MAX_AGE,
      secure: req.headers.get("x-zi-proto") === "https",
    });
  }
  return res;
}
