/** `npm run bench`: every benchmark, one after the other. */
import { spawnSync } from "node:child_process";

const benches = ["scripts/bench-scoring.ts", "scripts/bench-pages.ts"];
let failed = false;
for (const file of benches) {
  console.log(`\n━━━ ${file} ━━━`);
  const r = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", file], { stdio: "inherit" });
  failed ||= r.status !== 0;
}
process.exit(failed ? 1 : 0);
