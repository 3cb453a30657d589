import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, test } from "vitest";
import { firstLoadJs, heaviestChunks, routeOf } from "./first-load-js";

// A small fake build: two root main files every page loads, a layout chunk shared by the app's pages,
// a chart chunk only the scorecard loads, a stylesheet (not JavaScript) and a route handler (no page).
const dir = mkdtempSync(path.join(os.tmpdir(), "zi-flj-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const chunk = (name: string, content: string) => {
  mkdirSync(path.join(dir, "static", "chunks"), { recursive: true });
  writeFileSync(path.join(dir, "static", "chunks", name), content);
  return gzipSync(Buffer.from(content)).length;
};
const manifest = (page: string, m: unknown) => {
  const folder = path.join(dir, "server", "app", ...page.split("/").filter(Boolean).slice(0, -1));
  mkdirSync(folder, { recursive: true });
  writeFileSync(
    path.join(folder, "page_client-reference-manifest.js"),
    `globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};\nglobalThis.__RSC_MANIFEST[${JSON.stringify(page)}] = ${JSON.stringify(m)};\n`,
  );
};

const react = chunk("react.js", "function react(){return 'x'.repeat(10)}".repeat(200));
const runtime = chunk("runtime.js", "var runtime = 1;".repeat(50));
const layout = chunk("layout.js", "export const shell = 'navigation';".repeat(30));
const charts = chunk("charts.js", Array.from({ length: 400 }, (_, i) => `chart${i * 7919}`).join(";"));
const form = chunk("form.js", "const form = { field: 1 };".repeat(40));
chunk("style.css", "body{color:red}");
writeFileSync(
  path.join(dir, "build-manifest.json"),
  JSON.stringify({ rootMainFiles: ["static/chunks/react.js", "static/chunks/runtime.js"], polyfillFiles: [] }),
);
manifest("/(app)/rapor/[unitId]/page", {
  entryJSFiles: {
    "[project]/src/app/layout": ["static/chunks/react.js"],
    "[project]/src/app/(app)/layout": ["static/chunks/layout.js"],
    "[project]/src/app/(app)/rapor/[unitId]/page": [
      "static/chunks/layout.js",
      "static/chunks/charts.js",
      "static/chunks/style.css",
    ],
  },
  clientModules: {
    // A module's own chunk is the last it lists; the layout chunk before it is only needed with it.
    "[project]/src/components/charts/trend-chart.tsx": {
      chunks: ["/_next/static/chunks/layout.js", "/_next/static/chunks/charts.js"],
    },
  },
});
manifest("/(app)/admin/unit/baru/page", {
  entryJSFiles: {
    "[project]/src/app/(app)/layout": ["static/chunks/layout.js"],
    "[project]/src/app/(app)/admin/unit/baru/page": ["static/chunks/form.js"],
  },
  clientModules: {
    "[project]/node_modules/react-hook-form/dist/index.esm.mjs": { chunks: ["/_next/static/chunks/form.js"] },
  },
});
manifest("/masuk/page", { entryJSFiles: { "[project]/src/app/masuk/page": [] } });
manifest("/_not-found/page", { entryJSFiles: { "[project]/src/app/not-found": ["static/chunks/form.js"] } });

describe("first-load JS per route", () => {
  test("root main files plus the route's entry chunks, each gzipped and counted once", () => {
    const routes = firstLoadJs(dir);
    expect(routes.map((r) => [r.route, r.gzipBytes])).toEqual([
      ["/rapor/[unitId]", react + runtime + layout + charts],
      ["/admin/unit/baru", react + runtime + layout + form],
      ["/masuk", react + runtime],
    ]);
    expect(routes[0].files).toEqual([
      "static/chunks/charts.js",
      "static/chunks/layout.js",
      "static/chunks/react.js",
      "static/chunks/runtime.js",
    ]);
  });

  test("names what a heavy route loads beyond the shared chunks", () => {
    const routes = firstLoadJs(dir);
    expect(heaviestChunks(routes[0], routes, dir)).toEqual([
      { file: "static/chunks/charts.js", gzipBytes: charts, owners: ["src/components/charts/trend-chart.tsx"] },
      { file: "static/chunks/layout.js", gzipBytes: layout, owners: [] },
    ]);
  });

  test("route groups and the page segment are not part of the URL", () => {
    expect(routeOf("/(app)/rapor/[unitId]/page")).toBe("/rapor/[unitId]");
    expect(routeOf("/(app)/page")).toBe("/");
    expect(routeOf("/survei/[token]/page")).toBe("/survei/[token]");
  });
});
