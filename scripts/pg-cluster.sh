#!/usr/bin/env bash
# A throw-away PostgreSQL 15 cluster on a loopback port for the tests.
#   scripts/pg-cluster.sh start   → prints the connection string
#   scripts/pg-cluster.sh stop
# PostgreSQL refuses to run as root, so the cluster belongs to the postgres user.
set -euo pipefail
PORT=${PCMD_PG_PORT:-55432}
DIR=${PCMD_PG_DIR:-/tmp/pcmd-pg-$PORT}
BIN=/usr/lib/postgresql/15/bin
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case "${1:-start}" in
  start)
    if [ -f "$DIR/data/postmaster.pid" ] && as_pg "$BIN/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1; then :; else
      rm -rf "$DIR"; mkdir -p "$DIR"
      [ "$(id -u)" = 0 ] && chown postgres "$DIR"
      as_pg "$BIN/initdb" -D "$DIR/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1
      as_pg "$BIN/pg_ctl" -D "$DIR/data" -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" -l "$DIR/log" -w start >/dev/null
    fi
    echo "Host=127.0.0.1;Port=$PORT;Username=postgres;Database=postgres;Pooling=true"
    ;;
  stop)
    [ -d "$DIR/data" ] && as_pg "$BIN/pg_ctl" -D "$DIR/data" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$DIR"
    ;;
esac
