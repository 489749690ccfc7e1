#!/usr/bin/env bash
# The test command: installs what is missing, starts a throw-away PostgreSQL 15, and runs every test
# (unit; integration through HTTP on SQLite and on PostgreSQL; browser tests in Debian's Chromium).
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# 1. Debian packages: PostgreSQL 15, Chromium, fonts for rendering Vietnamese.
need=()
[ -x /usr/lib/postgresql/15/bin/postgres ] || need+=(postgresql-15)
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
[ -x /usr/bin/libreoffice ] || need+=(libreoffice-writer-nogui libreoffice-calc-nogui)
[ -x /usr/bin/pdftotext ] || need+=(poppler-utils)
[ -f /usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf ] || need+=(fonts-liberation2)
[ -x /usr/sbin/nginx ] || need+=(nginx) # the cluster test's proxy (scripts/cluster.sh)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing: ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# 2. Front-end packages and the administrative-unit data (npm).
npm ci --no-audit --no-fund --loglevel=error

# 3. Build once; the browser tests start the built application.
dotnet build Pcmd.slnx -c Debug -nologo -v q -clp:ErrorsOnly

# 4. The OpenAPI document must pass Redocly's recommended rules (warnings are reported, errors fail the run).
openapi=$(mktemp --suffix=.json)
(cd src/Pcmd.Web && ASPNETCORE_ENVIRONMENT=Testing dotnet bin/Debug/net10.0/Pcmd.Web.dll --print-openapi) > "$openapi"
REDOCLY_TELEMETRY=off npx --no-install redocly lint "$openapi" --format=summary

# 5. A throw-away PostgreSQL cluster on a loopback port.
export PCMD_PG_PORT=${PCMD_PG_PORT:-55432}
PCMD_TEST_PG="$(scripts/pg-cluster.sh start)"
export PCMD_TEST_PG
trap 'scripts/pg-cluster.sh stop' EXIT

# 6. The tests.
log=$(mktemp)
status=0
for project in tests/Pcmd.UnitTests tests/Pcmd.IntegrationTests tests/Pcmd.BrowserTests; do
  echo "== $project"
  dotnet test "$project" --no-build -nologo -v q 2>&1 | tee -a "$log" || status=1
done
# 7. The cluster (issue 17): PostgreSQL primary + hot standby, two nodes from a Release publish, nginx — a few minutes.
echo "== scripts/cluster-test.sh"
scripts/cluster-test.sh 2>&1 | tee -a "$log" || status=1
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
passed=$((passed + $(grep -oE 'cluster test: [0-9]+ passed' "$log" | awk '{s+=$3} END {print s+0}')))
failed=$((failed + $(grep -oE 'cluster test: [0-9]+ passed, [0-9]+ failed' "$log" | awk '{s+=$5} END {print s+0}')))
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ] || status=1
exit $status
