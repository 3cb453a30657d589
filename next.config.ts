import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native or WASM packages that must be loaded by Node, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@node-rs/argon2", "pg"],
  poweredByHeader: false,
  experimental: {
    serverActions: { bodySizeLimit: "2mb" },
    // forbidden() renders app/forbidden.tsx with HTTP 403 when a role reaches a page it must not.
    authInterrupts: true,
  },
};

export default nextConfig;
