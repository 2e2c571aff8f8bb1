#!/usr/bin/env bash
# The reference back end's tests (server/test/, node --test): always against embedded PGlite;
# also against a throw-away PostgreSQL cluster when Debian's postgresql is installed
# (/usr/lib/postgresql/*/bin/initdb). The cluster lives in a temporary directory, listens on
# 127.0.0.1 and a socket in that directory only, and is stopped and removed afterwards. As root
# (CI), it runs as the `postgres` user, since initdb refuses root.
# Needs dist/core.js (built here when missing; otherwise the existing build is used).
set -euo pipefail
cd "$(dirname "$0")/.."

[ -f dist/core.js ] || npm run build --silent

# Arguments: test files to run instead of all of server/test/.
FILES=("$@")
[ ${#FILES[@]} -gt 0 ] || FILES=(server/test/)

echo "== server tests: embedded PGlite"
# Both databases are tried even when the first fails; the script fails if either did.
status=0
env -u DATABASE_URL node --test "${FILES[@]}" || status=$?

INITDB=$(ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$INITDB" ]; then
  echo "== PostgreSQL not installed (apt-get install postgresql): PGlite only"
  exit $status
fi
BIN=$(dirname "$INITDB")

as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

TMP=$(mktemp -d "${TMPDIR:-/tmp}/xc-pg.XXXXXX")
[ "$(id -u)" = 0 ] && chown postgres: "$TMP"
PORT=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')

cleanup() {
  as_pg "$BIN/pg_ctl" -D "$TMP/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$TMP"
}
trap cleanup EXIT

echo "== server tests: PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') (throw-away cluster on 127.0.0.1:$PORT)"
as_pg "$BIN/initdb" -D "$TMP/data" -U xc -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
as_pg "$BIN/pg_ctl" -D "$TMP/data" -l "$TMP/data/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $PORT -k $TMP -c max_connections=20" start >/dev/null
# The browser end-to-end tests (e2e-*.test.js) start the demo stack on PGlite of their own; they
# ran above and would only repeat here.
PG_FILES=()
for f in "${FILES[@]}"; do
  if [ -d "$f" ]; then
    for g in "$f"/*.test.js; do case "$(basename "$g")" in e2e-*) ;; *) PG_FILES+=("$g") ;; esac; done
  else
    PG_FILES+=("$f")
  fi
done
DATABASE_URL="postgres://xc@127.0.0.1:$PORT/postgres" node --test "${PG_FILES[@]}" || status=$?
exit $status
