#!/usr/bin/env bash
# A throwaway PostgreSQL server for tests and trials (docs/store.md).
#
#   URL=$(bash scripts/postgres.sh start DIR)   # initdb in DIR, start, print the connection URL
#   bash scripts/postgres.sh stop DIR           # shut it down and delete DIR
#
# The server listens on a Unix socket in DIR only (no TCP port), trusts local connections
# (it is reachable only through that socket, whose directory only its owner may enter) and
# holds one database, `sitrep`. Run as root, the server runs as the unprivileged user
# `sitrep-pg` (created on first use; PostgreSQL refuses to run as root). The binaries are
# found under /usr/lib/postgresql/*/bin (Debian's postgresql package) or on PATH.
# Exit status: 0 started/stopped, 3 the PostgreSQL binaries are absent, 1 anything else.
set -euo pipefail

usage() { echo "usage: $0 start|stop DIR" >&2; exit 1; }
[ $# -eq 2 ] || usage
cmd=$1
dir=$2

bindir=""
for d in /usr/lib/postgresql/*/bin; do
  [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && bindir=$d  # the newest (sorted last) wins
done
if [ -z "$bindir" ] && command -v initdb >/dev/null && command -v pg_ctl >/dev/null; then
  bindir=$(dirname "$(command -v initdb)")
fi

# Runs a PostgreSQL program as the server's owner.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u sitrep-pg -- "$@"
  else
    "$@"
  fi
}

case "$cmd" in
  start)
    if [ -z "$bindir" ]; then
      echo "postgres.sh: PostgreSQL binaries (initdb, pg_ctl) not found; install Debian's postgresql" >&2
      exit 3
    fi
    if [ -e "$dir" ] && [ -n "$(ls -A "$dir" 2>/dev/null)" ]; then
      echo "postgres.sh: $dir exists and is not empty" >&2
      exit 1
    fi
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    if [ "$(id -u)" -eq 0 ]; then
      id -u sitrep-pg >/dev/null 2>&1 ||
        useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin sitrep-pg
      chown sitrep-pg: "$dir"
      # The server's user must be able to reach DIR (a test's temporary directory).
      p=$(dirname "$dir")
      while [ "$p" != "/" ]; do
        [ -x "$p" ] || { echo "postgres.sh: $p is not searchable by others" >&2; exit 1; }
        p=$(dirname "$p")
      done
    fi
    chmod 700 "$dir"
    # Data in DIR/data, socket and log in DIR. C collation: text sorts by bytes, as SQLite's.
    as_owner "$bindir/initdb" -D "$dir/data" -U sitrep -A trust -E UTF8 --lc-collate=C --lc-ctype=C.UTF-8 >"$dir/initdb.log" 2>&1 || {
      cat "$dir/initdb.log" >&2
      exit 1
    }
    # listen_addresses='': no TCP at all, the socket in DIR only.
    as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses='' -c unix_socket_directories='$dir' -c synchronous_commit=off" \
      start >/dev/null || {
      cat "$dir/server.log" >&2
      exit 1
    }
    as_owner "$bindir/createdb" -h "$dir" -U sitrep sitrep
    echo "postgresql:///sitrep?host=$dir&user=sitrep"
    ;;
  stop)
    if [ -f "$dir/data/postmaster.pid" ] && [ -n "$bindir" ]; then
      as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null || true
    fi
    rm -rf "$dir"
    ;;
  *) usage ;;
esac
