#!/usr/bin/env bash
# Scale-out benchmark of the generation queue (docs/benchmarks.md, "Generation: workers that scale out").
#
# N worker processes, each in a network namespace of its own, reach the host's PostgreSQL through a veth pair, and
# run jobs with a fixed-time frame processor (a sleep: the queue is measured, not this host's CPU).
# Needs root (ip netns), socat, the built jar (./shotplan build) and PostgreSQL at 127.0.0.1:5432 (database test,
# user postgres, trust). PostgreSQL keeps listening on 127.0.0.1 only: changing listen_addresses needs a restart, so
# each namespace's veth address is relayed to it by socat on the host side.
#
#   sudo generation/bench/scale-out.sh                      # N = 1 2 4 8
#   sudo generation/bench/scale-out.sh --counts "8" --failure  # N = 8, kill -9 two workers and restart PostgreSQL
#
# Options: --counts "1 2 4 8"  --frame-ms 500  --frames 10 (frames per job)  --jobs-per-worker 6  --failure
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
JAR="$ROOT/app/target/shotplan.jar"
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
PG_DB="${SHOTPLAN_BENCH_PG_DB:-test}"
PG_USER="${SHOTPLAN_BENCH_PG_USER:-postgres}"
OUT="$ROOT/generation/target/scale-out"
COUNTS="1 2 4 8"
FRAME_MS=500
FRAMES=10
JOBS_PER_WORKER=6
FAILURE=""
while [ $# -gt 0 ]; do
  case "$1" in
    --counts) COUNTS="$2"; shift 2 ;;
    --frame-ms) FRAME_MS="$2"; shift 2 ;;
    --frames) FRAMES="$2"; shift 2 ;;
    --jobs-per-worker) JOBS_PER_WORKER="$2"; shift 2 ;;
    --failure) FAILURE=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[ "$(id -u)" = 0 ] || { echo "scale-out.sh needs root (ip netns)" >&2; exit 2; }
[ -f "$JAR" ] || { echo "build first: ./shotplan build" >&2; exit 2; }
command -v socat >/dev/null || { echo "needs socat (apt-get install socat)" >&2; exit 2; }
mkdir -p "$OUT"

# the bench steps run from the jar without Spring: PropertiesLauncher reads BOOT-INF/classes and BOOT-INF/lib
bench() {
  "$JAVA" -Xmx256m --enable-native-access=ALL-UNNAMED -Dlogback.configurationFile=io/shotplan/generation/worker-logback.xml \
    -Dloader.main=io.shotplan.generation.bench.ScaleOutBench \
    -cp "$JAR" org.springframework.boot.loader.launch.PropertiesLauncher "$@"
}

RELAYS=()
WORKERS=()
MAX_NS=0
netns_up() { # namespace i: spw$i with 10.201.i.2, host side 10.201.i.1 relayed to 127.0.0.1:5432
  local i="$1"
  ip netns add "spw$i"
  ip link add "spwh$i" type veth peer name "spwn$i"
  ip link set "spwn$i" netns "spw$i"
  ip addr add "10.201.$i.1/30" dev "spwh$i"
  ip link set "spwh$i" up
  ip netns exec "spw$i" ip addr add "10.201.$i.2/30" dev "spwn$i"
  ip netns exec "spw$i" ip link set "spwn$i" up
  ip netns exec "spw$i" ip link set lo up
  socat "TCP-LISTEN:5432,bind=10.201.$i.1,fork,reuseaddr" TCP:127.0.0.1:5432 &
  RELAYS+=($!)
}
cleanup() {
  for p in "${WORKERS[@]}" "${RELAYS[@]}"; do kill -9 "$p" 2>/dev/null || true; done
  for i in $(seq 1 "$MAX_NS"); do
    ip link del "spwh$i" 2>/dev/null || true
    ip netns del "spw$i" 2>/dev/null || true
  done
}
trap cleanup EXIT

for n in $COUNTS; do [ "$n" -gt "$MAX_NS" ] && MAX_NS="$n"; done
for i in $(seq 1 "$MAX_NS"); do netns_up "$i"; done

start_worker() { # worker i of a run, in namespace i
  local i="$1" schema="$2" lease="$3" heartbeat="$4"
  ip netns exec "spw$i" "$JAVA" -Xmx256m ${WORKER_JIT:--XX:TieredStopAtLevel=1} --enable-native-access=ALL-UNNAMED \
    -Dshotplan.bench.frame-millis="$FRAME_MS" -Dshotplan.bench.out="$OUT/frames/$schema" \
    -jar "$JAR" worker --db-url "jdbc:postgresql://10.201.$i.1:5432/$PG_DB" --db-user "$PG_USER" --schema "$schema" \
    --processor io.shotplan.generation.bench.FixedTimeProcessor --threads 1 --idle-poll-ms 20 \
    --lease-seconds "$lease" --heartbeat-seconds "$heartbeat" --management-port 0 \
    > "$OUT/$schema-w$i.log" 2>&1 &
  WORKERS+=($!)
}

queue_time() { # the workers' own timers of their round trips to the queue, against the run's model time
  local n="$1" schema="$2" i addr
  for i in $(seq 1 "$n"); do
    addr="$(sed -n 's#.*health and metrics on http://\([^ ]*\)/actuator.*#\1#p' "$OUT/$schema-w$i.log")"
    ip netns exec "spw$i" curl -sf "http://$addr/actuator/prometheus" | grep '^shotplan_generation_overhead_seconds_\(sum\|count\)'
  done | awk -v model="$(sed -n 's/.*model time \([0-9.]*\) s.*/\1/p' "$OUT/$schema-run.txt")" '
    { match($0, /phase="[a-z]*"/); phase = substr($0, RSTART + 7, RLENGTH - 8)
      if ($1 ~ /_sum/) sum[phase] += $2; else count[phase] += $2 }
    END { printf "queue (the workers'"'"' own timers): claims %d, %.1f ms each; completions %d, %.1f ms each; heartbeats with frames %d; all beside the model. The model waited for the queue %.2f s in all = %.3f %% of model time\n",
            count["claim"], 1000 * sum["claim"] / count["claim"], count["complete"], 1000 * sum["complete"] / count["complete"],
            count["progress"], sum["waiting"], 100 * sum["waiting"] / model }'
}

run() { # N workers, N x JOBS_PER_WORKER jobs; with "failure": kill -9 two workers and restart PostgreSQL mid-run
  local n="$1" mode="${2:-}" schema="scaleout_n$1_$$" lease=60 heartbeat=15
  [ -n "$mode" ] && { lease=5; heartbeat=1; schema="scaleout_fail_$$"; }
  local jobs=$((n * JOBS_PER_WORKER))
  rm -rf "$OUT/frames/$schema" # a schema name repeats when one --counts names a count twice
  local plan
  plan="$(bench seed --db-url "jdbc:postgresql://127.0.0.1:5432/$PG_DB" --db-user "$PG_USER" --schema "$schema" \
    --jobs "$jobs" --frames "$FRAMES" | sed -n 's/^plan //p')"
  WORKERS=()
  for i in $(seq 1 "$n"); do start_worker "$i" "$schema" "$lease" "$heartbeat"; done
  for i in $(seq 1 "$n"); do # every worker ready (polling the empty queue) before the jobs appear
    until grep -q "^shotplan worker " "$OUT/$schema-w$i.log"; do
      kill -0 "${WORKERS[$((i - 1))]}" 2>/dev/null || { cat "$OUT/$schema-w$i.log"; exit 1; }
      sleep 1
    done
  done
  echo "== N=$n: $jobs jobs x $FRAMES frames x $FRAME_MS ms, ${mode:-steady}; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  if [ -n "$mode" ]; then
    (
      # mid-job: wait until workers 1 and 2 each hold a job with frames done (their owner names their pid)
      until [ "$(psql -h 127.0.0.1 -U "$PG_USER" -d "$PG_DB" -Atc "SELECT count(DISTINCT lease_owner) FROM $schema.generation_job
                 WHERE state = 'RUNNING' AND frames_done >= 2 AND (lease_owner LIKE '%:${WORKERS[0]}:%' OR lease_owner LIKE '%:${WORKERS[1]}:%')" 2>/dev/null)" = 2 ]; do
        sleep 0.5
      done
      echo "-- kill -9 workers 1 and 2 (pids ${WORKERS[0]} ${WORKERS[1]}) at $(date +%T)"
      kill -9 "${WORKERS[0]}" "${WORKERS[1]}"
      sleep 5
      echo "-- restarting PostgreSQL at $(date +%T)"
      "$ROOT/load/restart-postgres.sh"
      echo "-- PostgreSQL back at $(date +%T)"
    ) &
    local chaos=$!
  fi
  local rc=0
  bench run --db-url "jdbc:postgresql://127.0.0.1:5432/$PG_DB" --db-user "$PG_USER" --schema "$schema" \
    --plan "$plan" --workers "$n" | tee "$OUT/$schema-run.txt" || rc=$?
  [ -n "$mode" ] && wait "$chaos"
  [ -z "$mode" ] && queue_time "$n" "$schema"
  local expected=$((jobs * FRAMES)) written
  written="$(find "$OUT/frames/$schema" -name 'f*.txt' | wc -l)"
  echo "frame files written $written of $expected; half-written files: $(find "$OUT/frames/$schema" -name '*.tmp-*' | wc -l)"
  for p in "${WORKERS[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${WORKERS[@]}"; do wait "$p" 2>/dev/null || true; done
  WORKERS=()
  psql -h 127.0.0.1 -U "$PG_USER" -d "$PG_DB" -qc "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null
  return $rc
}

rm -rf "$OUT/frames"
if [ -n "$FAILURE" ]; then
  run "$MAX_NS" failure
else
  for n in $COUNTS; do run "$n"; done
fi
