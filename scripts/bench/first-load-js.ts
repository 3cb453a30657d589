/**
 * First-load JavaScript per page route, gzip-compressed, read from a production build (.next): the
 * root main files every page loads (build-manifest.json) plus every entry chunk the route's client
 * reference manifest lists (its layouts, its page and their boundaries). Chunks loaded later (a
 * dynamic import) are not first-load. Each chunk is counted once per route.
 *
 *   tsx scripts/bench/first-load-js.ts [.next]
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { gzipSync } from "node:zlib";

export interface RouteJs {
  /** The URL pattern, e.g. /rapor/[unitId]. */
  route: string;
  /** Chunk paths relative to .next, sorted. */
  files: string[];
  gzipBytes: number;
}

interface ClientReferenceManifest {
  entryJSFiles?: Record<string, string[]>;
  clientModules?: Record<string, { chunks: string[] }>;
}

function pageManifests(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return pageManifests(p);
    return e.name === "page_client-reference-manifest.js" ? [p] : [];
  });
}

/** The manifests are scripts that assign `globalThis.__RSC_MANIFEST[<page>] = {…}`; run one in an empty context. */
function readManifest(file: string): Record<string, ClientReferenceManifest> {
  const sandbox: Record<string, unknown> = {};
  sandbox.globalThis = sandbox;
  vm.runInNewContext(readFileSync(file, "utf8"), sandbox, { timeout: 1000 });
  return (sandbox.__RSC_MANIFEST ?? {}) as Record<string, ClientReferenceManifest>;
}

/** "/(app)/rapor/[unitId]/page" → "/rapor/[unitId]": route groups and the page segment are not in the URL. */
export function routeOf(page: string): string {
  const segments = page.split("/").filter((s) => s && s !== "page" && !/^\(.*\)$/.test(s) && !s.startsWith("@"));
  return `/${segments.join("/")}`;
}

export function firstLoadJs(nextDir = ".next"): RouteJs[] {
  const buildManifest = JSON.parse(readFileSync(path.join(nextDir, "build-manifest.json"), "utf8")) as {
    rootMainFiles?: string[];
  };
  const root = buildManifest.rootMainFiles ?? [];
  const gz = new Map<string, number>();
  const size = (file: string) => {
    if (!gz.has(file)) gz.set(file, gzipSync(readFileSync(path.join(nextDir, file))).length);
    return gz.get(file)!;
  };
  const routes: RouteJs[] = [];
  for (const file of pageManifests(path.join(nextDir, "server", "app"))) {
    for (const [page, manifest] of Object.entries(readManifest(file))) {
      const route = routeOf(page);
      // Next's own error pages are not the app's routes.
      if (route.startsWith("/_")) continue;
      const files = new Set(root);
      for (const chunks of Object.values(manifest.entryJSFiles ?? {})) for (const c of chunks) files.add(c);
      const list = [...files].filter((f) => f.endsWith(".js")).sort();
      routes.push({ route, files: list, gzipBytes: list.reduce((s, f) => s + size(f), 0) });
    }
  }
  return routes.sort((a, b) => b.gzipBytes - a.gzipBytes || a.route.localeCompare(b.route));
}

/**
 * What makes a route heavy: its chunks beyond those every page shares, largest first, each with the
 * client modules (a package, or a source file) whose own chunk it is (the last one each lists).
 */
export function heaviestChunks(route: RouteJs, all: RouteJs[], nextDir = ".next", top = 3) {
  const shared = all.reduce<Set<string> | null>(
    (acc, r) => (acc ? new Set([...acc].filter((f) => r.files.includes(f))) : new Set(r.files)),
    null,
  );
  const modules = new Map<string, Set<string>>();
  for (const file of pageManifests(path.join(nextDir, "server", "app")))
    for (const manifest of Object.values(readManifest(file)))
      for (const [id, m] of Object.entries(manifest.clientModules ?? {})) {
        const own = m.chunks.at(-1)?.replace(/^\/_next\//, "");
        const owner = id.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1] ?? id.match(/\/(src\/.+)$/)?.[1];
        if (own && owner) modules.set(own, (modules.get(own) ?? new Set()).add(owner));
      }
  return route.files
    .filter((f) => !shared?.has(f))
    .map((f) => ({
      file: f,
      gzipBytes: gzipSync(readFileSync(path.join(nextDir, f))).length,
      owners: [...(modules.get(f) ?? [])].sort(),
    }))
    .sort((a, b) => b.gzipBytes - a.gzipBytes)
    .slice(0, top);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? ".next";
  for (const r of firstLoadJs(dir)) console.log(`${(r.gzipBytes / 1024).toFixed(1).padStart(7)} kB  ${r.route}`);
}
