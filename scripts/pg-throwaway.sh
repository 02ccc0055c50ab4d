#!/usr/bin/env bash
# Starts a private, throw-away PostgreSQL server for the test suite (no system service needed):
#   eval "$(scripts/pg-throwaway.sh start)"   # prints `export TEST_DATABASE_URL=...; export PGTHROWAWAY=...`
#   scripts/pg-throwaway.sh stop "$PGTHROWAWAY"
# Needs Debian's `postgresql` package (15 or newer). As root, the server runs as the postgres user.
set -euo pipefail
# The first free port from 55432 (a developer's own throw-away server may hold it).
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
PORT="${PGPORT_THROWAWAY:-}"
if [ -z "$PORT" ]; then
	for p in $(seq 55432 55462); do
		if port_free "$p"; then PORT=$p; break; fi
	done
fi
PGBIN="${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"
[ -x "$PGBIN/initdb" ] || { echo "PostgreSQL binaries not found (apt-get install postgresql)" >&2; exit 1; }

as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "${1:-}" in
start)
	dir=$(mktemp -d /tmp/ahadi-pg.XXXXXX)
	mkdir "$dir/data" "$dir/sock"
	[ "$(id -u)" = 0 ] && chown -R postgres:postgres "$dir"
	as_owner "$PGBIN/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
	as_owner "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
		-o "-p $PORT -k $dir/sock -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
	echo "export TEST_DATABASE_URL=postgres://postgres@127.0.0.1:$PORT/postgres; export PGTHROWAWAY=$dir"
	;;
stop)
	dir="${2:?usage: stop DIR}"
	as_owner "$PGBIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
	rm -rf "$dir"
	;;
*)
	echo "usage: $0 start | stop DIR" >&2
	exit 2
	;;
esac
