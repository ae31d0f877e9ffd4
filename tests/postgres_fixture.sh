#!/usr/bin/env bash
# ctest fixture (CMakeLists.txt): one throwaway PostgreSQL server for the test programs.
#   postgres_fixture.sh start FILE   # starts a server in a new /tmp directory; its URL in FILE
#   postgres_fixture.sh stop FILE    # stops it, deletes its directory and FILE
# Without the PostgreSQL binaries, start writes FILE.absent instead and succeeds: the
# tests that need the server skip, saying so.
set -uo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cmd=$1
file=$2
dir_of() { sed -n 's/.*[?&]host=\([^&]*\).*/\1/p' "$1" 2>/dev/null; }
case "$cmd" in
  start)
    [ -f "$file" ] && bash "$here/scripts/postgres.sh" stop "$(dir_of "$file")"
    rm -f "$file" "$file.absent"
    dir=$(mktemp -d /tmp/sitrep-pg-test.XXXXXX)
    rmdir "$dir"
    url=$(bash "$here/scripts/postgres.sh" start "$dir")
    rc=$?
    if [ $rc -eq 3 ]; then
      touch "$file.absent"
      exit 0
    fi
    [ $rc -eq 0 ] || exit $rc
    echo "$url" >"$file"
    ;;
  stop)
    [ -f "$file" ] && bash "$here/scripts/postgres.sh" stop "$(dir_of "$file")"
    rm -f "$file" "$file.absent"
    ;;
  *) echo "usage: $0 start|stop FILE" >&2; exit 1 ;;
esac
