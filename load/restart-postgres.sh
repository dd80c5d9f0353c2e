#!/usr/bin/env bash
# Restarts the local PostgreSQL cluster for the failure runs of the benchmarks (load/run.sh restart,
# generation/bench/scale-out.sh --failure), without the file descriptors the caller inherited beyond 0-2: under
# 'flock LOCK <benchmark>' one of them holds the lock, and a PostgreSQL started with it would hold the lock for as
# long as it runs. Cluster: PG_CLUSTER, else the only version under /etc/postgresql.
for fd in /proc/$$/fd/*; do
  n=${fd##*/}
  if [ "$n" -gt 2 ] && [ "$n" -lt 255 ]; then eval "exec $n>&-"; fi
done
exec pg_ctlcluster --skip-systemctl-redirect "${PG_CLUSTER:-$(ls /etc/postgresql | head -n1)}" main restart
