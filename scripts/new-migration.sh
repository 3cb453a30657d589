#!/usr/bin/env bash
# Writes prisma/migrations/<timestamp>_<name>/migration.sql from the change between the schema
# at HEAD (or an empty database) and the working prisma/schema.prisma.
#
# Prisma 7's migrate commands need a schema engine binary from outside the npm registry, so this
# uses Prisma 6.19's WASM schema engine ("engine: js") from a scratch folder instead. It needs a
# reachable PostgreSQL for the driver adapter (MIGRATION_DIFF_URL, default the local server).
set -euo pipefail
name=${1:?usage: scripts/new-migration.sh <name>}
root=$(cd "$(dirname "$0")/.." && pwd)
work=${PRISMA6_DIR:-/tmp/zi-prisma6}
url=${MIGRATION_DIFF_URL:-postgres://postgres@127.0.0.1:5432/postgres}

mkdir -p "$work"
if [ ! -x "$work/node_modules/.bin/prisma" ]; then
  (cd "$work" && npm init -y >/dev/null && npm install --no-save prisma@6.19.3 @prisma/adapter-pg@6.19.3 >/dev/null)
fi

# Prisma 6 wants a datasource url and no Prisma 7 generator.
to_v6() {
  sed -e '/^generator client {/,/^}/d' \
      -e "s|^  provider = \"postgresql\"$|  provider = \"postgresql\"\n  url      = \"$url\"|"
}
to_v6 < "$root/prisma/schema.prisma" > "$work/to.prisma"
from=(--from-empty)
if git -C "$root" cat-file -e HEAD:prisma/schema.prisma 2>/dev/null; then
  git -C "$root" show HEAD:prisma/schema.prisma | to_v6 > "$work/from.prisma"
  from=(--from-schema-datamodel "$work/from.prisma")
fi
cat > "$work/prisma.config.ts" <<TS
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "to.prisma",
  adapter: async () => new PrismaPg({ connectionString: "$url" }),
} as never);
TS

dir="$root/prisma/migrations/$(date -u +%Y%m%d%H%M%S)_${name}"
sql=$(cd "$work" && CHECKPOINT_DISABLE=1 PRISMA_QUERY_ENGINE_LIBRARY=/bin/false PRISMA_SCHEMA_ENGINE_BINARY=/bin/false \
  npx --no-install prisma migrate diff "${from[@]}" --to-schema-datamodel to.prisma --script)
if ! grep -qv '^--\|^$' <<<"$sql"; then echo "No schema change."; exit 0; fi
mkdir -p "$dir"
printf '%s\n' "$sql" > "$dir/migration.sql"
echo "Wrote ${dir#$root/}/migration.sql"
