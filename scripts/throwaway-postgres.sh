#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests: `start DIR` creates a cluster in DIR, starts it
# on 127.0.0.1 and prints its URL; `stop DIR` stops it and deletes DIR. Installs Debian's
# `postgresql` package when no server binaries are found. The server never runs as root:
# when started as root, the cluster is owned by and run as the `postgres` user.
set -euo pipefail

command=${1:?usage: throwaway-postgres.sh start|stop DIR}
dir=${2:?usage: throwaway-postgres.sh start|stop DIR}

find_bin() {
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$found" ] && command -v pg_ctl >/dev/null 2>&1; then found=$(dirname "$(command -v pg_ctl)"); fi
  echo "$found"
}

# Run from / so the postgres user never needs access to the caller's working directory.
as_owner() {
  if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

case "$command" in
  start)
    bin=$(find_bin)
    if [ -z "$bin" ]; then
      echo "PostgreSQL not found: installing Debian's postgresql package" >&2
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq >&2 && apt-get install -y -qq postgresql >&2
      bin=$(find_bin)
    fi
    mkdir -p "$dir"
    if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$dir"; fi
    as_owner "$bin/initdb" -D "$dir/cluster" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || as_owner "$bin/initdb" -D "$dir/cluster" -U postgres --auth=trust --encoding=UTF8 --locale=C >"$dir/initdb.log" 2>&1
    # A free port on 127.0.0.1, chosen by the kernel.
    port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
    as_owner "$bin/pg_ctl" -D "$dir/cluster" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c max_connections=200 -c fsync=off" start >&2
    as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres newsbot_test
    echo "postgres://postgres@127.0.0.1:$port/newsbot_test"
    ;;
  stop)
    bin=$(find_bin)
    if [ -d "$dir/cluster" ]; then as_owner "$bin/pg_ctl" -D "$dir/cluster" -m fast -w stop >&2 || true; fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: throwaway-postgres.sh start|stop DIR" >&2
    exit 2
    ;;
esac
