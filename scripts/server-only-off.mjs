/**
 * For command-line scripts that call request-side modules directly (the benchmarks): `server-only` is a
 * marker that keeps those modules out of client bundles, inert outside the app. Loaded with
 * `node --import ./scripts/server-only-off.mjs` (or NODE_OPTIONS).
 */
import { register } from "node:module";

const empty = new URL("../node_modules/server-only/empty.js", import.meta.url).href;
const hook = `export async function resolve(specifier, context, next) {
  return specifier === "server-only" ? { url: ${JSON.stringify(empty)}, shortCircuit: true } : next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`, import.meta.url);
