#!/usr/bin/env bash
# PCMD as a cluster on one machine, on loopback only (issue 17):
#   a PostgreSQL 15 primary, a hot standby made with pg_basebackup and kept by streaming replication,
#   N application nodes from one Release publish (each started from / to show the release needs no source tree),
#   and nginx in front on one port.
#
#   scripts/cluster.sh up [--nodes N]   starts it (default 2 nodes); the last line is the proxy's address
#   scripts/cluster.sh status           what runs, the standby's replay lag
#   scripts/cluster.sh down             stops everything and removes the cluster's folder
#   scripts/cluster.sh fault kill-node I | start-node I | stop-standby | start-standby | promote
#                                       faults for bench/ (`cluster-faults`): SIGKILL a node, restart it; stop the standby
#                                       (immediate, as a crash), start it again; stop the primary and `pg_ctl promote` the standby
#
# Settings (environment): PCMD_CLUSTER_DIR (/tmp/pcmd-cluster), PCMD_CLUSTER_PORT (55600: nginx; the primary is +1, the standby
# +2, node i is +10+i; with N nodes nginx also listens on +3+k for the first k < N nodes only, for bench/'s side-by-side
# `cluster-throughput`), PCMD_CLUSTER_APP (an existing publish folder: skips the publish).
# Everything comes from Debian packages (postgresql-15, nginx) and the .NET SDK; nothing is downloaded.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
DIR=${PCMD_CLUSTER_DIR:-/tmp/pcmd-cluster}
BASE=${PCMD_CLUSTER_PORT:-55600}
PROXY=$BASE PRIMARY=$((BASE + 1)) STANDBY=$((BASE + 2))
BIN=/usr/lib/postgresql/15/bin
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
node_port() { echo $((BASE + 10 + $1)); }
log() { echo "cluster: $*" >&2; }

# The multi-host connection string every node uses: Npgsql tries the hosts in order and takes the one that is primary, so a
# promoted standby is found without changing any setting. ConnectionStrings:PostgresRead (prefer-standby) is what
# /health/ready measures the standby's replay lag through (Pcmd:Health:MaxStandbyLagSeconds).
# Host Recheck Seconds=2: Npgsql caches each host's role (primary, standby, down) for this long, 10 s by default, so after a
# promotion writes failed for about 10 s while the promoted server was still taken for a standby (cluster-faults, 06/12).
# A shorter cache only costs a new physical connection a role check (PostgreSQL 14+ reports it at start-up) and, while a
# host is down, one refused attempt every 2 s.
conn() {
  echo "Host=127.0.0.1:$PRIMARY,127.0.0.1:$STANDBY;Username=postgres;Database=pcmd;Target Session Attributes=$1;Pooling=true;Keepalive=15;Timeout=5;Host Recheck Seconds=2"
}

wait_http() { # url, seconds
  for _ in $(seq "$2"); do curl -sf -o /dev/null "$1" && return 0; sleep 1; done
  return 1
}

start_node() { # i
  local i=$1 port; port=$(node_port "$i")
  # shellcheck disable=SC1091
  ( set -a; . "$DIR/keys.env"; set +a
    cd /
    ASPNETCORE_ENVIRONMENT=Production \
      ConnectionStrings__Postgres="$(conn primary)" ConnectionStrings__PostgresRead="$(conn prefer-standby)" Pcmd__Health__MaxStandbyLagSeconds=30 \
      setsid nohup dotnet "$DIR/app/Pcmd.Web.dll" --urls "http://127.0.0.1:$port" >>"$DIR/node$i.log" 2>&1 &
    echo $! >"$DIR/node$i.pid" )
}

up() {
  local nodes=2
  while [ $# -gt 0 ]; do
    case "$1" in
      --nodes) nodes=$2; shift 2 ;;
      *) echo "unknown option $1" >&2; exit 2 ;;
    esac
  done
  [ -d "$DIR" ] && { log "already up ($DIR); run: $0 down"; exit 1; }
  [ "$nodes" -ge 1 ] && [ "$nodes" -le 7 ] || { log "--nodes: 1 to 7"; exit 2; }
  for p in "$PROXY" "$PRIMARY" "$STANDBY" $(for i in $(seq "$nodes"); do node_port "$i"; done) $(for k in $(seq $((nodes - 1))); do echo $((BASE + 3 + k)); done); do
    ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { log "port $p is taken"; exit 1; }
  done
  mkdir -p "$DIR"
  [ "$(id -u)" = 0 ] && chown postgres "$DIR"
  echo "$nodes" >"$DIR/nodes"

  log "PostgreSQL 15 primary on $PRIMARY"
  as_pg "$BIN/initdb" -D "$DIR/primary" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1
  as_pg "$BIN/pg_ctl" -D "$DIR/primary" -l "$DIR/primary.log" -w start \
    -o "-p $PRIMARY -k $DIR -c listen_addresses=127.0.0.1 -c wal_level=replica -c max_wal_senders=5 -c hot_standby=on -c wal_keep_size=256MB" >/dev/null
  as_pg "$BIN/psql" -h 127.0.0.1 -p "$PRIMARY" -U postgres -qc "CREATE DATABASE pcmd ENCODING 'UTF8' TEMPLATE template0" >/dev/null

  log "hot standby on $STANDBY (pg_basebackup, streaming replication)"
  as_pg "$BIN/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY" -U postgres -D "$DIR/standby" -R -X stream -c fast >/dev/null
  as_pg "$BIN/pg_ctl" -D "$DIR/standby" -l "$DIR/standby.log" -w start -o "-p $STANDBY -k $DIR -c listen_addresses=127.0.0.1" >/dev/null

  if [ -n "${PCMD_CLUSTER_APP:-}" ]; then
    ln -s "$(cd "$PCMD_CLUSTER_APP" && pwd)" "$DIR/app"
  else
    log "dotnet publish -c Release (once)"
    dotnet publish "$ROOT/src/Pcmd.Web" -c Release -o "$DIR/app" -nologo -v q -clp:ErrorsOnly >"$DIR/publish.log" 2>&1 \
      || { cat "$DIR/publish.log" >&2; exit 1; }
  fi
  # The two secrets every node shares and the database never holds (README, "Keys").
  { echo "Pcmd__KeyEncryptionKey=$(head -c 32 /dev/urandom | base64)"; echo "Pcmd__PersonalDataKey=$(head -c 32 /dev/urandom | base64)"; } >"$DIR/keys.env"
  chmod 600 "$DIR/keys.env"

  log "$nodes application node(s)"
  for i in $(seq "$nodes"); do start_node "$i"; done
  for i in $(seq "$nodes"); do
    wait_http "http://127.0.0.1:$(node_port "$i")/health/ready" 300 || { log "node $i did not start"; tail -20 "$DIR/node$i.log" >&2; exit 1; }
  done

  log "nginx on $PROXY"
  mkdir -p "$DIR/nginx"
  {
    echo "worker_processes 1; pid $DIR/nginx/nginx.pid; error_log $DIR/nginx/error.log warn;"
    echo "events { worker_connections 1024; }"
    echo "http {"
    echo "  access_log $DIR/nginx/access.log; client_body_temp_path $DIR/nginx/body; proxy_temp_path $DIR/nginx/proxy;"
    echo "  client_max_body_size 30m;"
    for k in $(seq "$nodes"); do # pcmd$nodes (all nodes) on $PROXY; pcmdK (the first K) on BASE+3+K
      echo "  upstream pcmd$k {"
      for i in $(seq "$k"); do echo "    server 127.0.0.1:$(node_port "$i") max_fails=1 fail_timeout=5s;"; done
      echo "    keepalive 32;"
      echo "  }"
    done
    for k in $(seq "$nodes"); do
    echo "  server {"
    if [ "$k" = "$nodes" ]; then echo "    listen 127.0.0.1:$PROXY;"; else echo "    listen 127.0.0.1:$((BASE + 3 + k));"; fi
    echo "    location / {"
    echo "      proxy_pass http://pcmd$k; proxy_http_version 1.1; proxy_set_header Connection \"\";"
    echo "      proxy_set_header Host \$http_host; proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;"
    echo "      proxy_set_header X-Forwarded-Proto \$scheme;"
    # An idempotent request that fails on one node (connection refused, reset, 502/503) is tried on the next; a POST is not.
    echo "      proxy_next_upstream error timeout http_502 http_503; proxy_connect_timeout 2s; proxy_read_timeout 120s;"
    echo "    }"
    echo "  }"
    done
    echo "}"
  } >"$DIR/nginx/nginx.conf"
  nginx -c "$DIR/nginx/nginx.conf" -p "$DIR/nginx"
  wait_http "http://127.0.0.1:$PROXY/health/live" 30 || { log "nginx does not answer"; exit 1; }
  echo "http://127.0.0.1:$PROXY"
}

pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

status() {
  [ -d "$DIR" ] || { echo "down"; return 0; }
  for db in primary standby; do
    local port=$PRIMARY; [ $db = standby ] && port=$STANDBY
    if as_pg "$BIN/pg_isready" -q -h 127.0.0.1 -p "$port"; then
      echo "$db :$port up, in recovery: $(as_pg "$BIN/psql" -h 127.0.0.1 -p "$port" -U postgres -Atc 'SELECT pg_is_in_recovery()')"
    else echo "$db :$port down"; fi
  done
  as_pg "$BIN/psql" -h 127.0.0.1 -p "$PRIMARY" -U postgres -Atc \
    "SELECT 'replication: ' || application_name || ' ' || state || ', replay lag ' || coalesce(replay_lag::text, '0') FROM pg_stat_replication" 2>/dev/null || true
  for i in $(seq "$(cat "$DIR/nodes")"); do
    local port; port=$(node_port "$i")
    if pid_alive "$DIR/node$i.pid"; then
      echo "node$i :$port pid $(cat "$DIR/node$i.pid"), ready: $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health/ready")"
    else echo "node$i :$port down"; fi
  done
  if pid_alive "$DIR/nginx/nginx.pid"; then echo "nginx :$PROXY up"; else echo "nginx :$PROXY down"; fi
  echo "http://127.0.0.1:$PROXY"
}

down() {
  [ -d "$DIR" ] || return 0
  [ -f "$DIR/nginx/nginx.pid" ] && nginx -c "$DIR/nginx/nginx.conf" -p "$DIR/nginx" -s stop 2>/dev/null || true
  for f in "$DIR"/node*.pid; do
    [ -f "$f" ] || continue
    pid_alive "$f" && kill "$(cat "$f")" 2>/dev/null || true
  done
  sleep 1
  for f in "$DIR"/node*.pid; do [ -f "$f" ] && pid_alive "$f" && kill -9 "$(cat "$f")" 2>/dev/null || true; done
  for db in standby primary; do
    [ -d "$DIR/$db" ] && as_pg "$BIN/pg_ctl" -D "$DIR/$db" -m fast stop >/dev/null 2>&1 || true
  done
  rm -rf "$DIR"
}

fault() {
  [ -d "$DIR" ] || { log "not up"; exit 1; }
  case "${1:-}" in
    kill-node) kill -9 "$(cat "$DIR/node$2.pid")" ;;
    start-node) start_node "$2"; wait_http "http://127.0.0.1:$(node_port "$2")/health/ready" 120 ;;
    stop-standby) as_pg "$BIN/pg_ctl" -D "$DIR/standby" -m immediate stop >/dev/null ;;
    start-standby) as_pg "$BIN/pg_ctl" -D "$DIR/standby" -l "$DIR/standby.log" -w start -o "-p $STANDBY -k $DIR -c listen_addresses=127.0.0.1" >/dev/null ;;
    # Failover: the primary dies (immediate: as a crash, no shutdown checkpoint), the standby becomes the primary. The nodes'
    # multi-host connection strings find it by themselves; the old primary is not started again (it would need pg_rewind).
    promote) as_pg "$BIN/pg_ctl" -D "$DIR/primary" -m immediate stop >/dev/null; as_pg "$BIN/pg_ctl" -D "$DIR/standby" -w promote >/dev/null ;;
    *) echo "usage: $0 fault kill-node I | start-node I | stop-standby | start-standby | promote" >&2; exit 2 ;;
  esac
}

case "${1:-}" in
  up) shift; up "$@" ;;
  status) status ;;
  down) down ;;
  fault) shift; fault "$@" ;;
  start-node) fault start-node "$2" ;;
  *) echo "usage: $0 up [--nodes N] | status | down | fault …" >&2; exit 2 ;;
esac
