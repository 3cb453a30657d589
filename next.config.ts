import type { NextConfig } from "next";
import { API_CSP, HSTS, STATIC_SECURITY_HEADERS } from "./src/lib/security-headers";

const nextConfig: NextConfig = {
  // Native or WASM packages that must be loaded by Node, not bundled.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@node-rs/argon2",
    "pg",
    "@react-pdf/renderer",
    "archiver",
  ],
  poweredByHeader: false,
  experimental: {
    serverActions: { bodySizeLimit: "2mb" },
    // forbidden() renders app/forbidden.tsx with HTTP 403 when a role reaches a page it must not.
    authInterrupts: true,
  },
  async headers() {
    return [
      { source: "/:path*", headers: STATIC_SECURITY_HEADERS },
      // scripts/start.ts sets x-zi-proto from the connection (or the trusted proxy), never from the client.
      { source: "/:path*", has: [{ type: "header", key: "x-zi-proto", value: "https" }], headers: [HSTS] },
      // The upload route bypasses the proxy (see src/proxy.ts), so its policy is set here.
      { source: "/api/evidence", headers: [{ key: "Content-Security-Policy", value: API_CSP }] },
      { source: "/api/publik/pengaduan", headers: [{ key: "Content-Security-Policy", value: API_CSP }] },
    ];
  },
};

export default nextConfig;
