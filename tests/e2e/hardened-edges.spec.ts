import http from "node:http";
import { expect, test, type Page } from "./fixtures";
import { baseURL } from "../../playwright.config";
import { pdf } from "../fixtures/evidence-files";
import { DEMO, DEMO_PASSWORD, signIn } from "./helpers";

// Faults found in a review of the running app, each checked against the real server.

const SECURITY_HEADERS = {
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "strict-origin-when-cross-origin",
};

function expectSecurityHeaders(headers: Record<string, string>, what: string) {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(headers[name], `${name} on ${what}`).toBe(value);
  expect(headers["permissions-policy"], what).toMatch(/camera=\(\), microphone=\(\), geolocation=\(\)/);
  expect(headers["content-security-policy"], what).toMatch(/frame-ancestors 'none'|sandbox/);
  // Served over plain http here: HSTS would be wrong (and is sent only behind https).
  expect(headers["strict-transport-security"], what).toBeUndefined();
}

test("every response carries the security headers, and pages run only the scripts with the request's nonce", async ({
  page,
}) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to (execute|load)/i.test(m.text())) violations.push(m.text());
  });
  const signInPage = await page.goto("/masuk");
  const headers = signInPage!.headers();
  expectSecurityHeaders(headers, "/masuk");
  const nonce = /'nonce-([^']+)'/.exec(headers["content-security-policy"])?.[1];
  expect(nonce).toBeTruthy();
  expect(headers["content-security-policy"]).toContain("'strict-dynamic'");
  const scripts = await page.locator("script").evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).nonce));
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.every((n) => n === nonce)).toBe(true);

  // The page hydrates under the policy: the sign-in form works and the app renders.
  await signIn(page, DEMO.operator("dinkes"));
  const home = await page.request.get("/");
  expectSecurityHeaders(home.headers(), "/");
  expect(/'nonce-([^']+)'/.exec(home.headers()["content-security-policy"])?.[1]).not.toBe(nonce);
  await page.goto("/penilaian");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(violations).toEqual([]);

  for (const path of ["/api/evidence", "/api/evidence/tidak-ada", "/api/auth/session", "/masuk?x=1"]) {
    const res = await page.request.fetch(path, {
      method: path === "/api/evidence" ? "POST" : "GET",
      failOnStatusCode: false,
    });
    expectSecurityHeaders(res.headers(), path);
  }
  // Without TRUST_PROXY a client cannot claim https (the server sets x-zi-proto itself).
  for (const headers of [{ "x-forwarded-proto": "https" }, { "x-zi-proto": "https" }] as Record<string, string>[]) {
    const res = await page.request.get("/masuk", { headers });
    expect(res.headers()["strict-transport-security"]).toBeUndefined();
  }
  const anonymous = await page.context().browser()!.newContext({ baseURL });
  const redirect = await anonymous.request.get("/ikhtisar", { maxRedirects: 0 });
  expect(redirect.status()).toBe(307);
  expectSecurityHeaders(redirect.headers(), "a redirect");
  await anonymous.close();
});

test.describe("sign-in redirect", () => {
  for (const callback of [
    "http://x//evil.example/path",
    "//evil.example/path",
    "/\\evil.example",
    "/%2F%2Fevil.example",
    "https://evil.example/",
  ]) {
    test(`callbackUrl ${callback} stays on this site`, async ({ page }) => {
      await page.goto(`/masuk?callbackUrl=${encodeURIComponent(callback)}`);
      await page.getByLabel("NIP atau email").fill(DEMO.kepala("dinkes"));
      await page.getByLabel("Kata sandi").fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Masuk" }).click();
      await expect(page.getByTestId("header-user")).toBeVisible();
      expect(new URL(page.url()).origin).toBe(baseURL);
      expect(new URL(page.url()).pathname).toBe("/");
      // Signed in already: the sign-in page redirects at once, to this site too.
      const again = await page.request.get(`/masuk?callbackUrl=${encodeURIComponent(callback)}`, { maxRedirects: 0 });
      expect(again.headers()["location"]).toMatch(/^\/(?![/\\])|^http:\/\/localhost:\d+\/(?![/\\])/);
    });
  }

  test("a same-site callbackUrl is honoured", async ({ page }) => {
    await page.goto(`/masuk?callbackUrl=${encodeURIComponent("/linimasa")}`);
    await page.getByLabel("NIP atau email").fill(DEMO.kepala("dinkes"));
    await page.getByLabel("Kata sandi").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Masuk" }).click();
    await page.waitForURL(/\/linimasa$/);
  });
});

async function dinkesLke(page: Page): Promise<string> {
  await page.goto("/penilaian");
  const href = await page.locator('a[href^="/penilaian/"]').first().getAttribute("href");
  return href!.split("/")[2].split("?")[0];
}

/** A raw upload with Transfer-Encoding: chunked (no Content-Length), as a script or a proxy may send it. */
function chunkedUpload(path: string, cookie: string, total: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${baseURL}${path}`, {
      method: "POST",
      headers: {
        cookie,
        origin: baseURL,
        "x-file-name": "besar.pdf",
        "content-type": "application/octet-stream",
        "transfer-encoding": "chunked",
      },
    });
    req.on("response", (res) => {
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    // The server may answer and close before reading everything: that is the point.
    req.on("error", (e) => (e.message.includes("EPIPE") || e.message.includes("ECONNRESET") ? undefined : reject(e)));
    const head = pdf("besar");
    req.write(head);
    const chunk = Buffer.alloc(256 * 1024, 0x20);
    let sent = head.length;
    const pump = () => {
      while (sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      req.end();
    };
    pump();
  });
}

test("an upload over the limit sent chunked is refused with 413, not cut and stored", async ({ page }) => {
  await signIn(page, DEMO.operator("dinkes"));
  const id = await dinkesLke(page);
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const res = await chunkedUpload(`/api/evidence?assessmentId=${id}&question=PPA1B`, cookie, 12 * 1024 * 1024);
  expect(res.status).toBe(413);
  expect(JSON.parse(res.body).error).toBe("Berkas terlalu besar: maksimal 10 MB.");
  await page.goto(`/penilaian/${id}?q=PPA1B`);
  await expect(page.getByTestId("question-PPA1B")).toBeVisible();
  await expect(page.getByRole("link", { name: "besar.pdf" })).toHaveCount(0);

  // A foreign Origin is refused even with the user's cookie.
  const forged = await page.request.post(`/api/evidence?assessmentId=${id}&question=PPA1B`, {
    headers: { origin: "https://evil.example", "x-file-name": "x.pdf" },
    data: pdf("palsu"),
    failOnStatusCode: false,
  });
  expect(forged.status()).toBe(403);
});
