#!/usr/bin/env bash
# The studio load benchmark, one command (docs/benchmarks.md, "Serving a studio"):
#   load/run.sh               200 users for 5 minutes, 0.5-1.5 s between requests
#   load/run.sh restart       the same, with PostgreSQL restarted once in the middle
#   load/run.sh stress        200 clients, no wait, then the latency after the load stops
# Needs PostgreSQL at 127.0.0.1:5432 (user postgres, trust) and psql; fills a fresh database shotplan_load with the
# example show and one plan, starts 'shotplan serve' on a free port of 127.0.0.1 and runs Gatling against it.
# Settings: USERS, DURATION (seconds), PG_CLUSTER (for restart), SERVER_JAVA_OPTS (e.g. a JFR recording), SHOTPLAN_AOT. Reports: load/target/gatling/ (not in git).
set -euo pipefail
cd "$(dirname "$0")/.."
MODE=${1:-studio}
USERS=${USERS:-200}
SECONDS_LONG=${DURATION:-300}
DB=shotplan_load
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java -Dai.djl.offline=true --enable-native-access=ALL-UNNAMED"
OUT=load/target/run-$(date -u +%Y%m%dT%H%M%S)-$MODE
mkdir -p "$OUT"

[ -f app/target/shotplan.jar ] || mvn -B -q -DskipTests install
export SHOTPLAN_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB SHOTPLAN_DB_USER=postgres SHOTPLAN_DB_PASSWORD=
export SHOTPLAN_DATA_DIR="$OUT/data"
ADMIN_FILE=load/target/admin-password
if [ "${REUSE_DB:-0}" = 1 ] && [ -f "$ADMIN_FILE" ]; then
  echo "reusing the database $DB of the last run (REUSE_DB=1)"
else
  psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $DB" -qc "CREATE DATABASE $DB"
  rm -f "$ADMIN_FILE"
  $JAVA -jar app/target/shotplan.jar import show examples/snowfall > "$OUT/import.log" 2>&1
  $JAVA -jar app/target/shotplan.jar plan --show NVB --seconds 10 > "$OUT/plan.log" 2>&1
fi

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
URL=http://127.0.0.1:$PORT
# through the launcher, as a studio serves: from the warm-start cache it trains once per build (SHOTPLAN_AOT=off: without)
SHOTPLAN_JAVA_OPTS="-Xmx2g ${SERVER_JAVA_OPTS:-}" ./shotplan serve --port "$PORT" --shotplan.generation.workers=0 > "$OUT/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  grep -q "is serving on" "$OUT/server.log" && break
  kill -0 $SERVER 2>/dev/null || { echo "the server stopped:"; tail -20 "$OUT/server.log"; exit 1; }
  sleep 1
done
ADMIN=$(sed -n "s/.*created user 'admin' with password \([^ ]*\).*/\1/p" "$OUT/server.log")
if [ -n "$ADMIN" ]; then echo "$ADMIN" > "$ADMIN_FILE"; else ADMIN=$(cat "$ADMIN_FILE"); fi
PASSWORD=load-test-password-1

api() { curl -sf -u "admin:$ADMIN" -H 'Content-Type: application/json' "$@"; }
declare -A TOKENS
for role in producer supervisor finance; do
  api -X POST "$URL/api/users" -d "{\"username\":\"$role\",\"password\":\"$PASSWORD\",\"roles\":[\"${role^^}\"]}" > /dev/null \
    || echo "user $role exists already"
  TOKENS[$role]=$(api -X POST "$URL/api/users/$role/tokens" -d '{"name":"load test"}' \
      | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
done
PLAN=$(api "$URL/api/shows/NVB/plans" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
SHOTS=$(api "$URL/api/shows/NVB/shots?size=20" | python3 -c 'import json,sys; print(",".join(s["code"] for s in json.load(sys.stdin)["items"]))')

PAUSE_MIN=0.5; PAUSE_MAX=1.5
[ "$MODE" = stress ] && { PAUSE_MIN=0; PAUSE_MAX=0; }
if [ "$MODE" = restart ]; then
  ( sleep $((SECONDS_LONG / 2)); date -u +"%T restarting PostgreSQL" >> "$OUT/restart.log"
    load/restart-postgres.sh >> "$OUT/restart.log" 2>&1
    date -u +"%T PostgreSQL is back" >> "$OUT/restart.log" ) &
fi

{ echo "mode $MODE, $USERS users, $SECONDS_LONG s, pause $PAUSE_MIN-$PAUSE_MAX s"; date -u; uptime; } | tee "$OUT/summary.txt"
mvn -B -q -f load/pom.xml gatling:test \
  -Dshotplan.load.url="$URL" -Dshotplan.load.users="$USERS" -Dshotplan.load.seconds="$SECONDS_LONG" \
  -Dshotplan.load.pause-min=$PAUSE_MIN -Dshotplan.load.pause-max=$PAUSE_MAX -Dshotplan.load.plan="$PLAN" \
  -Dshotplan.load.shots="$SHOTS" -Dshotplan.load.password="$PASSWORD" -Dshotplan.load.estimates="$PWD/examples/snowfall/estimates.csv" \
  -Dshotplan.load.producer-token="${TOKENS[producer]}" -Dshotplan.load.supervisor-token="${TOKENS[supervisor]}" \
  -Dshotplan.load.finance-token="${TOKENS[finance]}" \
  -Dshotplan.load.db-url="$SHOTPLAN_DB_URL" 2>&1 | tee "$OUT/gatling.log" || true
{ date -u; uptime; } | tee -a "$OUT/summary.txt"

# after the load: how long plain requests take again
for i in 1 2 3 4 5; do
  curl -s -o /dev/null -w "after the load: shots page %{http_code} in %{time_total} s\n" \
    -H "Authorization: Bearer ${TOKENS[finance]}" "$URL/api/shows/NVB/shots?page=0&size=50"
  sleep 1
done | tee -a "$OUT/summary.txt"
grep -c " 503 \| 503$" "$OUT/server.log" > /dev/null || true
echo "server log, reports and this summary: $OUT (Gatling's HTML report: load/target/gatling/)"
