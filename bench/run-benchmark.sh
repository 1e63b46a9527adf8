#!/usr/bin/env bash
# Runs the benchmarks of BENCHMARKS.md (never part of ./mvnw verify). Bounded: each run takes 3-6 min here.
#   bench/run-benchmark.sh lifecycle [N] [C]   # pgbench reference + tuned and default application, N lifecycles by C clients
#   bench/run-benchmark.sh growth              # 1k / 10k / 100k historic requests: inbox, my requests, status, dashboard
#   bench/run-benchmark.sh pages               # the HTML pages and the API under 50-400 users with think time, at 1k and 100k
#   bench/run-benchmark.sh shared              # 25 municipalities, 100k historic, 5k open, 1,000 users; the application in its own JVM
# Everything runs on loopback with random ports: one PostgreSQL 17 (zonky, pg_stat_statements loaded),
# the in-process Kafka broker, the application on a random HTTP port. pgbench: Debian's
# /usr/lib/postgresql/15/bin/pgbench (override with -Dbenchmark.pgbench=...).
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-lifecycle}
mvn=./mvnw
[ -x "$mvn" ] || mvn=mvn
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
case "$what" in
  lifecycle)
    "$mvn" -q -B -Pbenchmark test -Dtest=LifecycleBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
      -Dbenchmark.lifecycles="${2:-200}" -Dbenchmark.clients="${3:-20}" ${EXTRA:-} ;;
  growth)
    "$mvn" -q -B -Pbenchmark test -Dtest=GrowthBenchmark -Dsurefire.failIfNoSpecifiedTests=false ${EXTRA:-} ;;
  pages)
    "$mvn" -q -B -Pbenchmark test -Dtest=PagesUnderLoadBenchmark -Dsurefire.failIfNoSpecifiedTests=false ${EXTRA:-} ;;
  shared)
    "$mvn" -q -B -Pbenchmark test -Dtest=SharedInstallationBenchmark -Dsurefire.failIfNoSpecifiedTests=false ${EXTRA:-} ;;
  latency)
    "$mvn" -q -B -Pbenchmark test -Dtest=CommitToAckLatencyBenchmark -Dsurefire.failIfNoSpecifiedTests=false ${EXTRA:-} ;;
  *) echo "usage: $0 lifecycle [N] [C] | growth | pages | shared | latency" >&2; exit 2 ;;
esac
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
