#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on 127.0.0.1 for the server store tests.
#
#   eval "$(bash .ci/start-postgres.sh)"      # prints: export RAK_TEST_PG_URL=... RAK_TEST_PG_DATA=...
#   bash .ci/start-postgres.sh stop            # stops the cluster in $RAK_TEST_PG_DATA and removes it
#
# Needs Debian's `postgresql` package (initdb and pg_ctl under /usr/lib/postgresql/<version>/bin).
# As root, the cluster runs as the `postgres` user (PostgreSQL refuses to run as root). It listens
# on loopback only, on a free port, with trust authentication: for tests, never for anything else.
# Everything but the export lines goes to stderr, so the output can be eval'ed.
set -euo pipefail

log() { echo "start-postgres: $*" >&2; }

PG_BIN="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}"
if [[ -z "$PG_BIN" || ! -x "$PG_BIN/initdb" ]]; then
  log "initdb not found; install Debian's postgresql package or set PG_BIN"
  exit 1
fi

as_owner() {
  if [[ "$(id -u)" == "0" ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

if [[ "${1:-}" == "stop" ]]; then
  data="${RAK_TEST_PG_DATA:?RAK_TEST_PG_DATA is not set}"
  as_owner "$PG_BIN/pg_ctl" -D "$data" -m fast -w stop >&2 || true
  rm -rf "$(dirname "$data")"
  exit 0
fi

root="$(mktemp -d "${TMPDIR:-/tmp}/rak-pg.XXXXXX")"
chmod 700 "$root"
if [[ "$(id -u)" == "0" ]]; then chown postgres: "$root"; fi

# A free loopback port: bind port 0 and read what the kernel gave.
port="$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"

log "initdb in $root/data ($PG_BIN)"
as_owner "$PG_BIN/initdb" -D "$root/data" -U rak --auth=trust --encoding=UTF8 --locale=C --no-sync >"$root/initdb.log" 2>&1 || {
  cat "$root/initdb.log" >&2
  exit 1
}

log "starting on 127.0.0.1:$port"
as_owner "$PG_BIN/pg_ctl" -D "$root/data" -l "$root/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $root -c fsync=off -c max_connections=50" start >&2 || {
  cat "$root/server.log" >&2
  exit 1
}

as_owner "$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U rak rak_test >&2

echo "export RAK_TEST_PG_URL=postgres://rak@127.0.0.1:$port/rak_test"
echo "export RAK_TEST_PG_DATA=$root/data"
