# shellcheck shell=bash
# .ci/postgres.sh is sourced by .ci/run. It gives the tests a real PostgreSQL server, so that
# `go test ./...` runs the store, API and multi-server suites on PostgreSQL as well as SQLite:
#
#   1. installs Debian's postgresql when no server binaries are found (needs root, as in CI);
#   2. starts a throwaway cluster in a temp directory, listening on 127.0.0.1 only, on a free port;
#   3. creates the role copydesk (password copydesk) and its database copydesk_test;
#   4. exports COPYDESK_TEST_POSTGRES with that URL.
#
# The cluster is stopped and deleted when the calling script exits. Running it again is safe: an
# installed PostgreSQL is reused, and every run gets its own cluster. If COPYDESK_TEST_POSTGRES
# is already set, nothing is done and that server is used.

copydesk_pg_bin() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$d" ] && [ -x "$d/initdb" ] && echo "$d"
}

# copydesk_pg_as runs a server command as the postgres user when we are root (initdb and
# postgres refuse to run as root), and as ourselves otherwise.
copydesk_pg_as() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

copydesk_pg_stop() {
  if [ -n "${COPYDESK_PG_DIR:-}" ] && [ -d "$COPYDESK_PG_DIR" ]; then
    copydesk_pg_as "$COPYDESK_PG_BIN/pg_ctl" -D "$COPYDESK_PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$COPYDESK_PG_DIR"
  fi
}

copydesk_pg_start() {
  if [ -n "${COPYDESK_TEST_POSTGRES:-}" ]; then
    echo "postgres: using COPYDESK_TEST_POSTGRES from the environment"
    return 0
  fi
  COPYDESK_PG_BIN=$(copydesk_pg_bin || true)
  if [ -z "$COPYDESK_PG_BIN" ]; then
    if [ "$(id -u)" -ne 0 ]; then
      echo "postgres: PostgreSQL is not installed and installing it needs root" >&2
      return 1
    fi
    echo "postgres: installing Debian's postgresql"
    DEBIAN_FRONTEND=noninteractive apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends postgresql
    COPYDESK_PG_BIN=$(copydesk_pg_bin)
  fi
  COPYDESK_PG_DIR=$(mktemp -d /tmp/copydesk-pg.XXXXXX) # /tmp: the postgres user must reach it
  trap copydesk_pg_stop EXIT
  if [ "$(id -u)" -eq 0 ]; then chown postgres: "$COPYDESK_PG_DIR"; fi
  copydesk_pg_as "$COPYDESK_PG_BIN/initdb" -D "$COPYDESK_PG_DIR/data" -U postgres -E UTF8 --no-locale \
    --auth-local=trust --auth-host=scram-sha-256 >"$COPYDESK_PG_DIR/initdb.log" 2>&1 ||
    { cat "$COPYDESK_PG_DIR/initdb.log" >&2; return 1; }
  # A throwaway cluster: durability settings off for speed, room for the tests' connection pools.
  local opts="-c listen_addresses=127.0.0.1 -k $COPYDESK_PG_DIR -c max_connections=300"
  opts="$opts -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  local port tries
  port=$((20000 + RANDOM % 20000))
  for tries in 1 2 3 4 5 6 7 8 9 10; do
    if copydesk_pg_as "$COPYDESK_PG_BIN/pg_ctl" -D "$COPYDESK_PG_DIR/data" -l "$COPYDESK_PG_DIR/server.log" \
      -o "$opts -p $port" -w -t 60 start >/dev/null; then
      break
    fi
    [ "$tries" = 10 ] && { cat "$COPYDESK_PG_DIR/server.log" >&2; return 1; }
    port=$((port + 1))
  done
  "$COPYDESK_PG_BIN/psql" -q -h "$COPYDESK_PG_DIR" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 \
    -c "CREATE ROLE copydesk LOGIN PASSWORD 'copydesk'" \
    -c "CREATE DATABASE copydesk_test OWNER copydesk"
  export COPYDESK_TEST_POSTGRES="postgres://copydesk:copydesk@127.0.0.1:$port/copydesk_test?sslmode=disable"
  echo "postgres: $("$COPYDESK_PG_BIN/postgres" --version) on 127.0.0.1:$port (COPYDESK_TEST_POSTGRES is set)"
}
