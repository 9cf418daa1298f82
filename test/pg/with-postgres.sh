#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL 15 and exits with the command's status:
#   bash test/pg/with-postgres.sh npm run test:api
# initdb in a fresh temp dir, start on a free local port, export DATABASE_URL, run the command,
# then stop the server and delete everything (also on failure or Ctrl-C).
set -euo pipefail

if [ $# -eq 0 ]; then
  echo "usage: $0 <command…>" >&2
  exit 2
fi

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
if [ ! -x "$PG_BIN/initdb" ]; then
  echo "PostgreSQL 15 not found in $PG_BIN (apt-get install postgresql-15, or set PG_BIN)" >&2
  exit 2
fi

dir=$(mktemp -d /tmp/with-postgres.XXXXXX)
# initdb refuses to run as root, so as root the server runs as the postgres user.
if [ "$(id -u)" = 0 ]; then
  # Binaries copied without the Debian package may come without its system user.
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres
  chown postgres "$dir"
  as_pg() { runuser -u postgres -- "$@"; }
else
  as_pg() { "$@"; }
fi

cleanup() {
  as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port=$(node -e "const s = require('net').createServer(); s.listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close() })")

if ! as_pg "$PG_BIN/initdb" -D "$dir/data" -A trust -U postgres >"$dir/initdb.log" 2>&1; then
  cat "$dir/initdb.log" >&2
  exit 1
fi
# fsync off: the data is thrown away, speed matters more.
if ! as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off" start >/dev/null; then
  cat "$dir/server.log" >&2
  exit 1
fi

export DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres"
echo "with-postgres: PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$port" >&2

set +e
"$@"
status=$?
set -e
exit "$status"
