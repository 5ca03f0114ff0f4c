#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL server: a fresh cluster in a temporary
# directory, listening on 127.0.0.1 only, trust authentication, fsync off (test data).
# The admin URL is exported as VOLUNTEER_APP_TEST_PG; the server is stopped and its
# directory removed afterwards, whatever the command's outcome.
# Usage: with-postgres.sh COMMAND [ARGS...]
set -euo pipefail
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  for c in initdb pg_ctl; do command -v $c >/dev/null || { echo "with-postgres: PostgreSQL server not installed (Debian: apt-get install postgresql)" >&2; exit 3; }; done
  bindir=$(dirname "$(command -v initdb)")
fi
as_pg=()
if [ "$(id -u)" = "0" ]; then
  id postgres >/dev/null 2>&1 || useradd --system --home /var/lib/postgresql postgres
  as_pg=(runuser -u postgres --)
fi
dir=$(mktemp -d /tmp/volunteer-pg.XXXXXX)
chmod 755 "$dir"
[ ${#as_pg[@]} -gt 0 ] && chown postgres "$dir"
port=${PGPORT_TEST:-$(( 54000 + RANDOM % 900 ))}
cleanup() {
  "${as_pg[@]}" "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT
"${as_pg[@]}" "$bindir/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
"${as_pg[@]}" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -o \
  "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
export VOLUNTEER_APP_TEST_PG="postgresql+psycopg://postgres@127.0.0.1:$port/postgres"
echo "with-postgres: throwaway server on 127.0.0.1:$port"
"$@"
