#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests, from Debian's postgresql package, on a loopback port.
# Usage: scripts/pg.sh start DIR PORT   (prints the server's SQLAlchemy URL)
#        scripts/pg.sh stop DIR
# The server refuses to run as root: as root, it runs as the unprivileged user 'cantho-pg'.
set -euo pipefail
cmd="$1"; dir="$2"; port="${3:-54329}"
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
if [ -z "$bin" ]; then echo "PostgreSQL is not installed" >&2; exit 1; fi
as_user() {
  if [ "$(id -u)" -eq 0 ]; then
    id cantho-pg >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin cantho-pg
    chown -R cantho-pg "$dir"
    runuser -u cantho-pg -- "$@"
  else
    "$@"
  fi
}
case "$cmd" in
  start)
    mkdir -p "$dir"
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      as_user "$bin/initdb" -D "$dir/data" -U cantho --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log"
    fi
    as_user "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
    echo "postgresql+psycopg://cantho@127.0.0.1:$port/postgres"
    ;;
  stop)
    as_user "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    ;;
esac
