#!/usr/bin/env bash
# The cluster test of issue 17, on the real thing (scripts/cluster.sh up --nodes 2: PostgreSQL primary + hot standby, two
# nodes from the Release publish, nginx): a user signed in through node 1 keeps working through node 2 and through the proxy;
# the standby replays what the primary wrote; lists are read on the standby, a user's own write is seen at once, and reads go
# on when the standby stops; a killed node's GETs go to the other; the reminder pass, run by three processes at once on the same database, adds
# each notice and each mail once. Prints "cluster test: N passed, M failed"; exit status 0 only if all passed.
# Takes a few minutes (the publish, the demo data on the first node). Called by test.sh.
set -uo pipefail
cd "$(dirname "$0")/.."
export PCMD_CLUSTER_DIR=${PCMD_CLUSTER_DIR:-/tmp/pcmd-cluster-test} PCMD_CLUSTER_PORT=${PCMD_CLUSTER_PORT:-55650}
DIR=$PCMD_CLUSTER_DIR BASE=$PCMD_CLUSTER_PORT
NODE1=http://127.0.0.1:$((BASE + 11)) NODE2=http://127.0.0.1:$((BASE + 12))
PSQL=(/usr/lib/postgresql/15/bin/psql -h 127.0.0.1 -U postgres -d pcmd -Atq)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
sql() { as_pg "${PSQL[@]}" -p "$1" -c "$2"; }
passed=0 failed=0
check() { # name, command...
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); echo "  ok   $name"; else failed=$((failed + 1)); echo "  FAIL $name"; fi
}
trap '[ -n "${PCMD_CLUSTER_KEEP:-}" ] || scripts/cluster.sh down' EXIT
scripts/cluster.sh down

proxy=$(scripts/cluster.sh up --nodes 2 | tail -1)
echo "cluster: $proxy"
check "the last line of 'up' is the proxy's address" test "$proxy" = "http://127.0.0.1:$BASE"

jar=$(mktemp)
code() { curl -s -o /dev/null -w '%{http_code}' -b "$jar" "$@"; }
curl -s -c "$jar" -o /dev/null -H 'Content-Type: application/json' \
  -d '{"userName":"phuluong","password":"Pcmd@2026demo"}' "$NODE1/api/v1/auth/login"
check "signed in through node 1, the cookie reads a list through node 2" test "$(code "$NODE2/api/v1/establishments")" = 200
check "the same cookie reads a page through node 2" test "$(code "$NODE2/establishments")" = 200
check "and through nginx" test "$(code "$proxy/api/v1/auth/me")" = 200
curl -s -o /dev/null -b "$jar" -X POST -H "Origin: $NODE2" "$NODE2/api/v1/auth/logout"
check "logged out on node 2, the cookie is refused on node 1" test "$(code "$NODE1/api/v1/auth/me")" = 401

secure=$(curl -s -D - -o /dev/null -H 'Content-Type: application/json' -H 'X-Forwarded-Proto: https' \
  -d '{"userName":"phuluong","password":"Pcmd@2026demo"}' "$NODE1/api/v1/auth/login" | grep -i '^set-cookie: pcmd.auth' | grep -ci 'secure')
check "behind TLS (X-Forwarded-Proto from the loopback proxy) the cookie is Secure" test "$secure" = 1

users=$(sql $((BASE + 1)) 'SELECT count(*) FROM "AspNetUsers"')
for _ in $(seq 20); do [ "$(sql $((BASE + 2)) 'SELECT count(*) FROM "AspNetUsers"')" = "$users" ] && break; sleep 0.5; done
check "the hot standby replays the primary ($users users) and is read-only" \
  test "$(sql $((BASE + 2)) 'SELECT count(*) FROM "AspNetUsers"'),$(sql $((BASE + 2)) 'SELECT pg_is_in_recovery()')" = "$users,t"

# Reads the standby may serve (Data/ReadRouting.cs): a list through node 2 is answered by the standby — the node's counter of
# such reads says so (the node probes pg_is_in_recovery() on the connection it reads through) and the standby has the node's
# connections; a write through node 1, read at once through node 2 with the same cookies, is in the list (read-your-writes);
# with the standby stopped the reads still answer, from the primary.
reads() { # node url, server → reads that node's counter gives to that server
  curl -s "$1/metrics" | awk -v s="server=\"$2\"" '/^pcmd_db_reads_total\{/ && index($0, s) {n += $2} END {print n + 0}'
}
rjar=$(mktemp)
curl -s -c "$rjar" -b "$rjar" -o /dev/null -H 'Content-Type: application/json' \
  -d '{"userName":"phuluong","password":"Pcmd@2026demo"}' "$NODE1/api/v1/auth/login"
sleep 1
before=$(reads "$NODE2" standby)
code_list=$(curl -s -b "$rjar" -o /dev/null -w '%{http_code}' "$NODE2/api/v1/establishments")
client_conns=$(sql $((BASE + 2)) "SELECT count(*) FROM pg_stat_activity WHERE datname = 'pcmd' AND backend_type = 'client backend' AND pid <> pg_backend_pid()")
check "a list through node 2 is read on the standby ($(reads "$NODE2" standby) standby reads, $client_conns client connections on it)" \
  test "$code_list,$(($(reads "$NODE2" standby) > before)),$((client_conns > 0))" = "200,1,1"
unit=$(curl -s -b "$rjar" "$NODE1/api/v1/auth/me" | grep -oE '"orgUnitId":[0-9]+' | cut -d: -f2)
type=$(curl -s -b "$rjar" "$NODE1/api/v1/establishment-types" | grep -oE '"id":[0-9]+' | head -1 | cut -d: -f2)
# The standby's replay paused (as a standby far behind): the user's own new record must still be in the list at once.
sql $((BASE + 2)) 'SELECT pg_wal_replay_pause()' >/dev/null
behind=$(curl -s "$NODE2/metrics" | awk '/^pcmd_db_reads_total\{/ && /reason="behind"/ {n += $2} END {print n + 0}')
name="Cluster RYW $$ $RANDOM"
created=$(curl -s -c "$rjar" -b "$rjar" -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' -H "Origin: $NODE1" \
  -d "{\"name\":\"$name\",\"address\":\"1 Test\",\"typeId\":$type,\"orgUnitId\":$unit,\"status\":\"notUnderManagement\"}" "$NODE1/api/v1/establishments")
found=$(curl -s -b "$rjar" -G --data-urlencode "q=$name" "$NODE2/api/v1/establishments" | grep -c "$name")
behind=$(($(curl -s "$NODE2/metrics" | awk '/^pcmd_db_reads_total\{/ && /reason="behind"/ {n += $2} END {print n + 0}') - behind))
check "created through node 1 ($created, marker cookie $(grep -c pcmd.lsn "$rjar")), with the standby's replay paused at once in node 2's list (read on the primary: $behind)" \
  test "$created,$found,$behind" = "201,1,1"
sql $((BASE + 2)) 'SELECT pg_wal_replay_resume()' >/dev/null
scripts/cluster.sh fault stop-standby
before=$(reads "$NODE2" primary)
codes=$(for _ in 1 2 3; do curl -s -b "$rjar" -o /dev/null -w '%{http_code} ' "$NODE2/api/v1/establishments"; done)
check "standby stopped: the lists still answer, from the primary ($codes)" test "$codes,$(($(reads "$NODE2" primary) >= before + 3))" = "200 200 200 ,1"
# A node killed (SIGKILL): nginx sends the GETs to the other one.
kill -9 "$(cat "$DIR/node2.pid")"
codes=$(for _ in $(seq 6); do curl -s -b "$rjar" -o /dev/null -w '%{http_code}' "$proxy/api/v1/establishments"; done)
check "node 2 killed: six lists through nginx all answer" test "$codes" = "200200200200200200"

# The reminder pass as three nodes at the same hour: the day before a past deadline with reports still in draft (the nodes'
# own passes at start-up, on the real date, sent only the "overdue" notices of those reports).
day=$(sql $((BASE + 1)) "SELECT to_char(p.\"DueOn\" - 1, 'YYYY-MM-DD') FROM report_periods p JOIN reports r ON r.\"PeriodId\" = p.\"Id\"
  WHERE r.\"Status\" IN ('Draft', 'Returned') AND NOT r.\"IsConsolidated\" ORDER BY p.\"DueOn\" LIMIT 1")
before=$(sql $((BASE + 1)) "SELECT count(*) FROM notifications WHERE \"DedupKey\" LIKE 'report-%'")
set -a; . "$DIR/keys.env"; set +a
pids=()
for i in 1 2 3; do
  (cd / && ASPNETCORE_ENVIRONMENT=Production Pcmd__Demo__Enabled=false Logging__LogLevel__Default=Warning \
    ConnectionStrings__Postgres="Host=127.0.0.1:$((BASE + 1)),127.0.0.1:$((BASE + 2));Username=postgres;Database=pcmd;Target Session Attributes=primary;Host Recheck Seconds=2" \
    dotnet "$DIR/app/Pcmd.Web.dll" --run-job report-reminders --day "$day" >"$DIR/job$i.log" 2>&1) &
  pids+=($!)
done
ok=0; for p in "${pids[@]}"; do wait "$p" && ok=$((ok + 1)); done
added=$(cat "$DIR"/job*.log | grep -oE 'report-reminders: [0-9]+' | awk '{s += $2} END {print s + 0}')
after=$(sql $((BASE + 1)) "SELECT count(*) FROM notifications WHERE \"DedupKey\" LIKE 'report-%'")
dup_notes=$(sql $((BASE + 1)) 'SELECT count(*) FROM (SELECT 1 FROM notifications GROUP BY "UserId", "DedupKey" HAVING count(*) > 1) d')
dup_mails=$(sql $((BASE + 1)) 'SELECT count(*) FROM (SELECT 1 FROM outbox_messages WHERE "DedupKey" IS NOT NULL GROUP BY "To", "DedupKey" HAVING count(*) > 1) d')
echo "  reminders for $day: three passes added $added notice(s); table $before -> $after; duplicates: $dup_notes notices, $dup_mails mails"
check "three reminder passes at once all end well" test "$ok" = 3
check "they add notices, each counted once" test "$added" -gt 0 -a "$((after - before))" = "$added"
check "no person has a notice or a mail twice" test "$dup_notes,$dup_mails" = "0,0"

metrics=$(curl -s "$NODE1/metrics")
check "node 1 exposes request, database and job metrics to loopback (Prometheus format)" \
  test "$(grep -cE '^(http_server_request_duration_seconds_count|db_client_operation_duration_seconds_count|pcmd_job_runs_total)' <<<"$metrics" | tr -d ' ')" -gt 0 -a \
  -n "$(grep -m1 '^pcmd_job_runs_total' <<<"$metrics")" -a -n "$(grep -m1 '^http_server_request_duration_seconds_count' <<<"$metrics")"

# Backup and restore: the nodes stop (nothing writes while counting), pg_dump of the primary, restore into a fresh PostgreSQL,
# the release starts on it, and every table's row count matches the primary's.
for i in 1 2; do kill "$(cat "$DIR/node$i.pid")" 2>/dev/null; done
for i in 1 2; do while kill -0 "$(cat "$DIR/node$i.pid")" 2>/dev/null; do sleep 0.2; done; done
counts() { # port → "table count" lines of every table of the public schema
  sql "$1" "SELECT string_agg(format('SELECT %L, count(*) FROM %I', tablename, tablename), ' UNION ALL ' ORDER BY tablename)
    FROM pg_tables WHERE schemaname = 'public'" | as_pg "${PSQL[@]}" -p "$1" -F ' ' | sort
}
counts $((BASE + 1)) >"$DIR/counts.primary"
as_pg scripts/backup.sh dump "$DIR/pcmd.dump" -h 127.0.0.1 -p $((BASE + 1)) -U postgres -d pcmd >/dev/null
RESTORE=$((BASE + 20))
restore_pg() { PCMD_PG_PORT=$RESTORE PCMD_PG_DIR=/tmp/pcmd-cluster-restore-$RESTORE scripts/pg-cluster.sh "$1"; }
restore_pg start >/dev/null
as_pg /usr/lib/postgresql/15/bin/psql -h 127.0.0.1 -p $RESTORE -U postgres -qc "CREATE DATABASE pcmd ENCODING 'UTF8' TEMPLATE template0"
as_pg scripts/backup.sh restore "$DIR/pcmd.dump" -h 127.0.0.1 -p $RESTORE -U postgres -d pcmd
(cd / && ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__Postgres="Host=127.0.0.1;Port=$RESTORE;Username=postgres;Database=pcmd" \
  Pcmd__Monitoring__AlertJob=false exec dotnet "$DIR/app/Pcmd.Web.dll" --urls "http://127.0.0.1:$((RESTORE + 1))" >"$DIR/restored.log" 2>&1) &
restored=$!
ready=000; for _ in $(seq 120); do ready=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$((RESTORE + 1))/health/ready"); [ "$ready" = 200 ] && break; sleep 1; done
login=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
  -d '{"userName":"phuluong","password":"Pcmd@2026demo"}' "http://127.0.0.1:$((RESTORE + 1))/api/v1/auth/login")
kill "$restored" 2>/dev/null; wait "$restored" 2>/dev/null
check "the release starts on the restored database and signs a user in" test "$ready,$login" = "200,200"
# The sign-in just made adds its session and audit rows; every other table must match.
counts $RESTORE | grep -vE '^(user_sessions|audit_entries) ' >"$DIR/counts.restored"
grep -vE '^(user_sessions|audit_entries) ' "$DIR/counts.primary" >"$DIR/counts.expected"
echo "  backup: $(wc -l <"$DIR/counts.primary") tables, $(awk '{s += $2} END {print s}' "$DIR/counts.primary") rows"
check "every table's row count matches after the restore" diff "$DIR/counts.expected" "$DIR/counts.restored"
check "neither key is in the dump" test "$(as_pg /usr/lib/postgresql/15/bin/pg_restore -f - "$DIR/pcmd.dump" | grep -cF -e "$Pcmd__PersonalDataKey" -e "$Pcmd__KeyEncryptionKey")" = 0
restore_pg stop

echo "cluster test: $passed passed, $failed failed"
[ "$failed" = 0 ]
