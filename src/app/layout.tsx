import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import "@fontsource-variable/inter";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Zona Integritas", template: "%s · Zona Integritas" },
  description: "Pengelolaan pembangunan Zona Integritas menuju WBK/WBBM",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page is rendered per request, so Next can put the request's CSP nonce on its scripts.
  await connection();
  return (
    <html lang="id">
      <body className="min-h-screen font-sans">
        {process.env.ZI_DEMO_MODE === "1" && (
          <div
            role="note"
            className="no-print bg-amber-300 px-4 py-1 text-center text-sm font-semibold text-amber-950"
            data-testid="demo-banner"
          >
            Mode demo — data contoh
          </div>
        )}
        {children}
      </body>
    </html>
  );
}
